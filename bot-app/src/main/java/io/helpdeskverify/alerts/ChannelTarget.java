package io.helpdeskverify.alerts;

import java.util.Objects;

/**
 * A resolved alert channel: where in Slack or Teams to post.
 *
 * @param platform {@code slack} or {@code teams}
 * @param workspace the Slack team id or Teams tenant id (may be empty)
 * @param conversationId the Slack channel id or Teams conversation id
 * @param serviceUrl the Bot Framework service URL (Teams); empty for Slack
 */
public record ChannelTarget(String platform, String workspace, String conversationId, String serviceUrl) {

    public ChannelTarget {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(serviceUrl, "serviceUrl");
    }
}
