package io.helpdeskverify.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The three answers of the gate: 400 for a path the firewall refuses, 401 without a valid
 * credential, 403 for a credential whose role does not reach the route (recorded as
 * {@code UNAUTHORIZED_ACTION}: a valid token probing beyond its role is worth an auditor's look).
 */
final class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private final Problems problems;
    private final RefusedCalls refused;

    Refusals(Problems problems, RefusedCalls refused) {
        this.problems = problems;
        this.refused = refused;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"helpdesk-verify\"");
        Object rejected = request.getAttribute(BearerAuthentication.REJECTED);
        String detail = rejected != null ? rejected.toString()
                : "This route needs 'Authorization: Bearer <token>': an API token (ADMIN_API_TOKEN or one issued "
                        + "through /api/v1/tokens) or, for the self-serve app's routes, the device secret.";
        problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail, request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Caller.Api api) {
            refused.record(api, "", "", "", "token of roles " + api.token().roles() + " refused "
                    + request.getMethod() + " " + truncate(request.getRequestURI()));
        }
        problems.write(response, HttpStatus.FORBIDDEN, "Forbidden", "This credential may not call "
                + request.getMethod() + " here: either the route does not exist (check the method and path in "
                + "docs/api.md) or its role does not reach it (docs/access.md lists what ADMIN, TECHNICIAN, AUDITOR, AGENT "
                + "tokens and device secrets may call).", request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        // DEBUG: a scanner sends thousands of these, and each already got its 400.
        log.debug("Refused a non-normalised request path: {}", e.getMessage());
        problems.write(response, HttpStatus.BAD_REQUEST, "Bad request path",
                "The path is not in normal form (" + e.getMessage() + "). Send it without ';' parameters, encoded "
                        + "slashes, percent-encoded letters or digits, '//' or '..'.", "/");
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
