package io.helpdeskverify.directory.ldap;

import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import io.helpdeskverify.directory.DirectoryException;
import io.helpdeskverify.directory.LdapCheck;
import io.helpdeskverify.directory.LdapSource;
import java.util.Optional;

/** Bind, then a one-entry search of the first base DN: enough to show the settings work. */
class LdapChecker implements LdapCheck {

    private final LdapConnections connections;

    LdapChecker(LdapConnections connections) {
        this.connections = connections;
    }

    @Override
    public void validate(LdapSource source) {
        try {
            AdUsers.filter(source.effectiveFilter(), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new DirectoryException.Invalid("filter", e.getMessage());
        }
        try {
            source.caCertificatePem().ifPresent(LdapConnections::pinned);
        } catch (IllegalArgumentException e) {
            throw new DirectoryException.Invalid("caCertificatePem", e.getMessage());
        }
    }

    @Override
    public Result check(LdapSource source) {
        try (var bound = connections.connect(source)) {
            String[] sample = {""};
            for (String baseDn : source.baseDns()) {
                var request = new SearchRequest(baseDn, SearchScope.SUB, AdUsers.filter(source.effectiveFilter(),
                        Optional.empty()), AdUsers.ATTRIBUTES);
                request.setSizeLimit(1);
                try {
                    var result = bound.connection().search(request);
                    if (sample[0].isEmpty() && !result.getSearchEntries().isEmpty()) {
                        sample[0] = result.getSearchEntries().get(0).getDN();
                    }
                } catch (com.unboundid.ldap.sdk.LDAPSearchException e) {
                    if (e.getResultCode() == com.unboundid.ldap.sdk.ResultCode.SIZE_LIMIT_EXCEEDED) {
                        // The limit of one this check asked for: the search works.
                        if (sample[0].isEmpty() && !e.getSearchEntries().isEmpty()) {
                            sample[0] = e.getSearchEntries().get(0).getDN();
                        }
                        continue;
                    }
                    throw AdUsers.searchFailure(baseDn, e);
                }
            }
            return new Result.Passed(bound.name(), sample[0]);
        } catch (LdapFailure e) {
            return new Result.Failed(e.problem(), e.fix());
        } catch (IllegalArgumentException e) {
            return new Result.Failed(e.getMessage(), "Fix the setting and PUT it again.");
        }
    }
}
