package io.helpdeskverify.web.security;

import io.helpdeskverify.directory.Device;
import io.helpdeskverify.psa.PodSession;
import io.helpdeskverify.tokens.ApiToken;
import io.helpdeskverify.tokens.Role;
import io.helpdeskverify.verification.Platform;
import io.helpdeskverify.verification.Technician;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who a request authenticated as: a named API token, an enrolled device of the self-serve app, or
 * the ticket page inside a PSA (a page session, after the PSA confirmed the member).
 */
public sealed interface Caller {

    List<GrantedAuthority> authorities();

    /** A caller holding an API token; the token's name is who it acts as. */
    record Api(ApiToken token) implements Caller {

        /** A verification started with this token is requested by {@code api:<name>}, whatever the body says. */
        public Technician technician() {
            return new Technician(Platform.API, token.name(), token.name());
        }

        public boolean mayActOn(String customer) {
            return token.mayActOn(customer);
        }

        public boolean seesEveryCustomer() {
            return token.has(Role.ADMIN) || token.customers().all();
        }

        @Override
        public List<GrantedAuthority> authorities() {
            var out = new ArrayList<GrantedAuthority>();
            for (Role role : Role.values()) {
                if (token.has(role)) {
                    out.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "api:" + token.name();
        }
    }

    /** The self-serve app on one enrolled device: it reads and answers its own user's challenges only. */
    record App(Device device) implements Caller {

        public static final String ROLE = "DEVICE";

        @Override
        public List<GrantedAuthority> authorities() {
            return List.of(new SimpleGrantedAuthority("ROLE_" + ROLE));
        }

        @Override
        public String toString() {
            return "device:" + device.id();
        }
    }

    /** The ticket page in a PSA: one technician, one ticket, the verifications it started. */
    record Pod(String token, PodSession session) implements Caller {

        public static final String ROLE = "PSA_POD";

        @Override
        public List<GrantedAuthority> authorities() {
            return List.of(new SimpleGrantedAuthority("ROLE_" + ROLE));
        }

        @Override
        public String toString() {
            return "pod:" + session.technician().key();
        }
    }
}
