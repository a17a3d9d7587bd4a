package io.helpdeskverify.directory;

/**
 * One holder's claim on one customer's directory sync, across instances. A holder that dies stops
 * extending it, and it runs out.
 */
public interface SyncLease {

    /** False once the lease ran out or was taken: the holder must stop writing. */
    boolean extend();

    boolean held();

    void release();
}
