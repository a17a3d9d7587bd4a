package io.helpdeskverify.siem;

import java.time.Duration;

/**
 * Tells the MSP's admins that a SIEM destination has been failing for a while, so a dead receiver is
 * never only a line in the health details. Implemented where admins can be reached (the chat); the
 * drainer calls it at most once per destination per {@code helpdesk.siem.notice-every}, on one instance.
 */
public interface DeadDestinationNotices {

    void destinationDead(WebhookDestination destination, Duration failingFor, String lastError);
}
