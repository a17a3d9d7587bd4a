package io.helpdeskverify.directory.store;

import io.helpdeskverify.shared.store.LegacyKeys;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The directory as an older version stored it (customers, users, their indexes and devices under
 * hash-tag-free names), moved to the Cluster key layout ({@link DirectoryKeys}) before this instance
 * serves anything ({@link LegacyKeys}). Device ids and secrets issued before keep working: on one
 * Redis their keys need not share the customer's slot.
 */
@Component
class DirectoryKeyMigration implements SmartInitializingSingleton {

    private final StringRedisTemplate redis;

    DirectoryKeyMigration(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void afterSingletonsInstantiated() {
        LegacyKeys.migrate(redis, "directory", List.of("hv:customers", "hv:domains"), legacy -> {
            legacy.move("hv:customers", DirectoryKeys.CUSTOMERS);
            legacy.move("hv:domains", DirectoryKeys.DOMAINS);
            legacy.scan("hv:users-version:", DirectoryKeys::usersVersionKey);
            legacy.scan("hv:users:", DirectoryKeys::usersKey);
            legacy.scan("hv:emails:", DirectoryKeys::emailsKey);
            legacy.scan("hv:external-ids:", DirectoryKeys::externalIdsKey);
            legacy.scan("hv:adhoc:", pair(DirectoryKeys::adHocKey));
            legacy.scan("hv:user-devices:", pair(DirectoryKeys::userDevicesKey));
            legacy.scan("hv:device:", DirectoryKeys::deviceKey);
            legacy.scan("hv:device-secret:", DirectoryKeys::secretKey);
            legacy.scan("hv:enrol:", DirectoryKeys::enrolKey);
        });
    }

    private static java.util.function.UnaryOperator<String> pair(BiFunction<String, String, String> key) {
        return rest -> {
            var pair = LegacyKeys.pair(rest);
            return key.apply(pair.getKey(), pair.getValue());
        };
    }
}
