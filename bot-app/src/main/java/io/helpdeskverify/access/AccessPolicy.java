package io.helpdeskverify.access;

import java.util.HashSet;
import java.util.List;

/**
 * Who may verify one customer's end users, per platform. A technician is allowed when any grant of
 * their platform names their workspace (or tenant) and matches them. An empty policy is no policy:
 * the global {@link AccessMode} decides.
 */
public record AccessPolicy(List<SlackGrant> slack, List<TeamsGrant> teams) {

    /* A handful of workspaces and tenants per customer is the norm; the bound keeps every read cheap. */
    static final int MAX_GRANTS = 50;

    public AccessPolicy {
        slack = slack == null ? List.of() : List.copyOf(slack);
        teams = teams == null ? List.of() : List.copyOf(teams);
        if (slack.size() > MAX_GRANTS || teams.size() > MAX_GRANTS) {
            throw new IllegalArgumentException("At most " + MAX_GRANTS + " workspaces and " + MAX_GRANTS
                    + " tenants per policy.");
        }
        // Two entries for one workspace would make "who is allowed" depend on reading both: one entry each.
        var seen = new HashSet<String>();
        for (int i = 0; i < slack.size(); i++) {
            if (!seen.add(slack.get(i).workspace())) {
                throw new IllegalArgumentException("slack[" + i + "].workspace " + slack.get(i).workspace()
                        + " is listed twice; merge the entries.");
            }
        }
        seen.clear();
        for (int i = 0; i < teams.size(); i++) {
            if (!seen.add(teams.get(i).tenant().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("teams[" + i + "].tenant " + teams.get(i).tenant()
                        + " is listed twice; merge the entries.");
            }
        }
    }

    public static AccessPolicy none() {
        return new AccessPolicy(List.of(), List.of());
    }

    public boolean isEmpty() {
        return slack.isEmpty() && teams.isEmpty();
    }
}
