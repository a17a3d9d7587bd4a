package io.helpdeskverify.siem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which receiver URLs are accepted: HTTPS (or syslog over TLS) only, since the events name people and
 * technicians; plain HTTP or syslog to this machine (127.0.0.1, localhost, [::1]) only in the local and test runs or with
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
        if (scheme.equals("syslog") || scheme.equals("syslog+tls")) {
            return syslog(uri, scheme, loopback);
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new WebhookRejected("url", "url must use https.");
        }
        return u;
    }

    /** {@code syslog+tls://host:port}, or plain {@code syslog://} to this machine only, like http. */
    private static String syslog(URI uri, String scheme, boolean loopback) {
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new WebhookRejected("port", "port must be between 1 and 65535.");
        }
        if (scheme.equals("syslog") && !loopback) {
            throw new WebhookRejected("tls", "syslog without TLS is allowed only to this machine; set tls to true.");
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    }

    /** The destination URL of a syslog receiver, from the fields the API takes. */
    static String syslogUrl(String host, Integer port, boolean tls) {
        if (host == null || host.isBlank() || !host.strip().matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+]")) {
            throw new WebhookRejected("host", "host must be a host name or IP address.");
        }
        if (port == null || port < 1 || port > 65535) {
            throw new WebhookRejected("port", "port must be between 1 and 65535.");
        }
        return (tls ? "syslog+tls" : "syslog") + "://" + host.strip() + ":" + port;
    }
}
