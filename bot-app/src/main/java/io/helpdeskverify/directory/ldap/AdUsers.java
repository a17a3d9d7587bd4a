package io.helpdeskverify.directory.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.ExternalUser;
import io.helpdeskverify.directory.ExternalUser.Attribute;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads user entries from a domain controller, page by page, and maps them to {@link ExternalUser}.
 * Only the attributes of the mapping are requested: nothing else of the directory leaves the DC.
 */
class AdUsers {

    static final String[] ATTRIBUTES = {"objectGUID", "sAMAccountName", "userPrincipalName", "displayName", "mail",
        "mobile", "userAccountControl", "uSNChanged", "whenChanged", "memberOf"};
    /** userAccountControl's ACCOUNTDISABLE bit. */
    private static final int ACCOUNT_DISABLE = 0x2;

    private final int pageSize;

    AdUsers(int pageSize) {
        this.pageSize = pageSize;
    }

    /** One page of one base DN: the users that could be mapped, and the entries that could not. */
    record Page(List<ExternalUser> users, List<Unreadable> unreadable, long highestUsn) {}

    record Unreadable(String dn, String reason) {}

    /**
     * Every entry under each base DN matching {@code filter} (and, for an incremental pass, changed
     * at or after {@code fromUsn}), handed over a page at a time.
     *
     * @throws LdapFailure for a search the DC refuses (wrong base DN, referral, size limit)
     */
    void search(LDAPConnection connection, List<String> baseDns, String filter, Optional<Long> fromUsn,
                Consumer<Page> pages) {
        Filter parsed = filter(filter, fromUsn);
        for (String baseDn : baseDns) {
            ASN1OctetString cookie = null;
            do {
                var request = new SearchRequest(baseDn, SearchScope.SUB, parsed, ATTRIBUTES);
                request.addControl(new SimplePagedResultsControl(pageSize, cookie, true));
                com.unboundid.ldap.sdk.SearchResult result;
                try {
                    result = connection.search(request);
                } catch (LDAPSearchException e) {
                    throw searchFailure(baseDn, e);
                }
                pages.accept(page(result.getSearchEntries()));
                SimplePagedResultsControl paged;
                try {
                    paged = SimplePagedResultsControl.get(result);
                } catch (LDAPException e) {
                    throw new LdapFailure("The controller sent a malformed paged-results control.", "Report this.");
                }
                cookie = paged == null ? null : paged.getCookie();
            } while (cookie != null && cookie.getValueLength() > 0);
        }
    }

    static Filter filter(String filter, Optional<Long> fromUsn) {
        try {
            Filter base = Filter.create(filter);
            return fromUsn.map(usn -> Filter.createANDFilter(base,
                    Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(usn)))).orElse(base);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("'" + filter + "' is not an LDAP filter: " + e.getDiagnosticMessage()
                    + " (e.g. " + io.helpdeskverify.directory.LdapSource.DEFAULT_FILTER + ")");
        }
    }

    private static Page page(List<SearchResultEntry> entries) {
        var users = new java.util.ArrayList<ExternalUser>();
        var unreadable = new java.util.ArrayList<Unreadable>();
        long highest = 0;
        for (var entry : entries) {
            highest = Math.max(highest, usn(entry).orElse(0L));
            try {
                users.add(user(entry));
            } catch (IllegalArgumentException e) {
                unreadable.add(new Unreadable(entry.getDN(), e.getMessage()));
            }
        }
        return new Page(users, unreadable, highest);
    }

    /** @throws IllegalArgumentException for an entry without a usable objectGUID */
    static ExternalUser user(SearchResultEntry entry) {
        byte[] guid = entry.getAttributeValueBytes("objectGUID");
        if (guid == null || guid.length != 16) {
            throw new IllegalArgumentException("no 16-byte objectGUID (is this an Active Directory user entry?)");
        }
        Optional<String> upn = text(entry, "userPrincipalName")
                .or(() -> text(entry, "sAMAccountName"));
        String uac = entry.getAttributeValue("userAccountControl");
        boolean enabled = true;
        if (uac != null) {
            try {
                enabled = (Long.parseLong(uac.strip()) & ACCOUNT_DISABLE) == 0;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("userAccountControl '" + uac + "' is not a number");
            }
        }
        // A full entry speaks for every attribute of the mapping: one AD leaves empty is cleared here too.
        return new ExternalUser(guid(guid), EnumSet.allOf(Attribute.class), upn, text(entry, "displayName"),
                text(entry, "mail"), List.of(), text(entry, "mobile"), enabled, EndUser.Source.AD_ONPREM,
                text(entry, "sAMAccountName"), Optional.empty(), groups(entry));
    }

    /**
     * The groups of {@code memberOf}: each DN's first RDN value is the group's name (its {@code cn}), the DN its
     * id. AD lists only direct memberships there (no nested groups, not the primary group, Domain Users).
     */
    static List<EndUser.Group> groups(SearchResultEntry entry) {
        var values = entry.getAttributeValues("memberOf");
        if (values == null) {
            return List.of();
        }
        var groups = new java.util.ArrayList<EndUser.Group>();
        for (String dn : values) {
            groupOf(dn).ifPresent(groups::add);
        }
        return groups;
    }

    /** A DN that does not parse is left out rather than failing the user: it cannot match a policy anyway. */
    static Optional<EndUser.Group> groupOf(String dn) {
        try {
            var rdn = new com.unboundid.ldap.sdk.DN(dn).getRDN();
            if (rdn == null || rdn.getAttributeValues().length == 0) {
                return Optional.empty();
            }
            return Optional.of(new EndUser.Group(rdn.getAttributeValues()[0], Optional.of(dn)));
        } catch (LDAPException e) {
            return Optional.empty();
        }
    }

    /** AD's objectGUID bytes as the GUID string AD tools show. */
    static String guid(byte[] b) {
        return io.helpdeskverify.directory.ObjectGuids.text(b);
    }

    private static Optional<Long> usn(SearchResultEntry entry) {
        try {
            return Optional.ofNullable(entry.getAttributeValueAsLong("uSNChanged"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(SearchResultEntry entry, String attribute) {
        return Optional.ofNullable(entry.getAttributeValue(attribute)).map(String::strip).filter(s -> !s.isEmpty());
    }

    static LdapFailure searchFailure(String baseDn, LDAPSearchException e) {
        ResultCode code = e.getResultCode();
        if (code == ResultCode.REFERRAL) {
            return new LdapFailure("The controller refers the search of '" + baseDn + "' elsewhere ("
                    + String.join(", ", e.getReferralURLs()) + "): the base DN is not in its domain.",
                    "Give a base DN of the controller's own domain, or add that domain's controller as a source.");
        }
        if (code == ResultCode.NO_SUCH_OBJECT) {
            return new LdapFailure("The base DN '" + baseDn + "' does not exist on the controller.",
                    "Check \"baseDns\" (e.g. OU=Staff,DC=acme,DC=local).");
        }
        if (code == ResultCode.SIZE_LIMIT_EXCEEDED || code == ResultCode.ADMIN_LIMIT_EXCEEDED) {
            return new LdapFailure("The controller stopped the search of '" + baseDn + "' at its size limit ("
                    + code + ").", "Allow the paged-results control for the bind account, or lower "
                    + "helpdesk.ldap.page-size to the controller's MaxPageSize (AD: 1000).");
        }
        if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
            return new LdapFailure("The bind account may not search '" + baseDn + "'.",
                    "Give it read access to the users' attributes (see docs/directory.md).");
        }
        if (code == ResultCode.SERVER_DOWN || code == ResultCode.TIMEOUT || code == ResultCode.CONNECT_ERROR) {
            return new LdapFailure("The connection to the controller was lost during the search of '" + baseDn + "' ("
                    + code + ").", "It is retried on the next schedule; check the controller if it persists.");
        }
        return new LdapFailure("The search of '" + baseDn + "' failed: " + code
                + (e.getDiagnosticMessage() == null ? "" : " (" + e.getDiagnosticMessage() + ")") + ".",
                "Check \"baseDns\" and \"filter\".");
    }
}
