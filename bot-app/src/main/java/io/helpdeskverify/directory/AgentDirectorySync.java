package io.helpdeskverify.directory;

import java.time.Instant;
import java.util.Optional;

/**
 * A customer's directory agent as one of its sources: connected once it has pushed, reported by its
 * last pass (all the batches of one pass together) and its last complete snapshot. The bot cannot
 * start it, because the agent pushes on its own schedule from inside the customer's network: a sync
 * request answers with its last push instead.
 */
public class AgentDirectorySync implements DirectorySync {

    private final DirectoryService directory;
    private final AgentState state;

    public AgentDirectorySync(DirectoryService directory, AgentState state) {
        this.directory = directory;
        this.state = state;
    }

    @Override
    public String name() {
        return "Directory agent";
    }

    @Override
    public boolean connected(String customerSlug) {
        return state.status(slug(customerSlug)).isPresent();
    }

    @Override
    public SyncStart start(String customerSlug, String requestedBy) {
        var status = state.status(slug(customerSlug));
        if (status.isEmpty()) {
            return new SyncStart.Refused("No directory agent has pushed to customer '" + slug(customerSlug)
                    + "' yet: see docs/directory.md, \"The directory agent\".");
        }
        return new SyncStart.Pushed(status.map(AgentState.Status::lastPass), "The directory agent pushes on its "
                + "own schedule (AGENT_INTERVAL on the agent); its last push is reported.");
    }

    @Override
    public Optional<SyncReport> last(String customerSlug) {
        return state.status(slug(customerSlug)).map(AgentState.Status::lastPass);
    }

    @Override
    public Optional<Instant> lastFullPass(String customerSlug) {
        return state.status(slug(customerSlug)).flatMap(AgentState.Status::lastSnapshotAt);
    }

    private String slug(String customerSlug) {
        return directory.customer(customerSlug).slug();
    }
}
