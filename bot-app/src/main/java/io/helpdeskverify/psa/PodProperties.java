package io.helpdeskverify.psa;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ticket page inside the PSA (docs/psa.md#the-pod-page): the ConnectWise Manage pod and the
 * Autotask LiveLink.
 *
 * @param connectwiseOrigins the Manage web origins that may frame the page ({@code frame-ancestors}) and
 *        whose messages it reads; empty: the browser origin of {@code CONNECTWISE_URL} (its {@code api-}
 *        host prefix dropped, so {@code https://api-na.myconnectwise.net} gives {@code https://na.myconnectwise.net})
 * @param sessionTtl how long a page session lasts after the member was confirmed
 * @param codeTtl how long an Autotask one-time code may be typed into the page
 */
@ConfigurationProperties("helpdesk.psa.pod")
public record PodProperties(@DefaultValue List<String> connectwiseOrigins, @DefaultValue("30m") Duration sessionTtl,
                            @DefaultValue("10m") Duration codeTtl) {

    public PodProperties {
        connectwiseOrigins = connectwiseOrigins.stream().map(String::strip).filter(o -> !o.isEmpty())
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).toList();
    }

    /** The explicit origins, else the one derived from the ConnectWise site URL. */
    public List<String> framingOrigins(String connectwiseUrl) {
        if (!connectwiseOrigins.isEmpty() || connectwiseUrl == null || connectwiseUrl.isBlank()) {
            return connectwiseOrigins;
        }
        try {
            var uri = java.net.URI.create(connectwiseUrl.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return List.of();
            }
            String host = uri.getHost().startsWith("api-") ? uri.getHost().substring(4) : uri.getHost();
            return List.of(uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
