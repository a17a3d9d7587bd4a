package io.helpdeskverify.directory.store;

import io.helpdeskverify.directory.Customer;
import io.helpdeskverify.directory.Device;
import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.EnrolResult;
import io.helpdeskverify.directory.EnrolmentTarget;
import io.helpdeskverify.directory.SaveResult;
import io.helpdeskverify.directory.WriteMode;
import io.helpdeskverify.shared.LuaScripts;
import io.helpdeskverify.shared.StoredJson;
import io.helpdeskverify.shared.store.KeyShards;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * The directory in Redis: one hash of customers, one hash of end users per customer, and index
 * hashes for the unique fields, all written by Lua scripts so a uniqueness check and its write
 * cannot be split by a concurrent writer.
 */
@Repository
class RedisDirectoryRepository implements DirectoryRepository {

    /* Customers and their domains change together (save-customer.lua): one hash tag. */
    private static final String CUSTOMERS = DirectoryKeys.CUSTOMERS;
    private static final String DOMAINS = DirectoryKeys.DOMAINS;

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SAVE_CUSTOMER =
            LuaScripts.load("save-customer.lua", List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SAVE_END_USER =
            LuaScripts.load("save-end-user.lua", List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ENROL_DEVICE =
            LuaScripts.load("enrol-device.lua", List.class);
    private static final RedisScript<Long> UPDATE_DEVICE =
            LuaScripts.load("update-device.lua", Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> REVOKE_DEVICES =
            LuaScripts.load("revoke-devices.lua", List.class);

    private final StringRedisTemplate redis;
    private final StoredJson json;

    RedisDirectoryRepository(StringRedisTemplate redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Optional<Customer> customer(String slug) {
        return read(redis.<String, String>opsForHash().get(CUSTOMERS, slug), Customer.class);
    }

    @Override
    public Optional<Customer> customerByDomain(String emailDomain) {
        String slug = redis.<String, String>opsForHash().get(DOMAINS, emailDomain.toLowerCase(Locale.ROOT));
        return slug == null ? Optional.empty() : customer(slug);
    }

    @Override
    public List<Customer> customers() {
        return readAll(redis.<String, String>opsForHash().values(CUSTOMERS), Customer.class).stream()
                .sorted(Comparator.comparing(Customer::slug)).toList();
    }

    @Override
    public SaveResult saveCustomer(Customer customer, WriteMode mode) {
        var args = new ArrayList<String>();
        args.add(customer.slug());
        args.add(write(customer));
        args.add(mode.name());
        args.addAll(customer.emailDomains());
        return result(redis.execute(SAVE_CUSTOMER, List.of(CUSTOMERS, DOMAINS), args.toArray()));
    }

    @Override
    public Optional<EndUser> endUser(String customer, String username) {
        if (username.startsWith(EndUser.AD_HOC_PREFIX)) {
            return read(redis.opsForValue().get(DirectoryKeys.adHocKey(customer, username)), EndUser.class);
        }
        return read(redis.<String, String>opsForHash().get(DirectoryKeys.usersKey(customer), username), EndUser.class);
    }

    @Override
    public void saveAdHocEndUser(EndUser user, Duration keep) {
        if (!user.adHoc() || !user.username().startsWith(EndUser.AD_HOC_PREFIX)) {
            throw new IllegalArgumentException(user.username() + " is not an ad-hoc end user");
        }
        redis.opsForValue().set(DirectoryKeys.adHocKey(user.customer(), user.username()), write(user), keep);
    }


    @Override
    public List<EndUser> endUsers(String customer) {
        return readAll(redis.<String, String>opsForHash().values(DirectoryKeys.usersKey(customer)), EndUser.class).stream()
                .sorted(Comparator.comparing(EndUser::username)).toList();
    }

    @Override
    public SaveResult saveEndUser(EndUser user, WriteMode mode) {
        if (mode == WriteMode.UPDATE_IF_UNCHANGED) {
            throw new IllegalArgumentException("replaceEndUser compares; saveEndUser does not");
        }
        return saveEndUser(user, mode, "");
    }

    @Override
    public SaveResult replaceEndUser(EndUser user, java.time.Instant readAt) {
        // As the stored JSON spells it: the same mapper wrote it.
        String spelled = write(readAt);
        return saveEndUser(user, WriteMode.UPDATE_IF_UNCHANGED, spelled.substring(1, spelled.length() - 1));
    }

    private SaveResult saveEndUser(EndUser user, WriteMode mode, String readAt) {
        String email = user.email().map(e -> e.toLowerCase(Locale.ROOT)).orElse("");
        var args = new ArrayList<String>(List.of(user.username(), write(user), mode.name(), email, readAt));
        // Every directory's id, and the AD objectGUID a Microsoft 365 account is synced from: the AD import finds the person by it.
        user.links().stream().flatMap(l -> l.ids().stream()).distinct().forEach(args::add);
        return result(redis.execute(SAVE_END_USER,
                List.of(DirectoryKeys.usersKey(user.customer()), DirectoryKeys.emailsKey(user.customer()), DirectoryKeys.externalIdsKey(user.customer()),
                        DirectoryKeys.usersVersionKey(user.customer())),
                args.toArray()));
    }

    @Override
    public Optional<EndUser> endUserByEmail(String customer, String email) {
        String username = redis.<String, String>opsForHash().get(DirectoryKeys.emailsKey(customer), email.toLowerCase(Locale.ROOT));
        return username == null ? Optional.empty() : endUser(customer, username);
    }

    @Override
    public Optional<EndUser> endUserByExternalId(String customer, String externalId) {
        String username = redis.<String, String>opsForHash().get(DirectoryKeys.externalIdsKey(customer), externalId);
        return username == null ? Optional.empty()
                : endUser(customer, username).filter(u -> u.links().stream().anyMatch(l -> l.ids().contains(externalId)));
    }

    @Override
    public boolean keepsTogether(String idOrHash, String customer) {
        return KeyShards.same(idOrHash, customer);
    }

    @Override
    public Optional<Device> device(String id) {
        return read(redis.opsForValue().get(DirectoryKeys.deviceKey(id)), Device.class);
    }

    @Override
    public Optional<Device> deviceBySecretHash(String secretHash) {
        String id = redis.opsForValue().get(DirectoryKeys.secretKey(secretHash));
        return id == null ? Optional.empty() : device(id).filter(d -> d.secretHash().equals(secretHash));
    }

    @Override
    public List<Device> devices(String customer, String endUser) {
        var ids = redis.opsForSet().members(DirectoryKeys.userDevicesKey(customer, endUser));
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        var values = redis.opsForValue().multiGet(ids.stream().sorted().map(DirectoryKeys::deviceKey).toList());
        // The set holds active devices only; the filter guards a revoked one written by an older instance.
        return values == null ? List.of()
                : readAll(values, Device.class).stream().filter(d -> !d.revoked()).toList();
    }

    @Override
    public void saveDevice(Device device) {
        String key = DirectoryKeys.deviceKey(device.id());
        String setKey = DirectoryKeys.userDevicesKey(device.customer(), device.endUser());
        String value = write(device);
        redis.executePipelined((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
            var strings = (org.springframework.data.redis.connection.StringRedisConnection) connection;
            strings.set(key, value);
            strings.sAdd(setKey, device.id());
            strings.set(DirectoryKeys.secretKey(device.secretHash()), device.id());
            return null;
        });
    }

    @Override
    public boolean updateDevice(Device device) {
        Long updated = redis.execute(UPDATE_DEVICE,
                List.of(DirectoryKeys.userDevicesKey(device.customer(), device.endUser()), DirectoryKeys.deviceKey(device.id())),
                device.id(), write(device));
        return updated != null && updated == 1;
    }

    @Override
    public EnrolResult enrolDevice(String tokenHash, Device device, int maxActive) {
        List<?> reply = redis.execute(ENROL_DEVICE,
                List.of(DirectoryKeys.enrolKey(tokenHash), DirectoryKeys.userDevicesKey(device.customer(), device.endUser()), DirectoryKeys.deviceKey(device.id()),
                        DirectoryKeys.secretKey(device.secretHash()), DirectoryKeys.usersKey(device.customer())),
                device.customer(), device.endUser(), device.id(), write(device), Integer.toString(maxActive));
        if (reply == null || reply.isEmpty()) {
            throw new IllegalStateException("the enrolment script returned nothing");
        }
        return switch (String.valueOf(reply.get(0))) {
            case "ENROLLED" -> new EnrolResult.Enrolled();
            case "TOKEN_GONE" -> new EnrolResult.TokenGone();
            case "USER_UNAVAILABLE" -> new EnrolResult.UserUnavailable();
            case "LIMIT" -> new EnrolResult.LimitReached(Integer.parseInt(String.valueOf(reply.get(1))));
            default -> throw new IllegalStateException("unexpected enrolment script reply " + reply);
        };
    }

    @Override
    public List<String> revokeDevices(String customer, String endUser, List<Device> revoked, Duration keep) {
        if (revoked.isEmpty()) {
            return List.of();
        }
        var keys = new ArrayList<String>();
        var args = new ArrayList<String>();
        keys.add(DirectoryKeys.userDevicesKey(customer, endUser));
        args.add(Long.toString(Math.max(1, keep.toSeconds())));
        for (Device d : revoked) {
            if (!d.customer().equals(customer) || !d.endUser().equals(endUser) || !d.revoked()) {
                throw new IllegalArgumentException("device " + d.id() + " is not a revoked device of " + endUser);
            }
            keys.add(DirectoryKeys.deviceKey(d.id()));
            keys.add(DirectoryKeys.secretKey(d.secretHash()));
            args.add(d.id());
            args.add(write(d));
        }
        List<?> reply = redis.execute(REVOKE_DEVICES, keys, args.toArray());
        return reply == null ? List.of() : reply.stream().map(String::valueOf).toList();
    }

    @Override
    public void storeEnrolment(String tokenHash, EnrolmentTarget target, Duration validity) {
        redis.opsForValue().set(DirectoryKeys.enrolKey(tokenHash), write(target), validity);
    }

    @Override
    public Optional<EnrolmentTarget> enrolment(String tokenHash) {
        return read(redis.opsForValue().get(DirectoryKeys.enrolKey(tokenHash)), EnrolmentTarget.class);
    }

    @Override
    public long endUsersVersion(String customer) {
        String v = redis.opsForValue().get(DirectoryKeys.usersVersionKey(customer));
        return v == null ? 0 : Long.parseLong(v);
    }

    private static SaveResult result(List<?> reply) {
        if (reply == null || reply.isEmpty()) {
            throw new IllegalStateException("the directory script returned nothing");
        }
        return switch (String.valueOf(reply.get(0))) {
            case "CREATED" -> new SaveResult.Saved(true);
            case "UPDATED" -> new SaveResult.Saved(false);
            case "NOT_FOUND" -> new SaveResult.NotFound();
            case "STALE" -> new SaveResult.Stale();
            case "CONFLICT" -> new SaveResult.Conflict(String.valueOf(reply.get(1)), String.valueOf(reply.get(2)));
            default -> throw new IllegalStateException("unexpected directory script reply " + reply);
        };
    }

    private String write(Object value) {
        return json.write(value);
    }

    private <T> Optional<T> read(String value, Class<T> type) {
        return json.read(value, type);
    }

    private <T> List<T> readAll(List<String> values, Class<T> type) {
        var out = new ArrayList<T>(values.size());
        for (String v : values) {
            read(v, type).ifPresent(out::add);
        }
        return out;
    }
}
