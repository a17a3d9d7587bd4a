package io.helpdeskverify.web;

import io.helpdeskverify.directory.DirectoryConsent;
import io.helpdeskverify.directory.DirectorySync;
import io.helpdeskverify.directory.DirectorySync.SyncStart;
import io.helpdeskverify.directory.SyncReport;
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
@RestController
@RequestMapping("/api/v1/customers/{slug}/directory")
class DirectoryController {

    private final DirectorySync sync;
    private final DirectoryConsent consent;

    DirectoryController(DirectorySync sync, DirectoryConsent consent) {
        this.sync = sync;
        this.consent = consent;
    }

    @GetMapping("/consent-url")
    ConsentUrl consentUrl(@PathVariable String slug) {
        String callback = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(ConsentCallbackController.PATH).build().toUriString();
        return new ConsentUrl(consent.consentUrl(slug, callback).toString());
    }

    @PostMapping("/sync")
    ResponseEntity<SyncResponse> start(@PathVariable String slug) {
        var started = sync.start(slug, "admin API");
        if (started instanceof SyncStart.Started s) {
            return ResponseEntity.accepted().body(SyncResponse.of(s.report()));
        }
        if (started instanceof SyncStart.AlreadyRunning running) {
            // Idempotent: the sync the caller asked for is under way.
            return ResponseEntity.accepted().body(running.report().map(SyncResponse::of).orElse(null));
        }
        throw new ApiException(HttpStatus.CONFLICT, "Not connected", ((SyncStart.Refused) started).message())
                .withReason("directory_not_connected");
    }

    @GetMapping("/sync")
    SyncResponse last(@PathVariable String slug) {
        return sync.last(slug).map(SyncResponse::of).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "Not found", "Customer '" + slug + "' has not been synced from Microsoft 365 yet. Connect it, then "
                + "POST /api/v1/customers/" + slug + "/directory/sync."));
    }

    record ConsentUrl(String url) {}

    record SyncResponse(String state, String mode, String requestedBy, Instant startedAt, Instant finishedAt, int added,
                        int updated, int disabled, List<SyncReport.Rejected> rejected, String error) {
        static SyncResponse of(SyncReport r) {
            return new SyncResponse(r.state().name(), r.mode().name(), r.requestedBy(), r.startedAt(),
                    r.finishedAt().orElse(null), r.added(), r.updated(), r.disabled(), r.rejected(), r.error().orElse(null));
        }
    }
}
