package io.helpdeskverify.chat.slack;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The three Web API methods on every card's path, made the way the SDK's {@code MethodsClient}
 * makes them (its request types, {@code RequestFormBuilder}, {@code SlackHttpClient}, response
 * types and {@code SlackApiException}), except that one Gson of the SDK's own configuration parses
 * every answer. slack-api-client 1.47.0 builds a new Gson per response, which rebuilds the
 * reflective adapters of the response classes on every call: over half the bot's CPU under load
 * (docs/performance.md). Gson instances are thread-safe and cache those adapters.
 */
final class SlackApi {

    private final SlackHttpClient http;
    private final SlackConfig config;
    private final Gson gson;
    private final String urlPrefix;
    private final String token;

    SlackApi(Slack slack, String token) {
        this.http = slack.getHttpClient();
        this.config = slack.getConfig();
        this.gson = GsonFactory.createSnakeCase(config);
        this.urlPrefix = config.getMethodsEndpointUrlPrefix();
        this.token = token;
    }

    ChatPostMessageResponse chatPostMessage(ChatPostMessageRequest request) throws IOException, SlackApiException {
        return post("chat.postMessage", RequestFormBuilder.toForm(request), ChatPostMessageResponse.class);
    }

    ChatUpdateResponse chatUpdate(ChatUpdateRequest request) throws IOException, SlackApiException {
        return post("chat.update", RequestFormBuilder.toForm(request), ChatUpdateResponse.class);
    }

    ChatPostEphemeralResponse chatPostEphemeral(ChatPostEphemeralRequest request) throws IOException, SlackApiException {
        return post("chat.postEphemeral", RequestFormBuilder.toForm(request), ChatPostEphemeralResponse.class);
    }

    private <T extends SlackApiTextResponse> T post(String method, FormBody.Builder form, Class<T> type)
            throws IOException, SlackApiException {
        try (Response response = http.postFormWithBearerHeader(urlPrefix + method, token, form.build())) {
            ResponseBody responseBody = response.body();
            String body = responseBody == null ? "" : responseBody.string();
            if (!response.isSuccessful()) {
                throw new SlackApiException(config, response, body);
            }
            http.runHttpResponseListeners(response, body);
            T parsed = gson.fromJson(body, type);
            if (parsed == null) {
                throw new IOException(method + " answered an empty body");
            }
            return parsed;
        } catch (JsonParseException e) {
            throw new IOException(method + " answered something that is not its JSON: " + e.getMessage(), e);
        }
    }
}
