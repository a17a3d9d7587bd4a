package io.helpdeskverify.directory.graph;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client-credentials identity per customer tenant, and its token kept until shortly before
 * it expires. The explicit cache matters: with an authority other than the public cloud's, MSAL's
 * own cache lookup misses and every Graph page would cost a token request.
 */
class TenantCredentials {

    /** Renew this long before expiry, so a token never runs out in the middle of a page. */
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final GraphProperties props;
    private final Map<String, TokenCredential> byTenant = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();

    TenantCredentials(GraphProperties props) {
        this.props = props;
    }

    /** A bearer token for Graph in this tenant; one token request per tenant and token lifetime. */
    String token(String tenantId) {
        String tenant = tenantId.toLowerCase(Locale.ROOT);
        return tokens.compute(tenant, (t, current) -> current != null
                && current.getExpiresAt().isAfter(OffsetDateTime.now().plus(RENEW_BEFORE)) ? current
                : forTenant(t).getTokenSync(new TokenRequestContext().addScopes(props.scope()))).getToken();
    }

    TokenCredential forTenant(String tenantId) {
        return byTenant.computeIfAbsent(tenantId.toLowerCase(Locale.ROOT), this::build);
    }

    private TokenCredential build(String tenantId) {
        var http = new OkHttpAsyncHttpClientBuilder().build();
        // Instance discovery would ask login.microsoftonline.com about the authority: pointless for
        // the public cloud, and wrong for a sovereign cloud or a test authority.
        if (!props.certificatePath().isBlank()) {
            var b = new ClientCertificateCredentialBuilder().tenantId(tenantId).clientId(props.clientId())
                    .authorityHost(props.authorityRoot()).disableInstanceDiscovery().httpClient(http);
            String path = props.certificatePath();
            if (path.toLowerCase(Locale.ROOT).endsWith(".pfx") || path.toLowerCase(Locale.ROOT).endsWith(".p12")) {
                b.pfxCertificate(path).clientCertificatePassword(props.certificatePassword());
            } else {
                b.pemCertificate(path);
            }
            return b.build();
        }
        return new ClientSecretCredentialBuilder().tenantId(tenantId).clientId(props.clientId())
                .clientSecret(props.clientSecret()).authorityHost(props.authorityRoot()).disableInstanceDiscovery()
                .httpClient(http).build();
    }
}
