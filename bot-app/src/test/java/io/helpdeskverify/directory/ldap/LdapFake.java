package io.helpdeskverify.directory.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.File;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A domain controller for the tests: UnboundID's InMemoryDirectoryServer with the AD attributes of
 * {@code ldap/ad-schema.ldif}, seeded from {@code ldap/acme-ad.ldif}, on 127.0.0.1 over LDAPS (and
 * plain LDAP with StartTLS). Its certificate is the one the test JVM trusts
 * ({@code graph-tls/fake-authority.p12}), or with {@link #untrusted} one nobody trusts. The rootDSE
 * says which controller it is and its highest committed USN, as AD's does. It records every user
 * search (filter and whether it was paged).
 */
public final class LdapFake implements AutoCloseable {

    public static final String BIND_DN = "CN=svc-helpdesk,OU=Staff,DC=acme,DC=local";
    public static final String PASSWORD = "Bind-Secret-1";
    public static final String BASE_DN = "OU=Staff,DC=acme,DC=local";
    public static final String SERVICE = "CN=NTDS Settings,OU=Domain Controllers,DC=acme,DC=local";

    public final InMemoryDirectoryServer server;
    public final List<String> searches = new CopyOnWriteArrayList<>();

    private LdapFake(String keyStore, long highestUsn) throws Exception {
        var config = new InMemoryDirectoryServerConfig("DC=acme,DC=local");
        config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(),
                Schema.getSchema(new File(resource("ldap/ad-schema.ldif")))));
        var tls = new SSLUtil(new KeyStoreKeyManager(resource(keyStore), "changeit".toCharArray(), "PKCS12", null),
                (javax.net.ssl.TrustManager) null);
        InetAddress local = InetAddress.getByName("127.0.0.1");
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig("ldaps", local, 0, tls.createSSLServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPConfig("ldap", local, 0, tls.createSSLSocketFactory()));
        config.setCustomRootDSEAttributes(List.of(new Attribute("dsServiceName", SERVICE),
                new Attribute("highestCommittedUSN", Long.toString(highestUsn))));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                var r = request.getRequest();
                if (r.getBaseDN().endsWith("OU=Staff,DC=acme,DC=local")) {
                    searches.add(r.getFilter() + (r.hasControl(SimplePagedResultsControl.PAGED_RESULTS_OID) ? " paged" : ""));
                }
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.importFromLDIF(true, new File(resource("ldap/acme-ad.ldif")));
        server.startListening();
    }

    /** A DC whose certificate the test JVM trusts, whose highest committed USN is 1500. */
    public static LdapFake trusted() throws Exception {
        return new LdapFake("graph-tls/fake-authority.p12", 1500);
    }

    public static LdapFake untrusted() throws Exception {
        return new LdapFake("ldap-tls/untrusted-dc.p12", 1500);
    }

    public String ldapsUrl() {
        return "ldaps://127.0.0.1:" + server.getListenPort("ldaps");
    }

    public String ldapUrl() {
        return "ldap://127.0.0.1:" + server.getListenPort("ldap");
    }

    /** What an edit on the DC does: the attribute changes, and uSNChanged moves past the rootDSE's USN. */
    public void change(String cn, String attribute, String value, long usn) throws LDAPException {
        server.modify("CN=" + cn + "," + BASE_DN, new Modification(ModificationType.REPLACE, attribute, value),
                new Modification(ModificationType.REPLACE, "uSNChanged", Long.toString(usn)));
    }

    public void delete(String cn) throws LDAPException {
        server.delete("CN=" + cn + "," + BASE_DN);
    }

    /** A restored DC database: same controller, new invocation id (its USNs no longer compare). */
    public void restoreDatabase() throws LDAPException {
        server.modify(SERVICE, new Modification(ModificationType.REPLACE, "invocationId",
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}));
    }

    /** The certificate a DC serves, as PEM, for "caCertificatePem". */
    public static String certificatePem(String keyStore) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        try (var in = LdapFake.class.getClassLoader().getResourceAsStream(keyStore)) {
            store.load(in, "changeit".toCharArray());
        }
        var cert = store.getCertificate(store.aliases().nextElement());
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private static String resource(String name) {
        try {
            return new File(LdapFake.class.getClassLoader().getResource(name).toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
