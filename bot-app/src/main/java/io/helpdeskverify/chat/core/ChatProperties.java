package io.helpdeskverify.chat.core;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the chat flow shared by Slack and Teams (docs/chat.md).
 *
 * @param countdownTick how often a pending card's "time left" is refreshed, budget permitting
 * @param tickShare the share of each update budget window countdown ticks may use; the rest is kept for state changes
 * @param auditRootWait how long a message waits for another instance to post the day's audit root
 * @param updateRetries how often a failed (non-429) state update of a card is retried
 * @param handOver on shutdown, how long the instance keeps sending the card state changes it holds
 *        before it goes (what is left, any instance's countdown tick or outcome sweep repaints)
 */
@ConfigurationProperties("helpdesk.chat")
public record ChatProperties(
        @DefaultValue("15s") Duration countdownTick,
        @DefaultValue("0.5") double tickShare,
        @DefaultValue("10s") Duration auditRootWait,
        @DefaultValue("5") int updateRetries,
        @DefaultValue("10s") Duration handOver) {}
