package io.helpdeskverify.shared.store;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Refused without asking Redis: the last call timed out or found no connection, and the circuit
 * is open. A {@link DataAccessResourceFailureException}, so every path that answers a store outage
 * with 503 (or a chat "try again") treats it as one.
 */
public final class StoreCircuitOpenException extends DataAccessResourceFailureException {

    public StoreCircuitOpenException() {
        super("The data store was unreachable a moment ago; not waiting for it again until the next probe");
    }
}
