package io.helpdeskverify.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The routes Slack, Teams and Twilio call. Their adapters (chat.slack, chat.teams, delivery.sms)
 * know nothing of the document, so it is described here, by path: the body is the platform's own
 * format (its reference is linked), the credential is the platform's signature or JWT, checked by
 * the adapter, so the operation has {@code security: []}, not a bearer.
 */
final class OpenApiWebhooks implements OpenApiCustomizer {

    static final Tag TAG = new Tag().name("Webhooks").description("Called by Slack, Microsoft Teams and Twilio, "
            + "never by a client of this API: each authenticates by the platform's own signature or token instead "
            + "of a bearer.");

    private record Webhook(String path, String operationId, String summary, String description, List<String> bodyTypes,
                           Map<String, String> responses) {}

    private static final List<Webhook> WEBHOOKS = List.of(
            new Webhook("/slack/events", "slackEvents", "Receive Slack events, slash commands and interactivity",
                    "Slack's request signature (`X-Slack-Signature`, `X-Slack-Request-Timestamp`, signing secret) "
                            + "authenticates it. See https://api.slack.com/authentication/verifying-requests-from-slack.",
                    List.of("application/x-www-form-urlencoded", "application/json"),
                    Map.of("200", "Acknowledged; the body, if any, is Slack's answer (e.g. an ephemeral message).",
                            "401", "The request is not signed by Slack, or too old.",
                            "413", "The body is larger than any Slack request.",
                            "503", "Slack is not configured on this server, or the data store is unavailable.")),
            new Webhook("/api/messages", "teamsActivities", "Receive Microsoft Teams activities",
                    "A Bot Framework activity, authenticated by the Bot Framework JWT in `Authorization`. See "
                            + "https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference.",
                    List.of("application/json"),
                    Map.of("200", "An invoke's answer (a card action, a message extension).",
                            "202", "Accepted; replies go through the Bot Connector.",
                            "400", "Not a Bot Framework activity.",
                            "401", "The Bot Framework token is missing or invalid.",
                            "403", "The activity comes from a tenant this installation does not serve.",
                            "503", "Teams is not configured on this server, or the data store is unavailable.")),
            new Webhook("/webhooks/twilio/status", "twilioStatusCallback", "Receive Twilio SMS status callbacks",
                    "Twilio's `X-Twilio-Signature` over the callback URL and form fields authenticates it. See "
                            + "https://www.twilio.com/docs/usage/webhooks/webhooks-security.",
                    List.of("application/x-www-form-urlencoded"),
                    Map.of("204", "The delivery status is recorded on the verification.",
                            "400", "MessageSid and MessageStatus are required.",
                            "403", "The signature does not match, or callbacks are not configured.")));

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        for (Webhook hook : WEBHOOKS) {
            PathItem item = openApi.getPaths().get(hook.path());
            if (item != null && item.getPost() != null) {
                describe(item.getPost(), hook);
            }
        }
    }

    private static void describe(Operation op, Webhook hook) {
        op.operationId(hook.operationId()).summary(hook.summary()).description(hook.description())
                .tags(List.of(TAG.getName())).security(new ArrayList<>()).parameters(null);
        var content = new Content();
        hook.bodyTypes().forEach(type -> content.addMediaType(type, new MediaType().schema(new Schema<>()
                .types(Set.of("object")).description("The platform's own format (see the operation's description)."))));
        op.requestBody(new RequestBody().required(true).content(content));
        var responses = new ApiResponses();
        hook.responses().forEach((code, description) -> {
            var response = new ApiResponse().description(description);
            if (code.equals("200") && !hook.path().equals("/webhooks/twilio/status")) {
                response.content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().types(Set.of("object")))));
            } else if (code.equals("401") && hook.path().equals("/api/messages")) {
                // The Bot Framework adapter's refusal has no body.
                response.content(new Content());
            }
            responses.addApiResponse(code, response);
        });
        op.responses(responses);
    }
}
