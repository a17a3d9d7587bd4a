package io.helpdeskverify.directory;

import java.util.Optional;

/** Each customer's Active Directory connection; the store keeps the bind password encrypted. */
public interface LdapSources {

    Optional<LdapSource> find(String customer);

    void save(String customer, LdapSource source);

    /** True if there was one. Imported users stay as they are. */
    boolean delete(String customer);
}
