package io.helpdeskverify.web.security;

import io.helpdeskverify.directory.DeviceService;
import io.helpdeskverify.directory.DirectoryException;
import io.helpdeskverify.psa.PodPages;
import io.helpdeskverify.tokens.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer …} into a {@link Caller}: an API token ({@code hvt_…} or the
 * bootstrap ADMIN_API_TOKEN), a device secret or a PSA page session ({@code hvp_…}). It only authenticates; what the caller may reach
 * is decided by the authorisation rules in {@link SecurityConfiguration}. A bearer it does not know
 * leaves the request anonymous (so routes that authenticate by signature or JWT, such as Teams'
 * {@code /api/messages}, are untouched) and is remembered so the 401 can say the token was wrong.
 */
class BearerAuthentication extends OncePerRequestFilter {

    static final String REJECTED = BearerAuthentication.class.getName() + ".rejected";

    private final ApiTokens tokens;
    private final DeviceService devices;
    private final PodPages pods;
    private final Problems problems;

    BearerAuthentication(ApiTokens tokens, DeviceService devices, PodPages pods, Problems problems) {
        this.tokens = tokens;
        this.devices = devices;
        this.pods = pods;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String bearer = header.substring(7).strip();
            try {
                Optional<Caller> caller = bearer.isEmpty() ? Optional.empty() : caller(bearer);
                if (caller.isPresent()) {
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(new Authenticated(caller.get()));
                    SecurityContextHolder.setContext(context);
                } else {
                    request.setAttribute(REJECTED, "The bearer token is not valid: it is unknown, revoked or expired.");
                }
            } catch (DirectoryException.Unauthorized e) {
                // A device secret the directory knows but refuses (a revoked phone): its words say what to do.
                request.setAttribute(REJECTED, e.getMessage());
            } catch (RuntimeException e) {
                // Tokens and device secrets are looked up in Redis before any controller runs: with Redis away
                // that is a 503 to retry, not a 500 (nor a 401 that would tell the app its secret is wrong).
                if (!StoreOutage.isOutage(e)) {
                    throw e;
                }
                unavailable(request, response);
                return;
            }
        }
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            // Whatever touches Redis further down the gate (a refusal's UNAUTHORIZED_ACTION event) while it is away.
            // Controllers answer for themselves (ApiExceptionHandler); this is only what reaches the filters.
            if (!StoreOutage.isOutage(e) || response.isCommitted()) {
                throw e;
            }
            unavailable(request, response);
        }
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Long.toString(StoreOutage.RETRY_AFTER_SECONDS));
        problems.write(response, StoreOutage.STATUS, StoreOutage.TITLE, StoreOutage.DETAIL, request.getRequestURI());
        // Problems.write resets the buffer, not the headers: Retry-After stays.
    }

    private Optional<Caller> caller(String bearer) {
        if (bearer.startsWith(PodPages.TOKEN_PREFIX)) {
            return pods.session(bearer).map(s -> new Caller.Pod(bearer, s));
        }
        var token = tokens.authenticate(bearer);
        if (token.isPresent()) {
            return Optional.of(new Caller.Api(token.get()));
        }
        // Device secrets are base64url: a value with a dot is a JWT or an API token, not ours to look up.
        if (bearer.startsWith(ApiTokens.PREFIX) || bearer.indexOf('.') >= 0 || bearer.length() > 256) {
            return Optional.empty();
        }
        return Optional.of(new Caller.App(devices.authenticate(bearer)));
    }

    /** An authenticated caller; the credential itself is not kept. */
    static final class Authenticated extends AbstractAuthenticationToken {
        private final Caller caller;

        Authenticated(Caller caller) {
            super(caller.authorities());
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.toString();
        }
    }
}
