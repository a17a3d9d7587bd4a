package io.helpdeskverify.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log with filters, as JSON, JSON lines ({@code application/x-ndjson}) or CSV ({@code text/csv}). */
@Tag(name = "Audit events", description = "The audit log, with filters (AUDITOR).")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "AUDITOR")
@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private static final String[] COLUMNS = {"id", "time", "type", "customer", "user", "technician", "technicianId",
            "platform", "channel", "method", "verificationId", "outcome", "reason", "prev", "hash"};

    private final EventLog events;
    private final ObjectMapper json;

    EventController(EventLog events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    @Operation(operationId = "listEvents", summary = "Read the audit log, newest first, as JSON, JSON lines or CSV")
    @GetMapping(produces = "application/json")
    List<AuditEvent> json(@AuthenticationPrincipal Caller.Api caller, @RequestParam Optional<String> customer, @RequestParam Optional<String> user,
                          @RequestParam Optional<String> type, @RequestParam Optional<String> since,
                          @RequestParam Optional<String> until, @RequestParam(defaultValue = "1000") int limit) {
        return read(caller, query(caller, customer, user, type, since, until, limit));
    }

    @Operation(operationId = "listEvents", summary = "Read the audit log, newest first, as JSON, JSON lines or CSV")
    @GetMapping(produces = "application/x-ndjson")
    ResponseEntity<String> jsonLines(@AuthenticationPrincipal Caller.Api caller, @RequestParam Optional<String> customer, @RequestParam Optional<String> user,
                                     @RequestParam Optional<String> type, @RequestParam Optional<String> since,
                                     @RequestParam Optional<String> until, @RequestParam(defaultValue = "1000") int limit) {
        var out = new StringBuilder();
        for (AuditEvent e : read(caller, query(caller, customer, user, type, since, until, limit))) {
            try {
                out.append(json.writeValueAsString(e)).append('\n');
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return ResponseEntity.ok().header("Content-Type", "application/x-ndjson").body(out.toString());
    }

    @Operation(operationId = "listEvents", summary = "Read the audit log, newest first, as JSON, JSON lines or CSV")
    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal Caller.Api caller, @RequestParam Optional<String> customer, @RequestParam Optional<String> user,
                               @RequestParam Optional<String> type, @RequestParam Optional<String> since,
                               @RequestParam Optional<String> until, @RequestParam(defaultValue = "1000") int limit) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
            for (AuditEvent e : read(caller, query(caller, customer, user, type, since, until, limit))) {
                printer.printRecord(Arrays.stream(new Object[] {e.id(), e.time(), e.type(), e.customer(), e.user(),
                        e.technician(), e.technicianId(), e.platform(), e.channel(), e.method(), e.verificationId(),
                        e.outcome(), e.reason(), e.prev(), e.hash()}).map(EventController::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().header("Content-Type", "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"helpdesk-verify-events.csv\"").body(out.toString());
    }

    /**
     * Auditors open this export in Excel or Sheets, and several fields come from outside (a chat
     * display name, a directory display name, an API caller's text): a cell starting with one of
     * these characters would run as a formula there (OWASP "CSV Injection"). A leading quote makes
     * the spreadsheet show the text as typed; commons-csv still does the RFC 4180 quoting.
     */
    static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static EventQuery query(Caller.Api caller, Optional<String> customer, Optional<String> user,
                                    Optional<String> type, Optional<String> since, Optional<String> until, int limit) {
        if (!caller.seesEveryCustomer() && customer.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid parameter", "This token reads the events of "
                    + caller.token().customers().asList() + " only: pass customer=<slug>.");
        }
        if (limit < 1 || limit > EventQuery.MAX_LIMIT) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid parameter",
                    "limit must be between 1 and " + EventQuery.MAX_LIMIT + ".");
        }
        return new EventQuery(customer.map(c -> c.toLowerCase(Locale.ROOT)), user.map(u -> u.toLowerCase(Locale.ROOT)),
                type.map(EventController::type), since.map(s -> EventTimes.parse("since", s)), until.map(u -> EventTimes.parse("until", u)),
                limit);
    }

    /** Another customer's events read as an unknown customer's: none. */
    private List<AuditEvent> read(Caller.Api caller, EventQuery query) {
        return query.customer().map(caller::mayActOn).orElse(true) ? events.query(query) : List.of();
    }

    private static EventType type(String t) {
        try {
            return EventType.valueOf(t.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid parameter",
                    "type must be one of " + Arrays.toString(EventType.values()) + ".");
        }
    }
}
