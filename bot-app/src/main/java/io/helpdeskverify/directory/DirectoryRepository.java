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

    Optional<EndUser> endUser(String customer, String username);

    List<EndUser> endUsers(String customer);

    Optional<EndUser> endUserByEmail(String customer, String email);

    /** Changes whenever one of the customer's end users is written: a reader may cache {@link #endUsers} until it does. */
    long endUsersVersion(String customer);

    /** The user linked to this Microsoft 365 object id. */
    Optional<EndUser> endUserByExternalId(String customer, String externalId);

    /** Usernames, emails and external ids are unique within a customer. */
    SaveResult saveEndUser(EndUser user, WriteMode mode);

    Optional<Device> device(String id);

    Optional<Device> deviceBySecretHash(String secretHash);

    List<Device> devices(String customer, String endUser);

    void saveDevice(Device device);

    /** Stores only a hash of the token; it can be redeemed once, until it expires. */
    void storeEnrolment(String tokenHash, EnrolmentTarget target, Duration validity);

    /** Atomically takes the token: a second redeem of the same token finds nothing. */
    Optional<EnrolmentTarget> redeemEnrolment(String tokenHash);
}
