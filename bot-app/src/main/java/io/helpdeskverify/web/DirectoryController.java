package io.helpdeskverify.web;

import io.helpdeskverify.directory.DirectoryConsent;
import io.helpdeskverify.directory.DirectorySync;
import io.helpdeskverify.directory.DirectorySync.SyncStart;
import io.helpdeskverify.directory.SyncReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Connecting a customer's Microsoft 365 tenant and syncing its users. */
@Tag(name = "Microsoft 365 directory", description = "Connecting a customer's Microsoft 365 tenant and syncing its users.")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "ADMIN")
@RestController
@RequestMapping("/api/v1/customers/{slug}/directory")
class DirectoryController {

    private final DirectorySync sync;
    private final DirectoryConsent consent;

    DirectoryController(DirectorySync sync, DirectoryConsent consent) {
        this.sync = sync;
        this.consent = consent;
    }

    @Operation(operationId = "getConsentUrl", summary = "Get the admin-consent link to send to the customer's Microsoft 365 admin")
    @ApiResponse(responseCode = "200", description = "The link.")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    @ApiResponse(responseCode = "422", description = "Microsoft 365 import is not configured on this server.")
    @GetMapping("/consent-url")
    ConsentUrl consentUrl(@PathVariable String slug) {
        String callback = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(ConsentCallbackController.PATH).build().toUriString();
        return new ConsentUrl(consent.consentUrl(slug, callback).toString());
    }

    @Operation(operationId = "startSync", summary = "Start a sync from Microsoft 365 (or join the one under way)")
    @ApiResponse(responseCode = "202", description = "Started, or already running; for a customer whose only source is a directory agent (which pushes on its own schedule), its last push.")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    @ApiResponse(responseCode = "409", description = "The customer is not connected to Microsoft 365.")
    @PostMapping("/sync")
    ResponseEntity<SyncResponse> start(@PathVariable String slug) {
        var started = sync.start(slug, "admin API");
        if (started instanceof SyncStart.Started s) {
            return ResponseEntity.accepted().body(SyncResponse.of(s.report(), sync.bySource(slug)));
        }
        if (started instanceof SyncStart.AlreadyRunning running) {
            // Idempotent: the sync the caller asked for is under way.
            return ResponseEntity.accepted().body(running.report().map(r -> SyncResponse.of(r, sync.bySource(slug)))
                    .orElse(null));
        }
        if (started instanceof SyncStart.Pushed pushed) {
            return ResponseEntity.accepted().body(pushed.report().map(r -> SyncResponse.of(r, sync.bySource(slug)))
                    .orElse(null));
        }
        throw new ApiException(HttpStatus.CONFLICT, "Not connected", ((SyncStart.Refused) started).message())
                .withReason("directory_not_connected");
    }

    @Operation(operationId = "getLastSync", summary = "Get the last sync's report")
    @ApiResponse(responseCode = "200", description = "The last sync's report.")
    @ApiResponse(responseCode = "404", description = "No such customer, or it was never synced.")
    @GetMapping("/sync")
    SyncResponse last(@PathVariable String slug) {
        return sync.last(slug).map(r -> SyncResponse.of(r, sync.bySource(slug))).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "Not found", "Customer '" + slug + "' has not been synced from Microsoft 365 yet. Connect it, then "
                + "POST /api/v1/customers/" + slug + "/directory/sync."));
    }

    record ConsentUrl(String url) {}

    /**
     * Every source together; {@code sources} has each one's own report (a directory agent's is its last
     * pass, finished at its last push) and when it last read the whole directory.
     */
    record SyncResponse(String state, String mode, String requestedBy, Instant startedAt, Instant finishedAt, int added,
                        int updated, int disabled, List<SyncReport.Rejected> rejected, String error,
                        List<SourceResponse> sources) {
        static SyncResponse of(SyncReport r, List<DirectorySync.SourceReport> sources) {
            return new SyncResponse(r.state().name(), r.mode().name(), r.requestedBy(), r.startedAt(),
                    r.finishedAt().orElse(null), r.added(), r.updated(), r.disabled(), r.rejected(), r.error().orElse(null),
                    sources.stream().map(SourceResponse::of).toList());
        }
    }

    /** @param rejected how many users or values this source did not use (the reasons are in the top-level list) */
    record SourceResponse(String source, String state, String mode, Instant startedAt, Instant finishedAt, int added,
                          int updated, int disabled, int rejected, Instant lastFullSyncAt, String error) {
        static SourceResponse of(DirectorySync.SourceReport s) {
            var r = s.report();
            return new SourceResponse(s.source(), r.state().name(), r.mode().name(), r.startedAt(),
                    r.finishedAt().orElse(null), r.added(), r.updated(), r.disabled(), r.rejected().size(),
                    s.lastFullPass().orElse(null), r.error().orElse(null));
        }
    }
}
