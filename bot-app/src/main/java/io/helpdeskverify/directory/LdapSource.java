package io.helpdeskverify.directory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a customer's on-premises Active Directory is read: domain controllers in failover order,
 * the bind account, the subtrees and the filter. Encrypted on the wire by default: {@code ldaps://},
 * or {@code ldap://} with StartTLS; plain LDAP only when {@code allowPlainLdap} says so, because the
 * bind password and every user's mobile number would otherwise cross the network readable.
 *
 * @param caCertificatePem the CA (or DC) certificate to trust instead of the JVM's default trust store
 */
public record LdapSource(List<String> urls, String bindDn, String password, List<String> baseDns,
                         Optional<String> filter, Optional<String> caCertificatePem, boolean allowPlainLdap,
                         boolean startTls) {

    /** Enabled and disabled person accounts; computers, contacts and groups are not users. */
    /*
     * Person accounts, enabled and disabled, without computers (which are users too) or contacts. The
     * same set as AD's usual (&(objectCategory=person)(objectClass=user)), but by objectClass only:
     * objectCategory holds a DN (CN=Person,CN=Schema,…) that only AD itself matches against "person",
     * so the usual filter finds nobody on a directory that is not AD, or an AD export served elsewhere.
     */
    public static final String DEFAULT_FILTER = "(&(objectClass=user)(objectClass=person)(!(objectClass=computer)))";

    public LdapSource {
        urls = List.copyOf(urls);
        Objects.requireNonNull(bindDn, "bindDn");
        Objects.requireNonNull(password, "password");
        baseDns = List.copyOf(baseDns);
        filter = filter == null ? Optional.empty() : filter.filter(f -> !f.isBlank());
        caCertificatePem = caCertificatePem == null ? Optional.empty() : caCertificatePem.filter(p -> !p.isBlank());
    }

    public String effectiveFilter() {
        return filter.orElse(DEFAULT_FILTER);
    }

    /** The URLs as host, port and whether the socket itself is TLS. */
    public List<Server> servers() {
        return urls.stream().map(LdapSource::server).toList();
    }

    public LdapSource withPassword(String password) {
        return new LdapSource(urls, bindDn, password, baseDns, filter, caCertificatePem, allowPlainLdap, startTls);
    }

    /**
     * Checks what can be checked without a network: URL schemes and encryption, a bind DN and
     * password, at least one base DN. The filter and the certificate are checked by their parsers,
     * which live beside the LDAP client.
     *
     * @throws DirectoryException.Invalid naming the field and what to change
     */
    public void validate() {
        if (urls.isEmpty()) {
            throw new DirectoryException.Invalid("urls", "Give at least one domain controller, e.g. "
                    + "\"urls\": [\"ldaps://dc1.example.com:636\"].");
        }
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i) == null ? "" : urls.get(i).strip();
            String scheme = url.toLowerCase(Locale.ROOT);
            if (!scheme.startsWith("ldaps://") && !scheme.startsWith("ldap://")) {
                throw new DirectoryException.Invalid("urls[" + i + "]", "'" + url + "' is not an LDAP URL: write "
                        + "ldaps://host:636 (or ldap://host:389 with \"startTls\": true).");
            }
            try {
                server(url);
            } catch (IllegalArgumentException e) {
                throw new DirectoryException.Invalid("urls[" + i + "]", e.getMessage());
            }
            if (scheme.startsWith("ldap://") && !startTls && !allowPlainLdap) {
                throw new DirectoryException.Invalid("urls[" + i + "]", "'" + url + "' is plain LDAP: the bind password "
                        + "and users' mobile numbers would cross the network unencrypted. Use ldaps://host:636, or set "
                        + "\"startTls\": true, or (only on a trusted network) \"allowPlainLdap\": true.");
            }
        }
        if (bindDn.isBlank()) {
            throw new DirectoryException.Invalid("bindDn", "Give the bind account's DN (e.g. "
                    + "\"CN=svc-helpdesk,OU=Service Accounts,DC=acme,DC=local\") or its UPN (svc-helpdesk@acme.local).");
        }
        if (password.isEmpty()) {
            throw new DirectoryException.Invalid("password", "Give the bind account's password.");
        }
        if (baseDns.isEmpty() || baseDns.stream().anyMatch(b -> b == null || b.isBlank())) {
            throw new DirectoryException.Invalid("baseDns", "Give at least one base DN to search, e.g. "
                    + "\"baseDns\": [\"OU=Staff,DC=acme,DC=local\"].");
        }
    }

    private static Server server(String url) {
        try {
            var uri = new URI(url.strip());
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new IllegalArgumentException("'" + url + "' has no host name.");
            }
            if (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath())) {
                throw new IllegalArgumentException("'" + url + "': give only scheme, host and port; the base DNs go "
                        + "in \"baseDns\".");
            }
            boolean tls = "ldaps".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() > 0 ? uri.getPort() : tls ? 636 : 389;
            return new Server(uri.getHost(), port, tls);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason() + ".");
        }
    }

    /** One domain controller. {@code tls}: the connection is TLS from the first byte (LDAPS). */
    public record Server(String host, int port, boolean tls) {}

    @Override
    public String toString() {
        return "LdapSource[urls=" + urls + ", bindDn=" + bindDn + ", baseDns=" + baseDns + ", password=redacted]";
    }
}
