package io.helpdeskverify.siem;

import io.helpdeskverify.events.AuditEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One event as one RFC 5424 line over TCP ({@code syslog://host:port}, loopback only) or TLS
 * ({@code syslog+tls://host:port}, the JDK's trust store, host name checked), LF-framed (RFC 6587
 * non-transparent framing, which every SIEM's TCP input reads). A connection per event: simple,
 * and a receiver that restarts costs nothing. Syslog has no acknowledgement, so "delivered" means
 * written and flushed; the cursor moves only then.
 */
class SyslogSender {

    private final Duration connectTimeout;
    private final Duration writeTimeout;
    private final String hostname;

    SyslogSender(Duration connectTimeout, Duration writeTimeout, String hostname) {
        this.connectTimeout = connectTimeout;
        this.writeTimeout = writeTimeout;
        this.hostname = hostname;
    }

    static boolean isSyslog(String url) {
        return url.startsWith("syslog://") || url.startsWith("syslog+tls://");
    }

    SendResult send(String url, AuditEvent e) {
        URI uri = URI.create(url);
        boolean tls = url.startsWith("syslog+tls://");
        byte[] line = (SyslogMessage.of(e, hostname) + "\n").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = connect(uri.getHost(), uri.getPort(), tls)) {
            OutputStream out = socket.getOutputStream();
            out.write(line);
            out.flush();
            socket.shutdownOutput();
            return new SendResult.Delivered();
        } catch (IOException ex) {
            return new SendResult.Failed(ex.getClass().getSimpleName());
        }
    }

    private Socket connect(String host, int port, boolean tls) throws IOException {
        Socket plain = new Socket();
        plain.setSoTimeout((int) writeTimeout.toMillis());
        plain.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
        if (!tls) {
            return plain;
        }
        var ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }
}
