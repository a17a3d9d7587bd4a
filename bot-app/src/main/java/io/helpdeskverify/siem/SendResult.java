package io.helpdeskverify.siem;

/** One attempt at one event: accepted by the receiver (HTTP 2xx, or written to the syslog stream), or not, and why. */
sealed interface SendResult {

    record Delivered() implements SendResult {}

    /** @param why a status or exception class, never a body */
    record Failed(String why) implements SendResult {}
}
