package io.helpdeskverify.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.system.ServerKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer $ADMIN_API_TOKEN} on the admin API. The mobile-app routes
 * authenticate with device secrets and enrolment tokens instead, so they are not covered here.
 */
@Component
class AdminTokenFilter extends OncePerRequestFilter {

    private final byte[] token;
    private final ObjectMapper json;

    AdminTokenFilter(ServerKeys keys, ObjectMapper json) {
        this.token = keys.adminToken().getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/v1/") || MobileApi.covers(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, header == null
                ? "Send the admin API token as 'Authorization: Bearer <ADMIN_API_TOKEN>'."
                : "The admin API token is not valid.");
        problem.setTitle("Unauthorized");
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"helpdesk-verify\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
