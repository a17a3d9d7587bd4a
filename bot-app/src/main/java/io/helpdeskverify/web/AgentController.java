package io.helpdeskverify.web;

import io.helpdeskverify.directory.AgentBatch;
import io.helpdeskverify.directory.AgentImport;
import io.helpdeskverify.directory.AgentImport.Outcome;
import io.helpdeskverify.directory.SyncReport;
import io.helpdeskverify.web.security.Caller;
import io.helpdeskverify.web.security.RefusedCalls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a directory agent inside a customer's network pushes that customer's Active Directory
 * users (docs/directory.md, "The directory agent"). An AGENT token reaches this route only, and only
 * for its one customer: any other customer is a 403 (checked before the customer is looked up, so
 * the answer says nothing about which customers exist).
 */
@Tag(name = "Directory agent", description = "Active Directory users pushed by a directory agent in the customer's network (AGENT).")
@SecurityRequirement(name = OpenApiConfiguration.API_TOKEN, scopes = "AGENT")
@RestController
class AgentController {

    private final AgentImport agents;
    private final RefusedCalls refused;

    AgentController(AgentImport agents, RefusedCalls refused) {
        this.agents = agents;
        this.refused = refused;
    }

    /**
     * @param replayed the batch had been applied before (a retry): this is its first report, nothing changed now
     * @param mode DELTA for a batch of changes, FULL for a page of a full snapshot
     */
    record AgentReceipt(String batchId, boolean replayed, String mode, int added, int updated, int disabled,
                        List<SyncReport.Rejected> rejected) {}

    @Operation(operationId = "pushAgentChanges", summary = "Apply a batch of Active Directory users pushed by the customer's directory agent")
    @ApiResponse(responseCode = "200", description = "Applied (or, for a batchId seen before, not applied again): what it added, updated, disabled and rejected.")
    @ApiResponse(responseCode = "403", description = "The token is not this customer's agent token (or has no AGENT role).")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    @ApiResponse(responseCode = "409", description = "A snapshot page out of order (reason snapshot_out_of_order): nobody was disabled; start the snapshot again from page 0.")
    @ApiResponse(responseCode = "422", description = "A malformed batch; field names it (batchId, users, snapshotId, page, full).")
    @ApiResponse(responseCode = "429", description = "Another push of this customer is being applied; retry after Retry-After.")
    @PostMapping("/api/v1/customers/{slug}/directory/agent/changes")
    AgentReceipt push(@AuthenticationPrincipal Caller.Api caller, @PathVariable String slug,
                      @RequestBody(required = false) AgentBatch body) {
        String customer = slug.strip().toLowerCase(Locale.ROOT);
        if (!caller.mayActOn(customer)) {
            refused.record(caller, customer, "", "", "agent token of another customer tried to push directory changes");
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "This token is not the directory agent token "
                    + "of customer '" + customer + "'. Issue one with {\"roles\": [\"AGENT\"], \"customers\": [\""
                    + customer + "\"]}.").withReason("wrong_customer");
        }
        if (body == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Malformed request", "The body must be a JSON object: "
                    + "{\"batchId\": …, \"full\": false, \"users\": [{\"objectGuid\": …, …}]}.");
        }
        var outcome = agents.push(customer, body);
        if (outcome instanceof Outcome.Applied applied) {
            var r = applied.report();
            return new AgentReceipt(body.batchId(), applied.replayed(), r.mode().name(), r.added(), r.updated(),
                    r.disabled(), r.rejected());
        }
        if (outcome instanceof Outcome.OutOfOrder out) {
            throw new ApiException(HttpStatus.CONFLICT, "Snapshot out of order", out.detail())
                    .withReason("snapshot_out_of_order");
        }
        throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Busy", "Another push of customer '" + customer
                + "' is being applied; retry in a moment.").withReason("agent_busy").withRetryAfter(1);
    }
}
