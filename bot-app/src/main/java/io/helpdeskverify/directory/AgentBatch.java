package io.helpdeskverify.directory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a directory agent pushes for one customer: users read from its Active Directory, and only
 * the attributes of the mapping (never a password, never anything else of the entry). The same
 * record is the agent's request body and what the bot reads, so the two cannot drift apart.
 *
 * @param batchId the agent's id for this request; a retry sends the same id and is applied once
 * @param full whether these users are a page of a full snapshot (the pass that finds deleted
 *             accounts) rather than changes since the agent's cursor
 * @param snapshotId the full snapshot this page belongs to
 * @param page the page's number in its snapshot, from 0; a page out of order breaks the snapshot
 * @param complete the snapshot's last page: only then are the users it did not name disabled
 * @param passId the agent's pass this batch of changes belongs to, so the bot reports a pass of several
 *               batches as one (a snapshot's pass is its snapshotId)
 * @param unmapped entries under the filter the agent read but could not map (no objectGUID, a
 *                 malformed userAccountControl): their DN and why, so the bot lists them in {@code rejected}
 */
public record AgentBatch(String batchId, boolean full, Optional<String> snapshotId, int page, boolean complete,
                         List<User> users, Optional<String> passId, List<Unmapped> unmapped) {

    public AgentBatch {
        batchId = batchId == null ? "" : batchId;
        snapshotId = snapshotId == null ? Optional.empty() : snapshotId;
        users = users == null ? List.of() : users.stream().filter(Objects::nonNull).toList();
        passId = passId == null ? Optional.empty() : passId;
        unmapped = unmapped == null ? List.of() : unmapped.stream().filter(Objects::nonNull).toList();
    }

    /** Changes since the agent's cursor. */
    public static AgentBatch changes(String batchId, String passId, List<User> users, List<Unmapped> unmapped) {
        return new AgentBatch(batchId, false, Optional.empty(), 0, false, users, Optional.of(passId), unmapped);
    }

    /** One page of a full snapshot. */
    public static AgentBatch snapshotPage(String batchId, String snapshotId, int page, boolean complete,
                                          List<User> users, List<Unmapped> unmapped) {
        return new AgentBatch(batchId, true, Optional.of(snapshotId), page, complete, users, Optional.empty(), unmapped);
    }

    /** The pass the bot reports this batch under: the snapshot, or the agent's pass of changes. */
    public Optional<String> pass() {
        return full ? snapshotId : passId;
    }

    /** An entry the agent could not map: its DN (never its attributes) and the reason. */
    public record Unmapped(String entry, String reason) {
        public Unmapped {
            entry = entry == null ? "" : entry;
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * One Active Directory user as the mapping reads it (docs/directory.md, "What is imported").
     *
     * @param objectGuid the stable id, as AD tools show it
     * @param enabled {@code userAccountControl} without ACCOUNTDISABLE
     * @param groups the groups of {@code memberOf} (name = the CN, id = the DN); empty from an agent older than
     *               groups, whose batches then leave the groups the bot knows as they are
     */
    public record User(String objectGuid, Optional<String> samAccountName, Optional<String> userPrincipalName,
                       Optional<String> displayName, Optional<String> mail, Optional<String> mobile, boolean enabled,
                       Optional<List<EndUser.Group>> groups) {

        public User {
            objectGuid = objectGuid == null ? "" : objectGuid;
            samAccountName = orEmpty(samAccountName);
            userPrincipalName = orEmpty(userPrincipalName);
            displayName = orEmpty(displayName);
            mail = orEmpty(mail);
            mobile = orEmpty(mobile);
            groups = groups == null ? Optional.empty() : groups.map(List::copyOf);
        }

        /** What the agent sends for a user its reader mapped. */
        public static User of(ExternalUser user) {
            // The reader's upn falls back to the account name; the wire keeps the two apart.
            var upn = user.upn().filter(u -> !user.accountName().equals(java.util.Optional.of(u)));
            return new User(user.externalId(), user.accountName(), upn, user.displayName(), user.mail(), user.mobile(),
                    user.enabled(), user.has(ExternalUser.Attribute.GROUPS) ? Optional.of(user.groups()) : Optional.empty());
        }

        /** As the bot's own LDAP sync would have read it: a full entry, every attribute of the mapping. */
        public ExternalUser toExternalUser() {
            var sent = java.util.EnumSet.allOf(ExternalUser.Attribute.class);
            if (groups.isEmpty()) {
                sent.remove(ExternalUser.Attribute.GROUPS);
            }
            return new ExternalUser(objectGuid.strip().toLowerCase(java.util.Locale.ROOT), sent,
                    userPrincipalName.or(() -> samAccountName), displayName, mail, List.of(), mobile, enabled,
                    EndUser.Source.AD_ONPREM, samAccountName, Optional.empty(), groups.orElse(List.of()));
        }

        private static Optional<String> orEmpty(Optional<String> value) {
            return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
        }
    }
}
