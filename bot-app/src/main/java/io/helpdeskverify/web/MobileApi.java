package io.helpdeskverify.web;

/** The routes the self-serve app calls; they carry device credentials, not the admin token. */
final class MobileApi {

    private MobileApi() {}

    static boolean covers(String path) {
        return path.equals("/api/v1/devices") || path.startsWith("/api/v1/devices/")
                || path.startsWith("/api/v1/challenges/");
    }
}
