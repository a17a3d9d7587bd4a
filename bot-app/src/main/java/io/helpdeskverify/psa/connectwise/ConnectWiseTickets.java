package io.helpdeskverify.psa.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.psa.HostedMembers;
import io.helpdeskverify.psa.MemberProof;
import io.helpdeskverify.psa.PodMember;
import io.helpdeskverify.psa.PsaCompany;
import io.helpdeskverify.psa.PsaContact;
import io.helpdeskverify.psa.PsaException;
import io.helpdeskverify.psa.PsaException.Kind;
import io.helpdeskverify.psa.PsaHttp;
import io.helpdeskverify.psa.PsaProperties;
import io.helpdeskverify.psa.PsaProvider;
import io.helpdeskverify.psa.PsaTicket;
import io.helpdeskverify.psa.PsaTickets;
import io.helpdeskverify.psa.TicketNote;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * ConnectWise Manage REST (3.0). The site's codebase (e.g. {@code v4_6_release/}) is asked once from
 * {@code /login/companyinfo/{company}} and kept; calls then go to {@code {site}/{codebase}apis/3.0}
 * with Basic auth {@code company+publicKey:privateKey} and the {@code clientId} header.
 */
@Component
public class ConnectWiseTickets implements PsaTickets, HostedMembers {

    private static final Pattern TICKET_ID = Pattern.compile("#?\\d{1,12}");
    /* What a member id, hash and context may hold: they go into a cookie and a conditions string. */
    private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,50}");
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9+/=._~!*()'-]{1,4096}");
    private static final String ACCEPT = "application/json";

    private final PsaProperties.ConnectWise settings;
    private final PsaHttp http;
    private final ObjectMapper json;
    private final AtomicReference<String> apiBase = new AtomicReference<>();

    public ConnectWiseTickets(PsaProperties props, ObjectMapper json) {
        this.settings = props.connectwise();
        this.http = new PsaHttp(props.http(), PsaProvider.CONNECTWISE.label(), () -> {});
        this.json = json;
    }

    @Override
    public PsaProvider provider() {
        return PsaProvider.CONNECTWISE;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public Map<String, String> settings() {
        var out = new LinkedHashMap<String, String>();
        out.put("CONNECTWISE_URL", settings.url().isEmpty() ? "missing" : settings.url());
        out.put("CONNECTWISE_COMPANY_ID", settings.companyId().isEmpty() ? "missing" : settings.companyId());
        out.put("CONNECTWISE_PUBLIC_KEY", set(settings.publicKey()));
        out.put("CONNECTWISE_PRIVATE_KEY", set(settings.privateKey()));
        out.put("CONNECTWISE_CLIENT_ID", set(settings.clientId()));
        Optional.ofNullable(apiBase.get()).ifPresent(b -> out.put("codebase", b));
        return out;
    }

    @Override
    public PsaTicket ticket(String reference) {
        String ref = reference.strip();
        if (!TICKET_ID.matcher(ref).matches()) {
            throw new PsaException(Kind.NOT_FOUND, "'" + ref + "' is not a ConnectWise ticket number: use the digits, "
                    + "e.g. 12345.");
        }
        String id = ref.startsWith("#") ? ref.substring(1) : ref;
        JsonNode t = get("/service/tickets/" + id, "ticket #" + id)
                .orElseThrow(() -> new PsaException(Kind.NOT_FOUND, "ConnectWise has no ticket #" + id
                        + " (or the API member may not see its board)."));
        JsonNode contact = t.path("contact");
        return new PsaTicket(PsaProvider.CONNECTWISE, t.path("id").asText(id), t.path("id").asText(id),
                t.path("summary").asText(""), t.path("company").path("id").asText(""),
                t.path("company").path("name").asText(""),
                contact.hasNonNull("id") ? Optional.of(contact.path("id").asText()) : Optional.empty(),
                new PsaTicket.TicketContact(t.path("contactName").asText(""), text(t, "contactEmailAddress"),
                        text(t, "contactPhoneNumber")));
    }

    @Override
    public PsaContact contact(String contactId) {
        JsonNode c = get("/company/contacts/" + enc(contactId), "contact " + contactId)
                .orElseThrow(() -> new PsaException(Kind.NOT_FOUND, "ConnectWise has no contact " + contactId + "."));
        var emails = new ArrayList<String>();
        Optional<String> mobile = Optional.empty();
        for (JsonNode item : c.path("communicationItems")) {
            String type = item.path("communicationType").asText("");
            String name = item.path("type").path("name").asText("").toLowerCase(Locale.ROOT);
            String value = item.path("value").asText("");
            if (type.equalsIgnoreCase("Email")) {
                if (item.path("defaultFlag").asBoolean(false)) {
                    emails.add(0, value);
                } else {
                    emails.add(value);
                }
            } else if (type.equalsIgnoreCase("Phone") && (name.contains("mobile") || name.contains("cell"))
                    && mobile.isEmpty()) {
                // Only a number the record calls mobile: a direct or office line cannot receive an SMS code.
                mobile = Optional.of(value);
            }
        }
        return new PsaContact(c.path("id").asText(contactId), c.path("firstName").asText(""),
                c.path("lastName").asText(""), !c.path("inactiveFlag").asBoolean(false), emails, mobile);
    }

    @Override
    public void addInternalNote(TicketNote note) {
        var body = json.createObjectNode();
        // internalAnalysisFlag: the "Internal" tab, never shown to the customer or e-mailed to the contact.
        body.put("text", note.title() + "\n" + note.text());
        body.put("detailDescriptionFlag", false);
        body.put("internalAnalysisFlag", true);
        body.put("resolutionFlag", false);
        String path = "/service/tickets/" + enc(note.ticketId()) + "/notes";
        var r = http.send(() -> request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "a note on ticket #" + note.ticketId());
        if (r.status() == 404) {
            throw new PsaException(Kind.NOT_FOUND, "ConnectWise ticket #" + note.ticketId() + " is gone.");
        }
    }

    @Override
    public java.util.List<PsaCompany> findCompanies(String name, java.util.List<String> domains) {
        var conditions = new ArrayList<String>();
        conditions.add("name like \"" + quoted(name) + "%\"");
        domains.forEach(d -> conditions.add("website like \"%" + quoted(d) + "%\""));
        String query = "?conditions=" + enc(String.join(" or ", conditions)).replace("+", "%20")
                + "&fields=id,name,website&pageSize=10";
        var out = new ArrayList<PsaCompany>();
        get("/company/companies" + query, "the company search").ifPresent(list -> list.forEach(c -> out.add(
                new PsaCompany(c.path("id").asText(), c.path("name").asText(""), c.path("website").asText("")))));
        return out;
    }

    /* ConnectWise conditions quote with "; a quote in a customer's name must not end the string. */
    private static String quoted(String s) {
        return s.replace("\\", "").replace("\"", "");
    }

    @Override
    public void testCall() {
        get("/system/info", "the connection test").orElseThrow(() -> new PsaException(Kind.REJECTED,
                "ConnectWise answered 404 for /system/info: check CONNECTWISE_URL."));
    }

    @Override
    public Optional<Long> callsThisHour() {
        return Optional.empty();
    }

    /**
     * The Hosted API's memberHash is the member's credential for a call to Manage's API (docs/psa.md
     * says which part of this is ConnectWise's documentation and which is assumed): we ask
     * {@code /system/myMembers/info} with it, first as the browser's cookies, then as Basic
     * {@code company+memberId:memberHash}, always against our own site and company, so a member of
     * another Manage, or a hash of one member under a colleague's id, is refused. The email comes from
     * the member record, read with our own API member, never from the browser.
     */
    @Override
    public Optional<PodMember> confirm(MemberProof proof) {
        requireConfigured();
        base(); // A site that does not know our company is our setup's fault, not the member's: said as such.
        if (!proof.companyId().equalsIgnoreCase(settings.companyId()) || !MEMBER_ID.matcher(proof.memberId()).matches()
                || !COOKIE_VALUE.matcher(proof.memberHash()).matches()
                || !(proof.memberContext().isEmpty() || COOKIE_VALUE.matcher(proof.memberContext()).matches())) {
            return Optional.empty();
        }
        String cookie = "companyName=" + settings.companyId() + "; memberId=" + proof.memberId() + "; memberHash="
                + proof.memberHash() + (proof.memberContext().isEmpty() ? "" : "; memberContext=" + proof.memberContext());
        String basic = "Basic " + Base64.getEncoder().encodeToString((settings.companyId() + "+" + proof.memberId() + ":"
                + proof.memberHash()).getBytes(StandardCharsets.UTF_8));
        var identifier = memberInfo("Cookie", cookie).or(() -> memberInfo("Authorization", basic))
                .filter(id -> id.equalsIgnoreCase(proof.memberId()));
        if (identifier.isEmpty()) {
            return Optional.empty();
        }
        String query = "?conditions=" + enc("identifier=\"" + identifier.get() + "\"").replace("+", "%20")
                + "&fields=identifier,officeEmail,inactiveFlag&pageSize=1";
        var record = get("/system/members" + query, "the member record").filter(JsonNode::isArray)
                .filter(a -> !a.isEmpty()).map(a -> a.get(0));
        if (record.map(r -> r.path("inactiveFlag").asBoolean(false)).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(new PodMember(identifier.get(), record.map(r -> r.path("officeEmail").asText(""))));
    }

    /* The member's credential instead of ours: no Authorization of the API member on this call. */
    private Optional<String> memberInfo(String header, String value) {
        try {
            var r = http.send(() -> HttpRequest.newBuilder(PsaHttp.uri(base(), "/system/myMembers/info"))
                    .header("Accept", ACCEPT).header("clientId", settings.clientId()).header(header, value).GET(),
                    "the member check");
            return r.status() == 404 ? Optional.empty()
                    : Optional.of(parse(r.body()).path("identifier").asText("")).filter(s -> !s.isBlank());
        } catch (PsaException e) {
            if (e.kind() == Kind.CREDENTIALS) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<JsonNode> get(String path, String what) {
        var r = http.send(() -> request(path).header("Accept", ACCEPT).GET(), what);
        return r.status() == 404 ? Optional.empty() : Optional.of(parse(r.body()));
    }

    private HttpRequest.Builder request(String path) {
        requireConfigured();
        String auth = settings.companyId() + "+" + settings.publicKey() + ":" + settings.privateKey();
        return HttpRequest.newBuilder(PsaHttp.uri(base(), path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)))
                .header("clientId", settings.clientId());
    }

    /** The codebase moves with the site's upgrades only, so one answer per process is enough. */
    private String base() {
        String known = apiBase.get();
        if (known != null) {
            return known;
        }
        String path = "/login/companyinfo/" + enc(settings.companyId());
        var r = http.send(() -> HttpRequest.newBuilder(PsaHttp.uri(settings.url(), path)).header("Accept", ACCEPT)
                .header("clientId", settings.clientId()).GET(), "codebase discovery");
        JsonNode info = r.status() == 404 ? json.createObjectNode() : parse(r.body());
        String codebase = info.path("Codebase").asText("");
        if (codebase.isBlank()) {
            throw new PsaException(Kind.CREDENTIALS, "ConnectWise does not know company '" + settings.companyId()
                    + "' at " + settings.url() + ": check CONNECTWISE_COMPANY_ID (the company id you log in with) "
                    + "and CONNECTWISE_URL (the site, e.g. https://api-na.myconnectwise.net).");
        }
        String b = PsaHttp.uri(settings.url(), codebase.endsWith("/") ? codebase + "apis/3.0" : codebase + "/apis/3.0")
                .toString();
        apiBase.compareAndSet(null, b);
        return apiBase.get();
    }

    private void requireConfigured() {
        if (!settings.configured()) {
            throw new PsaException(Kind.NOT_CONFIGURED, "ConnectWise is not configured: set CONNECTWISE_URL, "
                    + "CONNECTWISE_COMPANY_ID, CONNECTWISE_PUBLIC_KEY, CONNECTWISE_PRIVATE_KEY and CONNECTWISE_CLIENT_ID.");
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new PsaException(Kind.UNAVAILABLE, "ConnectWise answered something that is not JSON.");
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String set(String s) {
        return s.isEmpty() ? "missing" : "set";
    }
}
