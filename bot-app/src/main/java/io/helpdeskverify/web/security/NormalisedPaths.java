package io.helpdeskverify.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall (no {@code ;}, encoded {@code /} {@code \} {@code %} {@code .},
 * {@code //}, {@code ..}, control characters) plus one rule of our own: a percent-encoded letter,
 * digit or {@code -_~}. Those never need encoding (RFC 3986 §2.3), so a path that has them is
 * trying to look different from the one it routes to.
 */
final class NormalisedPaths extends StrictHttpFirewall {

    private static final Pattern ENCODED_UNRESERVED =
            Pattern.compile("%(?:3[0-9]|4[1-9a-fA-F]|5[0-9aA]|6[1-9a-fA-F]|7[0-9aA]|2[dD]|5[fF]|7[eE])");

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
        String uri = request.getRequestURI();
        if (uri != null && ENCODED_UNRESERVED.matcher(uri).find()) {
            throw new RequestRejectedException("the URL contains a percent-encoded letter, digit or '-', '_', '~'");
        }
        return super.getFirewalledRequest(request);
    }
}
