package io.helpdeskverify.directory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where customers, end users and devices live. Uniqueness is enforced atomically by the store. */
public interface DirectoryRepository {

    Optional<Customer> customer(String slug);

    Optional<Customer> customerByDomain(String emailDomain);

    List<Customer> customers();

    /** Slugs and email domains are unique across customers. */
    SaveResult saveCustomer(Customer customer, WriteMode mode);

    /** A directory end user, or an ad-hoc one ({@link EndUser#AD_HOC_PREFIX}) while it is kept. */
    Optional<EndUser> endUser(String customer, String username);

    /**
     * Keeps an end user who is not in the directory (a PSA contact) for {@code keep}, so delivery,
     * fallback and the card find its contact details by username. Never listed, indexed or matched by name.
     */
    void saveAdHocEndUser(EndUser user, Duration keep);

    List<EndUser> endUsers(String customer);

    Optional<EndUser> endUserByEmail(String customer, String email);

    /** Changes whenever one of the customer's end users is written: a reader may cache {@link #endUsers} until it does. */
    long endUsersVersion(String customer);

    /** The user linked to this Microsoft 365 object id. */
    Optional<EndUser> endUserByExternalId(String customer, String externalId);

    /** Usernames, emails and external ids are unique within a customer. */
    SaveResult saveEndUser(EndUser user, WriteMode mode);

    /**
     * Replaces the user only if its stored {@code updatedAt} is still {@code readAt}, else
     * {@link SaveResult.Stale} and nothing written: a compare-and-set for writers that merge.
     */
    SaveResult replaceEndUser(EndUser user, java.time.Instant readAt);

    /**
     * Whether a new device id, or the hash of a new device secret or enrolment token, may be given to
     * one of {@code customer}'s users: the store keeps a customer's users and devices together (one
     * Redis Cluster slot), and keys found by the id or hash alone must land there too, so new ones are
     * drawn until this holds (1 in 16 does).
     */
    boolean keepsTogether(String idOrHash, String customer);

    /** The device, active or revoked (revoked ones are kept for a while, then forgotten). */
    Optional<Device> device(String id);

    Optional<Device> deviceBySecretHash(String secretHash);

    /** The user's active devices only. */
    List<Device> devices(String customer, String endUser);

    /** Creates or replaces a device as it is (demo data). Enrolment goes through {@link #enrolDevice}. */
    void saveDevice(Device device);

    /** Replaces an active device; false, and nothing written, if it was revoked meanwhile. */
    boolean updateDevice(Device device);

    /**
     * Atomically: the token still names the device's user, the user is still enabled and has fewer
     * than {@code maxActive} active devices; then the token is spent and the device stored.
     */
    EnrolResult enrolDevice(String tokenHash, Device device, int maxActive);

    /**
     * Atomically takes the given devices of one user out of service: they stop counting as active and
     * their stored form becomes {@code revoked} (kept for {@code keep}, then deleted with their secret).
     *
     * @param revoked the devices as they are to be kept, each with its {@code revokedAt} set
     * @return the ids that were still active and are now revoked
     */
    List<String> revokeDevices(String customer, String endUser, List<Device> revoked, Duration keep);

    /** Stores only a hash of the token; it can be redeemed once, until it expires. */
    void storeEnrolment(String tokenHash, EnrolmentTarget target, Duration validity);

    /** Whom the token was issued for, without spending it (that happens in {@link #enrolDevice}). */
    Optional<EnrolmentTarget> enrolment(String tokenHash);
}
