package io.helpdeskverify.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.helpdeskverify.directory.CsvImporter;
import io.helpdeskverify.directory.DirectoryException;
import io.helpdeskverify.siem.WebhookRejected;
import io.helpdeskverify.tokens.ApiTokenException;
import io.helpdeskverify.web.security.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem detail that says what to fix. Never a stack trace;
 * an unexpected failure is logged here with its trace and answered with a short 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        var body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setTitle(e.title());
        if (!e.reason().isEmpty()) {
            body.setProperty("reason", e.reason());
        }
        var response = ResponseEntity.status(e.status());
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.body(body);
    }

    @ExceptionHandler(DirectoryException.class)
    ResponseEntity<ProblemDetail> directory(DirectoryException e) {
        if (e instanceof DirectoryException.NotFound) {
            return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
        }
        if (e instanceof DirectoryException.Conflict) {
            return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        }
        if (e instanceof DirectoryException.Unauthorized) {
            return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage());
        }
        var response = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", e.getMessage());
        response.getBody().setProperty("field", ((DirectoryException.Invalid) e).field());
        return response;
    }

    @ExceptionHandler(ApiTokenException.class)
    ResponseEntity<ProblemDetail> token(ApiTokenException e) {
        if (e instanceof ApiTokenException.NotFound) {
            return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
        }
        if (e instanceof ApiTokenException.NameTaken || e instanceof ApiTokenException.Bootstrap) {
            return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        }
        var response = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", e.getMessage());
        response.getBody().setProperty("field", ((ApiTokenException.Invalid) e).field());
        return response;
    }

    @ExceptionHandler(WebhookRejected.class)
    ResponseEntity<ProblemDetail> webhook(WebhookRejected e) {
        var response = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", e.getMessage());
        response.getBody().setProperty("field", e.field());
        return response;
    }

    @ExceptionHandler(CsvImporter.MalformedCsvException.class)
    ResponseEntity<ProblemDetail> csv(CsvImporter.MalformedCsvException e) {
        var response = problem(HttpStatus.BAD_REQUEST, "Malformed CSV",
                (e.line() > 0 ? "Line " + e.line() + ": " : "") + e.getMessage());
        response.getBody().setProperty("line", e.line());
        return response;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                "'" + e.getValue() + "' is not a valid value for '" + e.getName() + "'.");
    }

    /** A multipart Content-Type without a boundary (or a broken multipart body) is the caller's mistake, not ours. */
    /*
     * The firewall checks parameter names only when they are first read, which for a form body is after
     * the gate (routes open without a bearer, e.g. a webhook or the pod's session): still the client's fault.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", "The request has a parameter that cannot be "
                + "read safely (its name or value).");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request",
                "The multipart body cannot be read (is the boundary missing?). This API takes JSON, or text/csv "
                        + "for imports.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (StoreOutage.isOutage(e)) {
            // Redis away or too slow: not a bug, and retrying soon is the right thing for the caller to do.
            // One WARN line without a trace; a 10 s outage under load would otherwise bury the log in traces.
            log.warn("API request answered 503: the data store is unavailable ({})", e.toString());
            return ResponseEntity.status(StoreOutage.STATUS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(StoreOutage.RETRY_AFTER_SECONDS))
                    .body(problem(StoreOutage.STATUS, StoreOutage.TITLE, StoreOutage.DETAIL).getBody());
        }
        log.error("Unexpected error in the API", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; nothing was changed by this request if it failed before "
                        + "its answer. The log has the details.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON or does not match the expected fields.";
        Throwable cause = ex.getCause();
        if (cause instanceof InvalidFormatException ife && !ife.getPath().isEmpty()) {
            detail = "'" + ife.getValue() + "' is not a valid value for '" + ife.getPath().get(ife.getPath().size() - 1)
                    .getFieldName() + "'.";
        } else if (cause instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            detail = "The field '" + mie.getPath().get(mie.getPath().size() - 1).getFieldName() + "' has the wrong type.";
        }
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Malformed request");
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var first = ex.getBindingResult().getFieldErrors().stream().findFirst();
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                first.map(f -> f.getField() + ": " + f.getDefaultMessage()).orElse("Invalid request."));
        body.setTitle("Invalid input");
        first.ifPresent(f -> body.setProperty("field", f.getField()));
        return ResponseEntity.unprocessableEntity().body(body);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        var body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return ResponseEntity.status(status).body(body);
    }
}
