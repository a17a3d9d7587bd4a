package io.helpdeskverify.directory.graph;

import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.DirectoryConsent;
import io.helpdeskverify.directory.DirectoryException;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.DirectorySync;
import io.helpdeskverify.directory.Secrets;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Admin consent, once per customer tenant: the link names our app and carries a one-time
 * {@code state}; Microsoft sends the customer's admin back with {@code admin_consent=True} and the
 * tenant id, which is then recorded on the customer and its first import starts. A {@code state}
 * we did not issue (or already used) is refused, so nobody can attach their tenant to a customer.
 *
 * <p>A valid state only proves the link came from us, not that the right tenant consented: a link
 * forwarded to (or phished by) another organisation's admin would attach that tenant, and the next
 * sync would fill the customer with someone else's users and contacts. So the tenant is linked only
 * when one of its verified domains (which Microsoft checked by DNS) is one of the customer's email
 * domains. A refusal that linked nothing puts the state back, so the same link works again once the
 * domain is added or Graph answers.
 */
class ConsentFlow implements DirectoryConsent {

    static final Duration STATE_VALIDITY = Duration.ofHours(24);
    /** Microsoft's redirect names the tenant by its GUID; nothing else goes into a token request. */
    private static final Pattern TENANT_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final GraphProperties props;
    private final DirectoryService directory;
    private final DirectorySync sync;
    private final StringRedisTemplate redis;
    private final Secrets secrets;
    private final GraphUsers graph;

    ConsentFlow(GraphProperties props, DirectoryService directory, DirectorySync sync, StringRedisTemplate redis,
                Secrets secrets, GraphUsers graph) {
        this.graph = graph;
        this.props = props;
        this.directory = directory;
        this.sync = sync;
        this.redis = redis;
        this.secrets = secrets;
    }

    @Override
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

    @Override
    public Outcome complete(String state, String tenant, String adminConsent, String error, String errorDescription) {
        if (state == null || state.isBlank()) {
            return new Outcome.Refused("This page is only reached from a consent link, and the link's state is missing.");
        }
        // Read before taking it, so a refusal that linked nothing can put it back for what was left.
        Long ttlMillis = redis.getExpire(key(state), TimeUnit.MILLISECONDS);
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
        if (!TENANT_ID.matcher(tenant.strip()).matches()) {
            return new Outcome.Refused("Microsoft 365 sent '" + tenant + "', which is not a tenant id. Ask your IT "
                    + "service provider for a new link.");
        }
        try {
            var check = checkDomains(directory.customer(slug), tenant.strip());
            if (check.isPresent()) {
                putBack(state, slug, ttlMillis);
                return check.get();
            }
            var customer = directory.setMicrosoftTenant(slug, Optional.of(tenant));
            var started = sync.start(customer.slug(), "consent");
            return new Outcome.Connected(customer.name(), customer.microsoftTenantId().orElse(tenant),
                    started instanceof DirectorySync.SyncStart.Started);
        } catch (DirectoryException e) {
            return new Outcome.Refused(e.getMessage());
        }
    }

    /** Empty when the tenant may be linked to the customer; otherwise the refusal, and nothing was linked. */
    private Optional<Outcome> checkDomains(Customer customer, String tenant) {
        if (customer.emailDomains().isEmpty()) {
            return Optional.of(new Outcome.Refused(customer.slug() + " has no email domains yet, so this tenant "
                    + "cannot be checked against them and was not connected. Ask your IT service provider to set the "
                    + "customer's email domains first (PATCH /api/v1/customers/" + customer.slug()
                    + " {\"emailDomains\": [...]}), then reload this page."));
        }
        GraphUsers.Organization org;
        try {
            org = graph.organization(tenant);
        } catch (GraphFailure e) {
            String why = e.status() == 403
                    ? "the app may not read the tenant's organization: grant it Organization.Read.All (docs/directory.md)"
                    : e.getMessage();
            return Optional.of(new Outcome.Refused("Microsoft 365 could not tell which domains tenant " + tenant
                    + " has verified (" + why + "), so it was not connected. Reload this page in a minute to try "
                    + "again."));
        }
        List<String> ours = customer.emailDomains().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        if (org.verifiedDomains().stream().anyMatch(d -> ours.contains(d.toLowerCase(Locale.ROOT)))) {
            return Optional.empty();
        }
        String named = org.displayName().isBlank() ? tenant : tenant + " (" + org.displayName() + ")";
        return Optional.of(new Outcome.Refused("Tenant " + named + "'s verified domains ("
                + String.join(", ", org.verifiedDomains()) + ") include none of " + customer.slug()
                + "'s email domains (" + String.join(", ", customer.emailDomains()) + "): ask the customer's admin "
                + "to consent with the right tenant, or add the domain to the customer. Nothing was connected."));
    }

    private void putBack(String state, String slug, Long ttlMillis) {
        if (ttlMillis != null && ttlMillis > 0) {
            redis.opsForValue().setIfAbsent(key(state), slug, Duration.ofMillis(ttlMillis));
        }
    }

    private static String key(String state) {
        return "hv:graph:consent:" + Secrets.hash(state);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
