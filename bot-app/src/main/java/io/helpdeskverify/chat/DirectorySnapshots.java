package io.helpdeskverify.chat;

import io.helpdeskverify.directory.DirectoryRepository;
import io.helpdeskverify.directory.EndUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Each customer's end users with an index by every name a technician may type, kept until the
 * customer's directory version in Redis moves (every user write bumps it, on any instance). Reading
 * and parsing every user of the customer on every command was the largest cost of /verify in the
 * load benchmark. What a snapshot finds is re-read fresh before it is used.
 */
@Component
class DirectorySnapshots {

    record Snapshot(long version, List<EndUser> users, Map<String, List<EndUser>> byName) {}

    private final DirectoryRepository directory;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    DirectorySnapshots(DirectoryRepository directory) {
        this.directory = directory;
    }

    Snapshot of(String customer, Function<EndUser, Stream<String>> names) {
        // The version is read before the users: a write in between only makes the next read reload.
        long version = directory.endUsersVersion(customer);
        Snapshot current = snapshots.get(customer);
        if (current != null && current.version() == version) {
            return current;
        }
        List<EndUser> users = directory.endUsers(customer);
        var byName = new HashMap<String, List<EndUser>>();
        for (EndUser u : users) {
            names.apply(u).forEach(n -> byName.computeIfAbsent(n, k -> new ArrayList<>(1)).add(u));
        }
        var next = new Snapshot(version, List.copyOf(users), Map.copyOf(byName));
        snapshots.put(customer, next);
        return next;
    }
}
