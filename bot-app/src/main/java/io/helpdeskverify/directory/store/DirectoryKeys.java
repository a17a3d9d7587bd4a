package io.helpdeskverify.directory.store;

import io.helpdeskverify.shared.store.KeyShards;

/** Every key of the directory's customers, end users and devices (docs/architecture.md, "Key layout"). */
public final class DirectoryKeys {

    /* Customers and their domains change together (save-customer.lua): one hash tag. */
    public static final String CUSTOMERS = "hv:{customers}";
    public static final String DOMAINS = "hv:{customers}:domains";

    private DirectoryKeys() {}

    /** {@code hv:{hv<n>}:adhoc:<customer>:<username>}: outside the users hash, so no listing, index or name search sees it. */
    public static String adHocKey(String customer, String username) {
        return KeyShards.prefixOf(customer) + "adhoc:" + customer + ":" + username;
    }

    /*
     * A customer's users, their indexes and devices all carry the hash tag of the customer's key
     * shard (one Redis Cluster slot): save-end-user.lua writes the four user keys together, and
     * enrol-device.lua reads the users hash beside the device keys. Device ids and the hashes of
     * secrets and enrolment tokens are drawn in the customer's shard (keepsTogether), so the keys
     * found by them alone carry the same tag.
     */
    public static String usersVersionKey(String customer) {
        return KeyShards.prefixOf(customer) + "users-version:" + customer;
    }

    public static String usersKey(String customer) {
        return KeyShards.prefixOf(customer) + "users:" + customer;
    }

    public static String emailsKey(String customer) {
        return KeyShards.prefixOf(customer) + "emails:" + customer;
    }

    public static String externalIdsKey(String customer) {
        return KeyShards.prefixOf(customer) + "external-ids:" + customer;
    }

    public static String deviceKey(String id) {
        return KeyShards.prefixOf(id) + "device:" + id;
    }

    public static String userDevicesKey(String customer, String endUser) {
        return KeyShards.prefixOf(customer) + "user-devices:" + customer + ":" + endUser;
    }

    public static String secretKey(String secretHash) {
        return KeyShards.prefixOf(secretHash) + "device-secret:" + secretHash;
    }

    public static String enrolKey(String tokenHash) {
        return KeyShards.prefixOf(tokenHash) + "enrol:" + tokenHash;
    }
}
