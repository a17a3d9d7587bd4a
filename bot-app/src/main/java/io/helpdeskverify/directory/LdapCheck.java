package io.helpdeskverify.directory;

/**
 * {@code POST …/directory/ldap/test}: bind and one search with the given settings, answered in
 * words an admin can act on (a port of its own, so the admin API needs nothing of the LDAP client).
 */
public interface LdapCheck {

    Result check(LdapSource source);

    /**
     * What {@link LdapSource#validate()} cannot see without the client's parsers: the filter and the
     * pinned certificate.
     *
     * @throws DirectoryException.Invalid naming the field and what is wrong
     */
    void validate(LdapSource source);

    sealed interface Result permits Result.Passed, Result.Failed {

        /** @param server the controller that answered; {@code sample} one user the search found, if any */
        record Passed(String server, String sample) implements Result {}

        /** @param problem what is wrong; {@code fix} what to change */
        record Failed(String problem, String fix) implements Result {}
    }
}
