package io.helpdeskverify.directory.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client-credentials identity per customer tenant. azure-identity caches the token inside the
 * credential until it expires, so keeping one credential per tenant is what makes the cache work.
 */
class TenantCredentials {

    private final GraphProperties props;
    private final Map<String, TokenCredential> byTenant = new ConcurrentHashMap<>();

    TenantCredentials(GraphProperties props) {
        this.props = props;
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
