package io.helpdeskverify.directory.graph;

import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.DirectoryException;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.DirectorySync;
import io.helpdeskverify.directory.Secrets;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Admin consent, once per customer tenant: the link names our app and carries a one-time
 * {@code state}; Microsoft sends the customer's admin back with {@code admin_consent=True} and the
 * tenant id, which is then recorded on the customer and its first import starts. A {@code state}
 * we did not issue (or already used) is refused, so nobody can attach their tenant to a customer.
 */
public class ConsentFlow {

    static final Duration STATE_VALIDITY = Duration.ofHours(24);

    private final GraphProperties props;
    private final DirectoryService directory;
    private final DirectorySync sync;
    private final StringRedisTemplate redis;
    private final Secrets secrets;

    ConsentFlow(GraphProperties props, DirectoryService directory, DirectorySync sync, StringRedisTemplate redis,
                Secrets secrets) {
        this.props = props;
        this.directory = directory;
        this.sync = sync;
        this.redis = redis;
        this.secrets = secrets;
    }

    /**
     * The admin-consent link for this customer's Microsoft 365 admin.
     *
     * @param defaultRedirectUri this server's callback as the caller reached it, used unless GRAPH_REDIRECT_URI is set
     */
    public URI consentUrl(String customerSlug, String defaultRedirectUri) {
        Customer customer = directory.customer(customerSlug);
        if (props.clientId().isBlank()) {
            throw new DirectoryException.Invalid("GRAPH_CLIENT_ID", "Microsoft 365 import is not configured on this "
                    + "server: set GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET (or GRAPH_CERTIFICATE_PATH). See docs/directory.md.");
        }
        String state = secrets.newSecret(24);
        redis.opsForValue().set(key(state), customer.slug(), STATE_VALIDITY);
        String redirect = props.redirectUri().isBlank() ? defaultRedirectUri : props.redirectUri();
        return URI.create(props.authorityRoot() + "/organizations/v2.0/adminconsent"
                + "?client_id=" + enc(props.clientId())
                + "&scope=" + enc(props.scope())
                + "&redirect_uri=" + enc(redirect)
                + "&state=" + enc(state));
    }

    /** What Microsoft's redirect said, checked against the state we issued. */
    public Outcome complete(String state, String tenant, String adminConsent, String error, String errorDescription) {
        if (state == null || state.isBlank()) {
            return new Outcome.Refused("This page is only reached from a consent link, and the link's state is missing.");
        }
        String slug = redis.opsForValue().getAndDelete(key(state));
        if (slug == null) {
            return new Outcome.Refused("This consent link is unknown, already used or expired. Ask your IT service "
                    + "provider for a new one.");
        }
        if (error != null && !error.isBlank()) {
            return new Outcome.Refused("Microsoft 365 did not grant consent (" + error + ")"
                    + (errorDescription == null || errorDescription.isBlank() ? "." : ": " + errorDescription)
                    + " Ask your IT service provider for a new link if you want to try again.");
        }
        if (!"true".equalsIgnoreCase(adminConsent) || tenant == null || tenant.isBlank()) {
            return new Outcome.Refused("Microsoft 365 did not confirm admin consent. Sign in as a Global or "
                    + "Privileged Role Administrator of the customer's tenant and use a new link.");
        }
        try {
            var customer = directory.setMicrosoftTenant(slug, Optional.of(tenant));
            var started = sync.start(customer.slug(), "consent");
            return new Outcome.Connected(customer.name(), customer.microsoftTenantId().orElse(tenant),
                    started instanceof DirectorySync.SyncStart.Started);
        } catch (DirectoryException e) {
            return new Outcome.Refused(e.getMessage());
        }
    }

    private static String key(String state) {
        return "hv:graph:consent:" + Secrets.hash(state);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The answer the admin's browser gets. */
    public sealed interface Outcome permits Outcome.Connected, Outcome.Refused {

        record Connected(String customerName, String tenantId, boolean importStarted) implements Outcome {}

        record Refused(String message) implements Outcome {}
    }
}
