package io.helpdeskverify.psa.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
public class ConnectWiseTickets implements PsaTickets {

    private static final Pattern TICKET_ID = Pattern.compile("#?\\d{1,12}");
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
