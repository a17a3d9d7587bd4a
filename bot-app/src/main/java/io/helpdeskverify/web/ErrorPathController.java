package io.helpdeskverify.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.web.security.ContainerProblems;
import io.helpdeskverify.web.security.StoreOutage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's error path, in place of {@code BasicErrorController}: whatever the request accepts,
 * an error the container forwards here (a {@code sendError}, an exception that escaped every
 * handler) is answered as problem details, never the whitelabel HTML page nor Boot's own JSON. Only
 * error dispatches reach it: the gate refuses {@code /error} as a request of its own.
 */
@Hidden
@RestController
class ErrorPathController implements ErrorController {

    private final ObjectMapper json;

    ErrorPathController(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<byte[]> error(HttpServletRequest request) throws JsonProcessingException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer s ? s : 500;
        var problem = ContainerProblems.forStatus(status);
        var response = ResponseEntity.status(status);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t && StoreOutage.isOutage(t)) {
            problem = ProblemDetail.forStatusAndDetail(StoreOutage.STATUS, StoreOutage.DETAIL);
            problem.setTitle(StoreOutage.TITLE);
            response = ResponseEntity.status(StoreOutage.STATUS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(StoreOutage.RETRY_AFTER_SECONDS));
        }
        // Bytes with the type set here, so that no Accept header (text/html, say) can turn the answer
        // into a 406 or pick another converter.
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(json.writeValueAsBytes(problem));
    }
}
