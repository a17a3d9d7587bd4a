package io.helpdeskverify.playground;

/**
 * What the Reset button needs from the bot: its stored state back to the demo's first minute. A
 * port, implemented in {@code system}, so the playground reaches the bot through its endpoints and
 * this one call, never through Redis or the demo data's internals.
 */
public interface DemoReset {

    /** Removes everything the bot stored (verifications, events, windows, outbox, directory) and seeds the demo customer again. */
    void reset();
}
