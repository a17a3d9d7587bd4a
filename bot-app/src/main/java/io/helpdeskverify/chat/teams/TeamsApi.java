package io.helpdeskverify.chat.teams;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SDK's Bot Connector client, one per service URL, signed with the app's credentials (from
 * the app's own tenant for a single-tenant bot). Service URLs only ever come from activities whose
 * token named them, so the bot never calls an address a caller made up.
 */
class TeamsApi {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final TeamsProperties props;
    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
    /* The bot's own account as Teams names it ("28:<app id>"), learned from incoming activities. */
    private final AtomicReference<String> botAccount = new AtomicReference<>("");

    TeamsApi(TeamsProperties props) {
        this.props = props;
    }

    void learnBotAccount(Activity a) {
        if (a.getRecipient() != null && a.getRecipient().getId() != null && !a.getRecipient().getId().isBlank()) {
            botAccount.set(a.getRecipient().getId());
        }
    }

    ResourceResponse send(String serviceUrl, String conversationId, Activity activity) {
        return call(client(serviceUrl).getConversations().sendToConversation(conversationId, activity));
    }

    ResourceResponse reply(String serviceUrl, String conversationId, String replyToId, Activity activity) {
        return call(client(serviceUrl).getConversations().replyToActivity(conversationId, replyToId, activity));
    }

    ResourceResponse update(String serviceUrl, String conversationId, String activityId, Activity activity) {
        activity.setId(activityId);
        return call(client(serviceUrl).getConversations().updateActivity(conversationId, activityId, activity));
    }

    /** A new post (thread root) in a channel: {@code POST /v3/conversations} with the channel in channelData. */
    ConversationResourceResponse newChannelPost(String serviceUrl, String tenantId, String channelId, Activity activity) {
        var params = new ConversationParameters();
        params.setIsGroup(true);
        params.setActivity(activity);
        var channelData = new TeamsChannelData();
        channelData.setChannel(new ChannelInfo(channelId));
        channelData.setTenant(new TenantInfo(tenantId));
        params.setChannelData(channelData);
        if (!tenantId.isBlank()) {
            params.setTenantId(tenantId);
        }
        botId().ifPresent(id -> params.setBot(new ChannelAccount(id)));
        return call(client(serviceUrl).getConversations().createConversation(params));
    }

    /** The one-to-one chat between the bot and this user (Teams returns the existing one). */
    String personalChat(String serviceUrl, String tenantId, String userId) {
        var params = new ConversationParameters();
        params.setIsGroup(false);
        params.setMembers(List.of(new ChannelAccount(userId)));
        var channelData = new TeamsChannelData();
        channelData.setTenant(new TenantInfo(tenantId));
        params.setChannelData(channelData);
        if (!tenantId.isBlank()) {
            params.setTenantId(tenantId);
        }
        botId().ifPresent(id -> params.setBot(new ChannelAccount(id)));
        return call(client(serviceUrl).getConversations().createConversation(params)).getId();
    }

    private Optional<String> botId() {
        String learned = botAccount.get();
        if (!learned.isBlank()) {
            return Optional.of(learned);
        }
        return props.anonymous() ? Optional.empty() : Optional.of("28:" + props.appId());
    }

    private ConnectorClient client(String serviceUrl) {
        return clients.computeIfAbsent(serviceUrl, url -> new RestConnectorClient(url, props.anonymous()
                ? MicrosoftAppCredentials.empty()
                : new MicrosoftAppCredentials(props.appId(), props.appPassword(),
                        props.singleTenant() ? props.appTenantId() : null)));
    }

    private static <T> T call(CompletableFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TeamsCallException(0, Optional.empty(), "interrupted", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TeamsCallException(0, Optional.empty(), "no answer within " + CALL_TIMEOUT, e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private static TeamsCallException failure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RestException rest && rest.response() != null) {
                var response = rest.response();
                return new TeamsCallException(response.code(), retryAfter(response.headers().get("Retry-After")),
                        "HTTP " + response.code() + " from the Bot Connector", rest);
            }
        }
        return new TeamsCallException(0, Optional.empty(), String.valueOf(error), error);
    }

    private static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(header.strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
