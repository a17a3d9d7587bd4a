package io.helpdeskverify.psa.autotask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.psa.PsaCallCounter;
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
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Datto Autotask PSA REST (V1.0). The zone of the API user's database is asked once from
 * {@code zoneInformation?user=} and kept; the note picklists and technicians' resource ids are
 * cached too, because the 10,000 requests per hour are shared with every other integration.
 */
@Component
public class AutotaskTickets implements PsaTickets {

    /** {@code T20240115.0023}: what Autotask shows as the ticket number. */
    private static final Pattern TICKET_NUMBER = Pattern.compile("T\\d{8}\\.\\d{4}", Pattern.CASE_INSENSITIVE);
    private static final Pattern TICKET_ID = Pattern.compile("\\d{1,12}");

    private final PsaProperties.Autotask settings;
    private final PsaHttp http;
    private final ObjectMapper json;
    private final PsaCallCounter calls;
    private final Clock clock;
    private final AtomicReference<String> zone = new AtomicReference<>();
    private final AtomicReference<NotePicklists> picklists = new AtomicReference<>();
    private final Map<String, Optional<String>> resources = new ConcurrentHashMap<>();

    public AutotaskTickets(PsaProperties props, ObjectMapper json, Clock clock, PsaCallCounter calls) {
        this.settings = props.autotask();
        this.calls = calls;
        this.clock = clock;
        this.http = new PsaHttp(props.http(), PsaProvider.AUTOTASK.label(), this::spend);
        this.json = json;
    }

    @Override
    public PsaProvider provider() {
        return PsaProvider.AUTOTASK;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public Map<String, String> settings() {
        var out = new LinkedHashMap<String, String>();
        out.put("AUTOTASK_USERNAME", settings.username().isEmpty() ? "missing" : settings.username());
        out.put("AUTOTASK_SECRET", settings.secret().isEmpty() ? "missing" : "set");
        out.put("AUTOTASK_INTEGRATION_CODE", settings.integrationCode().isEmpty() ? "missing" : "set");
        out.put("AUTOTASK_DISCOVERY_URL", settings.discoveryUrl());
        Optional.ofNullable(zone.get()).ifPresent(z -> out.put("zone", z));
        return out;
    }

    @Override
    public PsaTicket ticket(String reference) {
        String ref = reference.strip();
        JsonNode t;
        if (TICKET_NUMBER.matcher(ref).matches()) {
            var query = json.createObjectNode();
            var filter = query.putArray("filter").addObject();
            filter.put("op", "eq");
            filter.put("field", "ticketNumber");
            filter.put("value", ref.toUpperCase(Locale.ROOT));
            query.putArray("includeFields").add("id").add("ticketNumber").add("title").add("companyID").add("contactID")
                    .add("status");
            query.put("maxRecords", 1);
            JsonNode items = post("Tickets/query", query.toString(), "ticket " + ref).path("items");
            if (items.isEmpty()) {
                throw new PsaException(Kind.NOT_FOUND, "Autotask has no ticket " + ref + ".");
            }
            t = items.get(0);
        } else if (TICKET_ID.matcher(ref).matches()) {
            t = get("Tickets/" + ref, "ticket " + ref).map(n -> n.path("item"))
                    .filter(n -> !n.isMissingNode() && !n.isNull())
                    .orElseThrow(() -> new PsaException(Kind.NOT_FOUND, "Autotask has no ticket with id " + ref + "."));
        } else {
            throw new PsaException(Kind.NOT_FOUND, "'" + ref + "' is not an Autotask ticket: use the ticket number "
                    + "(T20240115.0023) or its id.");
        }
        String contactId = t.path("contactID").asText("");
        return new PsaTicket(PsaProvider.AUTOTASK, t.path("id").asText(), t.path("ticketNumber").asText(""),
                t.path("title").asText(""), t.path("companyID").asText(""), "",
                contactId.isBlank() || contactId.equals("null") ? Optional.empty() : Optional.of(contactId),
                PsaTicket.TicketContact.NONE);
    }

    @Override
    public PsaContact contact(String contactId) {
        JsonNode c = get("Contacts/" + enc(contactId), "contact " + contactId).map(n -> n.path("item"))
                .filter(n -> !n.isMissingNode() && !n.isNull())
                .orElseThrow(() -> new PsaException(Kind.NOT_FOUND, "Autotask has no contact " + contactId + "."));
        var emails = new java.util.ArrayList<String>();
        for (String f : new String[] {"emailAddress", "emailAddress2", "emailAddress3"}) {
            if (c.hasNonNull(f)) {
                emails.add(c.get(f).asText());
            }
        }
        return new PsaContact(c.path("id").asText(contactId), c.path("firstName").asText(""),
                c.path("lastName").asText(""), c.path("isActive").asInt(0) == 1, emails,
                c.hasNonNull("mobilePhone") ? Optional.of(c.get("mobilePhone").asText()) : Optional.empty());
    }

    @Override
    public void addInternalNote(TicketNote note) {
        var lists = picklists();
        var body = json.createObjectNode();
        body.put("ticketID", Long.parseLong(note.ticketId()));
        body.put("title", note.title());
        body.put("description", note.text());
        body.put("noteType", Integer.parseInt(lists.noteType()));
        body.put("publish", Integer.parseInt(lists.internalPublish()));
        Optional<String> impersonate = note.technicianEmail().flatMap(this::resourceId);
        String path = "Tickets/" + enc(note.ticketId()) + "/Notes";
        var r = http.send(() -> {
            var b = request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            impersonate.ifPresent(id -> b.header("ImpersonationResourceId", id));
            return b;
        }, "a note on ticket " + note.ticketId());
        if (r.status() == 404) {
            throw new PsaException(Kind.NOT_FOUND, "Autotask ticket " + note.ticketId() + " is gone.");
        }
    }

    @Override
    public java.util.List<PsaCompany> findCompanies(String name, java.util.List<String> domains) {
        var query = json.createObjectNode();
        var or = query.putArray("filter").addObject();
        or.put("op", "or");
        var items = or.putArray("items");
        var byName = items.addObject();
        byName.put("op", "beginsWith");
        byName.put("field", "companyName");
        byName.put("value", name);
        for (String d : domains) {
            var byDomain = items.addObject();
            byDomain.put("op", "contains");
            byDomain.put("field", "webAddress");
            byDomain.put("value", d);
        }
        query.putArray("includeFields").add("id").add("companyName").add("webAddress");
        query.put("maxRecords", 10);
        var out = new java.util.ArrayList<PsaCompany>();
        post("Companies/query", query.toString(), "the company search").path("items").forEach(c -> out.add(
                new PsaCompany(c.path("id").asText(), c.path("companyName").asText(""), c.path("webAddress").asText(""))));
        return out;
    }

    @Override
    public void testCall() {
        get("ThresholdInformation", "the connection test").orElseThrow(() -> new PsaException(Kind.REJECTED,
                "Autotask answered 404 for ThresholdInformation: check AUTOTASK_DISCOVERY_URL."));
    }

    @Override
    public Optional<Long> callsThisHour() {
        try {
            return Optional.of(calls.thisHour(PsaProvider.AUTOTASK));
        } catch (RuntimeException e) {
            // Redis away: the health check must still answer (its redis component says what is wrong).
            return Optional.empty();
        }
    }

    /*
     * Every request, retries included, counts against the hour, on every instance (Redis). Past our
     * share the call does not go out: Autotask would throttle every integration of the tenant.
     */
    private void spend() {
        long used = calls.spend(PsaProvider.AUTOTASK);
        if (used > settings.callsPerHour()) {
            var next = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(java.time.Duration.ofHours(1));
            throw new PsaException(Kind.UNAVAILABLE, "This bot has used its share of Autotask's hourly requests ("
                    + settings.callsPerHour() + " of the database's 10,000, shared with every other integration); it "
                    + "calls again from " + next + " (UTC). Raise HELPDESK_PSA_AUTOTASK_CALLS_PER_HOUR if the tenant "
                    + "has room.");
        }
    }

    /**
     * The publish value of an internal note, from the tenant's picklist: an admin can rename and
     * reorder them, so no number is assumed. "Internal" by name first, else "All Autotask Users".
     */
    private NotePicklists picklists() {
        var known = picklists.get();
        if (known != null) {
            return known;
        }
        JsonNode fields = get("TicketNotes/entityInformation/fields", "the note picklists")
                .orElseThrow(() -> new PsaException(Kind.REJECTED, "Autotask has no TicketNotes field information."))
                .path("fields");
        Optional<String> publish = Optional.empty();
        Optional<String> noteType = Optional.empty();
        for (JsonNode f : fields) {
            String name = f.path("name").asText("");
            if (name.equalsIgnoreCase("publish")) {
                publish = pick(f, "internal").or(() -> pick(f, "all autotask users"));
            } else if (name.equalsIgnoreCase("noteType")) {
                noteType = defaultValue(f);
            }
        }
        if (publish.isEmpty()) {
            throw new PsaException(Kind.REJECTED, "Autotask's TicketNotes publish picklist has no internal value "
                    + "(\"Internal …\" or \"All Autotask Users\"): add one or re-activate it in Admin > Features & "
                    + "Settings.");
        }
        picklists.compareAndSet(null, new NotePicklists(publish.get(), noteType.orElse("1")));
        return picklists.get();
    }

    private static Optional<String> pick(JsonNode field, String labelPart) {
        for (JsonNode v : field.path("picklistValues")) {
            if (v.path("isActive").asBoolean(true)
                    && v.path("label").asText("").toLowerCase(Locale.ROOT).contains(labelPart)) {
                return Optional.of(v.path("value").asText());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> defaultValue(JsonNode field) {
        JsonNode first = null;
        for (JsonNode v : field.path("picklistValues")) {
            if (!v.path("isActive").asBoolean(true)) {
                continue;
            }
            if (v.path("isDefaultValue").asBoolean(false)) {
                return Optional.of(v.path("value").asText());
            }
            first = first == null ? v : first;
        }
        return Optional.ofNullable(first).map(v -> v.path("value").asText());
    }

    /** The technician's Autotask resource, by email; remembered, a miss too, for this process. */
    private Optional<String> resourceId(String email) {
        return resources.computeIfAbsent(email.toLowerCase(Locale.ROOT), e -> {
            var query = json.createObjectNode();
            var filter = query.putArray("filter").addObject();
            filter.put("op", "eq");
            filter.put("field", "email");
            filter.put("value", e);
            query.putArray("includeFields").add("id").add("email");
            query.put("maxRecords", 1);
            try {
                JsonNode items = post("Resources/query", query.toString(), "the technician's resource").path("items");
                return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0).path("id").asText());
            } catch (PsaException ex) {
                // Without it the note is written as the API user: better than no note.
                return Optional.empty();
            }
        });
    }

    private Optional<JsonNode> get(String path, String what) {
        var r = http.send(() -> request(path).GET(), what);
        return r.status() == 404 ? Optional.empty() : Optional.of(parse(r.body()));
    }

    private JsonNode post(String path, String body, String what) {
        var r = http.send(() -> request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), what);
        if (r.status() == 404) {
            throw new PsaException(Kind.REJECTED, "Autotask answered 404 for " + path + ": check AUTOTASK_DISCOVERY_URL.");
        }
        return parse(r.body());
    }

    private HttpRequest.Builder request(String path) {
        requireConfigured();
        return HttpRequest.newBuilder(PsaHttp.uri(zone(), "V1.0/" + path))
                .header("Accept", "application/json")
                .header("ApiIntegrationCode", settings.integrationCode())
                .header("UserName", settings.username())
                .header("Secret", settings.secret());
    }

    /** The zone moves only when Datto moves the database, so one answer per process is enough. */
    private String zone() {
        String known = zone.get();
        if (known != null) {
            return known;
        }
        String path = "v1.0/zoneInformation?user=" + enc(settings.username());
        var r = http.send(() -> HttpRequest.newBuilder(PsaHttp.uri(settings.discoveryUrl(), path))
                .header("Accept", "application/json").GET(), "zone discovery");
        String url = r.status() == 404 ? "" : parse(r.body()).path("url").asText("");
        if (url.isBlank()) {
            throw new PsaException(Kind.CREDENTIALS, "Autotask knows no API user '" + settings.username()
                    + "': check AUTOTASK_USERNAME (the API user's email) and AUTOTASK_DISCOVERY_URL.");
        }
        zone.compareAndSet(null, url.endsWith("/") ? url : url + "/");
        return zone.get();
    }

    private void requireConfigured() {
        if (!settings.configured()) {
            throw new PsaException(Kind.NOT_CONFIGURED, "Autotask is not configured: set AUTOTASK_USERNAME, "
                    + "AUTOTASK_SECRET and AUTOTASK_INTEGRATION_CODE.");
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new PsaException(Kind.UNAVAILABLE, "Autotask answered something that is not JSON.");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private record NotePicklists(String internalPublish, String noteType) {}
}
