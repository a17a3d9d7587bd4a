package io.helpdeskverify.chat.core;

import io.helpdeskverify.verification.Platform;
import java.util.Objects;

/**
 * Where messages go: a Slack channel of a workspace, or a Teams conversation of a tenant.
 *
 * @param workspace Slack team id, Teams tenant id
 * @param serviceUrl the Bot Framework service URL (Teams); empty for Slack
 */
public record ConversationRef(Platform platform, String workspace, String conversationId, String serviceUrl) {

    public ConversationRef {
        Objects.requireNonNull(platform, "platform");
        workspace = workspace == null ? "" : workspace;
        if (conversationId == null || conversationId.isBlank()) {
            throw new IllegalArgumentException("conversationId is required");
        }
        serviceUrl = serviceUrl == null ? "" : serviceUrl;
    }

    public static ConversationRef slack(String teamId, String channelId) {
        return new ConversationRef(Platform.SLACK, teamId, channelId, "");
    }
}
