package io.helpdeskverify.verification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time links in an end user's SMS or email: "the codes match" / "they don't" for a reverse
 * check, "I did not ask for this" for a code. The token in the link is the credential: 144 random
 * bits, kept only as an HMAC-SHA256 under the server key (a copy of the store does not open any
 * link), good for one answer, and never past its challenge's deadline. Opening the link only reads
 * it ({@link #peek}): link scanners fetch every link in a message, so only the page's button
 * ({@link #redeem}) uses it.
 */
public final class UserLinks {

    /** Where a link points, after the public URL: {@code https://bot.example/u/<token>} (short, for an SMS). */
    public static final String PATH = "/u/";

    /** Separates this MAC from the codes' under the same key. */
    private static final byte[] PURPOSE = "user-link\0".getBytes(StandardCharsets.US_ASCII);

    private final UserLinkStore store;
    private final SecretKeySpec key;
    private final SecureRandom random;
    private final Clock clock;

    public UserLinks(UserLinkStore store, byte[] serverKey, SecureRandom random, Clock clock) {
        if (serverKey.length < 32) {
            throw new IllegalArgumentException("the server key must have at least 32 bytes");
        }
        this.store = store;
        this.key = new SecretKeySpec(serverKey.clone(), "HmacSHA256");
        this.random = random;
        this.clock = clock;
    }

    /** A new token for the challenge {@code v} has now; it ends with the challenge's countdown. */
    public String issue(Verification v) {
        byte[] b = new byte[18];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        store.save(hash(token), new UserLinkStore.Held(v.id(), v.expiresAt()));
        return token;
    }

    /** The verification a token opens, without using it: the page a GET shows. */
    public Optional<String> peek(String token) {
        return valid(token).flatMap(t -> store.find(hash(t))).filter(this::current).map(UserLinkStore.Held::verificationId);
    }

    /** Uses the token up; only the first answer gets the verification. */
    public Optional<String> redeem(String token) {
        return valid(token).flatMap(t -> store.take(hash(t))).filter(this::current).map(UserLinkStore.Held::verificationId);
    }

    private boolean current(UserLinkStore.Held held) {
        return clock.instant().isBefore(held.expiresAt());
    }

    /* Anything that is not a token we could have made is refused before it reaches the store. */
    private static Optional<String> valid(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{24}") ? Optional.of(token) : Optional.empty();
    }

    private String hash(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(PURPOSE);
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
