package io.helpdeskverify.web;

import io.helpdeskverify.verification.ActionResult;
import io.helpdeskverify.verification.Rejection;
import org.springframework.http.HttpStatus;

/** One mapping from domain refusals to HTTP, shared by the admin and the mobile API. */
final class Rejections {

    private Rejections() {}

    static ApiException toApi(ActionResult result) {
        if (result instanceof ActionResult.NotFound) {
            return new ApiException(HttpStatus.NOT_FOUND, "Not found", "No such verification.");
        }
        if (result instanceof ActionResult.WrongCode w) {
            return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong code", "That code does not match. "
                    + w.attemptsLeft() + " attempt(s) left.");
        }
        var refused = (ActionResult.Refused) result;
        Rejection r = refused.rejection();
        String detail = r == Rejection.ALREADY_DECIDED
                ? r.message() + " Outcome: " + refused.verification().outcome().map(o -> o.label()).orElse("?") + "."
                : r.message();
        return switch (r) {
            case ALREADY_DECIDED, ALREADY_ANSWERED -> new ApiException(HttpStatus.CONFLICT, "Already decided", detail);
            case EXPIRED -> new ApiException(HttpStatus.GONE, "Expired", detail);
            case NOT_YOUR_VERIFICATION -> new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail);
            // Dual control: the requester may not be their own second technician.
            case OWN_APPROVAL -> new ApiException(HttpStatus.FORBIDDEN, "Second technician required", detail);
            case NOT_SENT_YET, AWAITING_USER, NOT_DUE -> new ApiException(HttpStatus.CONFLICT, "Not yet", detail);
            case NOT_FOR_THIS_METHOD, CODE_REQUIRED, WRONG_CODE ->
                    new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Not possible", detail);
        };
    }
}
