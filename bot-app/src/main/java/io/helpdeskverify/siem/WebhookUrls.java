package io.helpdeskverify.siem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which receiver URLs are accepted: HTTPS only, since the events name people and technicians; plain
 * HTTP to this machine (127.0.0.1, localhost, [::1]) only in the local and test runs or with
 * {@code HELPDESK_SIEM_ALLOW_LOOPBACK=true}, for a receiver beside the bot.
 */
final class WebhookUrls {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final int MAX_LENGTH = 2000;

    private final boolean loopbackAllowed;

    WebhookUrls(boolean loopbackAllowed) {
        this.loopbackAllowed = loopbackAllowed;
    }

    String check(String url) {
        if (url == null || url.isBlank()) {
            throw new WebhookRejected("url", "url is required.");
        }
        String u = url.strip();
        if (u.length() > MAX_LENGTH) {
            throw new WebhookRejected("url", "url is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new WebhookRejected("url", "url is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null || !uri.isAbsolute()) {
            throw new WebhookRejected("url", "url must be an absolute https URL with a host, without user info or "
                    + "fragment.");
        }
        boolean loopback = LOOPBACK.contains(host);
        if (loopback && !loopbackAllowed) {
            throw new WebhookRejected("url", "url points at this machine; allowed only in the local and test runs "
                    + "or with HELPDESK_SIEM_ALLOW_LOOPBACK=true.");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new WebhookRejected("url", "url must use https.");
        }
        return u;
    }
}
