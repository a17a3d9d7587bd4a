package io.helpdeskverify.directory;

import java.util.Base64;
import java.util.Optional;

/**
 * Active Directory's objectGUID in its two spellings: the 16 bytes LDAP returns (and Entra Connect
 * copies, base64, into Microsoft 365's {@code onPremisesImmutableId}) and the GUID string AD tools
 * show, which is the user's id here. The same person in both directories is found through it.
 */
public final class ObjectGuids {

    private ObjectGuids() {}

    /** The bytes as AD tools show them: the first three groups are little-endian. */
    public static String text(byte[] b) {
        if (b.length != 16) {
            throw new IllegalArgumentException("an objectGUID has 16 bytes, not " + b.length);
        }
        return String.format("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    }

    /**
     * Graph's {@code onPremisesImmutableId} as the objectGUID it was made from. Empty when it is not
     * base64 of 16 bytes: a tenant whose Entra Connect anchors on another attribute (mail, employee id).
     */
    public static Optional<String> fromImmutableId(String immutableId) {
        if (immutableId == null || immutableId.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(immutableId.strip());
            return bytes.length == 16 ? Optional.of(text(bytes)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
