package io.helpdeskverify.chat.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

/**
 * The Bot Framework's token issuer, offline: an OpenID configuration and a JWKS (with the
 * {@code endorsements} Teams keys carry) on 127.0.0.1, and tokens signed with the test key the
 * way the Bot Connector signs them.
 */
final class BotFrameworkTokens implements AutoCloseable {

    static final String ISSUER = "https://api.botframework.com";
    static final String KEY_ID = "test-key-1";

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final KeyPair key = rsa();
    private final KeyPair otherKey = rsa();

    BotFrameworkTokens() {
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        server.stubFor(get(urlPathEqualTo("/v1/.well-known/openidconfiguration")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"issuer":"%s","authorization_endpoint":"https://invalid.example/authorize",
                         "jwks_uri":"%s/v1/.well-known/keys","id_token_signing_alg_values_supported":["RS256"],
                         "token_endpoint_auth_methods_supported":["private_key_jwt"]}""".formatted(ISSUER, base))));
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        server.stubFor(get(urlPathEqualTo("/v1/.well-known/keys")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"keys":[{"kty":"RSA","use":"sig","kid":"%s","n":"%s","e":"%s","endorsements":["msteams"]}]}"""
                        .formatted(KEY_ID, b64(pub.getModulus()), b64(pub.getPublicExponent())))));
    }

    String metadataUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1/.well-known/openidconfiguration";
    }

    /** A token as the Bot Connector sends it for this app and service URL. */
    String token(String audience, String serviceUrl) {
        return token(ISSUER, audience, serviceUrl, Instant.now().plus(Duration.ofMinutes(30)), key);
    }

    String token(String issuer, String audience, String serviceUrl, Instant expires) {
        return token(issuer, audience, serviceUrl, expires, key);
    }

    /** Same key id, another private key: what a forger without our key could do. */
    String forged(String audience, String serviceUrl) {
        return token(ISSUER, audience, serviceUrl, Instant.now().plus(Duration.ofMinutes(30)), otherKey);
    }

    /** {@code alg: none}. */
    String unsigned(String audience, String serviceUrl) {
        return JWT.create().withIssuer(ISSUER).withAudience(audience).withClaim("serviceurl", serviceUrl)
                .withKeyId(KEY_ID).withExpiresAt(Date.from(Instant.now().plus(Duration.ofMinutes(30))))
                .sign(Algorithm.none());
    }

    private static String token(String issuer, String audience, String serviceUrl, Instant expires, KeyPair k) {
        return JWT.create().withIssuer(issuer).withAudience(audience).withClaim("serviceurl", serviceUrl)
                .withKeyId(KEY_ID).withIssuedAt(Date.from(expires.minus(Duration.ofHours(1))))
                .withNotBefore(Date.from(expires.minus(Duration.ofHours(1))))
                .withExpiresAt(Date.from(expires))
                .sign(Algorithm.RSA256((RSAPublicKey) k.getPublic(), (RSAPrivateKey) k.getPrivate()));
    }

    @Override
    public void close() {
        server.stop();
    }

    private static KeyPair rsa() {
        try {
            var g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
