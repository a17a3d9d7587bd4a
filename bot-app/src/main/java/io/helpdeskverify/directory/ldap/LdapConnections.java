package io.helpdeskverify.directory.ldap;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import io.helpdeskverify.directory.LdapSource;
import io.helpdeskverify.directory.LdapSource.Server;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Locale;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bound connection to the first domain controller of the list that answers: LDAPS, or LDAP with
 * StartTLS, plain only where the source allows it. The certificate must chain to the pinned CA if
 * one is given, else to the JVM's trust store, and name the host (never trust-all). A controller that
 * cannot be reached or will not shake hands makes way for the next; a refused bind does not (the
 * password is the same on every controller, and trying it on all of them only locks the account).
 */
class LdapConnections {

    private static final Logger log = LoggerFactory.getLogger(LdapConnections.class);

    private final LdapProperties props;

    LdapConnections(LdapProperties props) {
        this.props = props;
    }

    /** A bound connection (the caller closes it) and the controller it reached. */
    record Bound(LDAPConnection connection, Server server) implements AutoCloseable {
        String name() {
            return server.host() + ":" + server.port();
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    Bound connect(LdapSource source) {
        SSLContext tls = tls(source);
        var failures = new ArrayList<LdapFailure>();
        for (Server server : source.servers()) {
            LDAPConnection connection = null;
            try {
                connection = open(server, source, tls);
                bind(connection, server, source);
                return new Bound(connection, server);
            } catch (LdapFailure e) {
                if (connection != null) {
                    connection.close();
                }
                if (e instanceof BindRefused) {
                    throw e;
                }
                log.info("Domain controller {}:{} not usable, trying the next: {}", server.host(), server.port(),
                        e.problem());
                failures.add(e);
            }
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        throw new LdapFailure("No domain controller could be used: " + String.join(" ",
                failures.stream().map(LdapFailure::problem).toList()), failures.get(failures.size() - 1).fix());
    }

    private LDAPConnection open(Server server, LdapSource source, SSLContext tls) {
        var options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) props.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(props.responseTimeout().toMillis());
        options.setFollowReferrals(false);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        SocketFactory sockets = server.tls() ? tls.getSocketFactory() : SocketFactory.getDefault();
        LDAPConnection connection;
        try {
            connection = new LDAPConnection(sockets, options, server.host(), server.port());
        } catch (LDAPException e) {
            throw connectFailure(server, e);
        }
        if (!server.tls() && source.startTls()) {
            try {
                ExtendedResult r = connection.processExtendedOperation(new StartTLSExtendedRequest(tls));
                if (r.getResultCode() != ResultCode.SUCCESS) {
                    connection.close();
                    throw new LdapFailure(name(server) + " refused StartTLS (" + r.getResultCode() + ").",
                            "Give the controller a certificate (then StartTLS works), or use ldaps://" + server.host()
                                    + ":636.");
                }
            } catch (LDAPException e) {
                connection.close();
                throw connectFailure(server, e);
            }
        }
        return connection;
    }

    private static void bind(LDAPConnection connection, Server server, LdapSource source) {
        try {
            connection.bind(new SimpleBindRequest(source.bindDn(), source.password()));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                throw new BindRefused(name(server) + " refused the bind: wrong bind DN or password for '"
                        + source.bindDn() + "' (or the account is locked, disabled or expired).",
                        "Check the bind account in AD and PUT the right password.");
            }
            if (e.getResultCode() == ResultCode.CONFIDENTIALITY_REQUIRED
                    || e.getResultCode() == ResultCode.STRONG_AUTH_REQUIRED) {
                throw new BindRefused(name(server) + " requires an encrypted connection for this bind.",
                        "Use ldaps://" + server.host() + ":636 or \"startTls\": true.");
            }
            throw connectFailure(server, e);
        }
    }

    private static LdapFailure connectFailure(Server server, LDAPException e) {
        if (certificateProblem(e)) {
            return new LdapFailure(name(server) + "'s certificate is not trusted or does not name '" + server.host()
                    + "' (" + rootMessage(e) + ").", "Set \"caCertificatePem\" to the CA that issued the "
                    + "controller's certificate, and use the host name the certificate is issued for.");
        }
        if (e.getResultCode() == ResultCode.CONNECT_ERROR || e.getResultCode() == ResultCode.SERVER_DOWN
                || e.getResultCode() == ResultCode.TIMEOUT) {
            return new LdapFailure(name(server) + " is unreachable (" + rootMessage(e) + ").",
                    "Check the host name and port, that the bot's network reaches the controller (firewall, VPN), "
                            + "or use a directory agent inside the customer's network.");
        }
        return new LdapFailure(name(server) + " answered " + e.getResultCode() + ": " + e.getDiagnosticMessage() + ".",
                "Check the connection settings.");
    }

    private static boolean certificateProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof CertificateException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("certificate") || m.contains("hostname") || m.contains("host name")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() <= 200 ? m : m.substring(0, 200) + "…";
    }

    private static String name(Server server) {
        return server.host() + ":" + server.port();
    }

    /** The pinned CA certificates, or the JVM's default trust store. */
    static SSLContext tls(LdapSource source) {
        try {
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(source.caCertificatePem().map(LdapConnections::pinned).orElse(null));
            var context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS with the JDK's trust managers", e);
        }
    }

    /** @throws IllegalArgumentException saying the PEM holds no certificate */
    static KeyStore pinned(String pem) {
        try {
            var certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("caCertificatePem holds no certificate.");
            }
            var store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (var c : certificates) {
                store.setCertificateEntry("pinned-" + i++, c);
            }
            return store;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("caCertificatePem is not a PEM certificate (-----BEGIN CERTIFICATE-----"
                    + " …): " + e.getMessage());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("an in-memory key store", e);
        }
    }

    /** A refused bind: the same on every controller, so not worth trying the next. */
    static final class BindRefused extends LdapFailure {
        BindRefused(String problem, String fix) {
            super(problem, fix);
        }
    }
}
