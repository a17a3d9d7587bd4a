package io.helpdeskverify.web;

import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.verification.Verification;
import io.helpdeskverify.verification.VerificationService;
import io.helpdeskverify.web.security.Caller;
import io.helpdeskverify.web.security.RefusedCalls;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Keeps an API token to the customers it is scoped to. Outside them, a customer or verification
 * answers exactly as one that does not exist (a token must not learn who else the MSP serves),
 * and the attempt is recorded as {@code UNAUTHORIZED_ACTION}.
 */
@Component
class ApiScope {

    private final DirectoryService directory;
    private final VerificationService verifications;
    private final RefusedCalls refused;

    ApiScope(DirectoryService directory, VerificationService verifications,
             RefusedCalls refused) {
        this.directory = directory;
        this.verifications = verifications;
        this.refused = refused;
    }

    /** @param typed a slug or one of the customer's email domains, as the start request allows */
    void requireCustomer(Caller.Api caller, String typed, String user) {
        var customer = directory.findCustomer(typed);
        if (customer.isPresent() && !caller.mayActOn(customer.get().slug())) {
            refused.record(caller, customer.get().slug(), user.strip().toLowerCase(Locale.ROOT), "",
                    "token not scoped to this customer tried to start a verification");
            // The very answer an unknown customer gets from VerificationService.
            throw new ApiException(HttpStatus.NOT_FOUND, "Unknown customer", "No customer '" + typed + "'.")
                    .withReason("UNKNOWN_CUSTOMER");
        }
    }

    Verification requireVerification(Caller.Api caller, String id, String action) {
        var v = verifications.find(id);
        if (v.isPresent() && !caller.mayActOn(v.get().customer())) {
            refused.record(caller, v.get().customer(), v.get().endUser(), id,
                    "token not scoped to this customer tried to " + action + " a verification");
        }
        return v.filter(x -> caller.mayActOn(x.customer()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Not found", "No verification '" + id + "'."));
    }
}
