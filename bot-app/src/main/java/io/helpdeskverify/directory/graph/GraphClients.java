package io.helpdeskverify.directory.graph;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Graph SDK client per tenant, pointed at {@code GRAPH_API_URL}. The SDK's retry middleware
 * waits out 429, 503 and 504 answers for their {@code Retry-After} before trying again.
 */
class GraphClients {

    private final GraphProperties props;
    private final TenantCredentials credentials;
    private final Map<String, GraphServiceClient> byTenant = new ConcurrentHashMap<>();

    GraphClients(GraphProperties props, TenantCredentials credentials) {
        this.props = props;
        this.credentials = credentials;
    }

    GraphServiceClient forTenant(String tenantId) {
        return byTenant.computeIfAbsent(tenantId.toLowerCase(Locale.ROOT), this::build);
    }

    private GraphServiceClient build(String tenantId) {
        var auth = new BaseBearerTokenAuthenticationProvider(new TenantTokenProvider(tenantId));
        var retry = new RetryHandlerOption((delay, attempt, request, response) -> true, props.maxRetries(),
                RetryHandlerOption.DEFAULT_DELAY);
        var http = GraphClientFactory.create(auth, new RequestOption[] {retry}).build();
        var client = new GraphServiceClient(auth, http);
        client.getRequestAdapter().setBaseUrl(props.apiRoot());
        return client;
    }

    /** Tokens only for the configured Graph host, so a link elsewhere never receives one. */
    private final class TenantTokenProvider implements AccessTokenProvider {
        private final String tenantId;
        private final AllowedHostsValidator hosts = new AllowedHostsValidator(props.apiUrl().getHost());

        TenantTokenProvider(String tenantId) {
            this.tenantId = tenantId;
        }

        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> context) {
            if (!hosts.isUrlHostValid(uri)) {
                return "";
            }
            return credentials.token(tenantId);
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
            return hosts;
        }
    }
}
