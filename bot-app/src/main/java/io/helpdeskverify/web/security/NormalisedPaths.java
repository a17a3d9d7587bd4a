package io.helpdeskverify.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall (no raw {@code ;}, encoded {@code /} {@code \} {@code %} {@code .},
 * {@code //}, {@code ..}, control characters) plus one rule of our own: a percent-encoded letter,
 * digit or {@code -_~}. Those never need encoding (RFC 3986 §2.3), so a path that has them is
 * trying to look different from the one it routes to.
 */
final class NormalisedPaths extends StrictHttpFirewall {

    /** Where a raw ';' is data (the local profile's fake Bot Connector), if anywhere. */
    private final Optional<String> semicolonsUnder;

    /**
     * @param semicolonsUnder a path prefix under which a raw {@code ;} is let through: Teams thread
     *     ids read {@code 19:…@thread.tacv2;messageid=…}, and the Bot Framework SDK puts them in the
     *     URL unencoded. Only the local profile passes one, for the playground's own fake connector
     *     (a loopback route the bot calls itself, open to anyone in that profile anyway); every other
     *     path, and every {@code ..}, {@code //} or encoded slash, is refused as before.
     */
    NormalisedPaths(Optional<String> semicolonsUnder) {
        this.semicolonsUnder = semicolonsUnder;
        // Checked below instead, so that the one exception above can exist. An encoded ';' (%3B) is
        // data everywhere: Spring decodes it into the segment itself, where it matches no route.
        setAllowSemicolon(true);
    }

    private static final Pattern ENCODED_UNRESERVED =
            Pattern.compile("%(?:3[0-9]|4[1-9a-fA-F]|5[0-9aA]|6[1-9a-fA-F]|7[0-9aA]|2[dD]|5[fF]|7[eE])");

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
        String uri = request.getRequestURI();
        if (uri != null && uri.indexOf(';') >= 0 && semicolonsUnder.map(p -> !uri.startsWith(p)).orElse(true)) {
            throw new RequestRejectedException("the URL contains a ';' (matrix parameters are not accepted)");
        }
        if (uri != null && ENCODED_UNRESERVED.matcher(uri).find()) {
            throw new RequestRejectedException("the URL contains a percent-encoded letter, digit or '-', '_', '~'");
        }
        return super.getFirewalledRequest(request);
    }
}
