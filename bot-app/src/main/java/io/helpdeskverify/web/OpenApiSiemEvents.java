package io.helpdeskverify.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a SIEM receiver gets from {@code POST /api/v1/webhooks} destinations, as an OpenAPI 3.1
 * top-level webhook: the event body, the signature and the idempotency key (docs/siem.md). The
 * sender lives in {@code siem}, which knows nothing of the document, so it is described here.
 */
final class OpenApiSiemEvents {

    private static final List<String> FIELDS = List.of("customer", "verificationId", "user", "technician",
            "technicianId", "platform", "channel", "method", "outcome", "reason");

    private OpenApiSiemEvents() {}

    static void add(OpenAPI openApi) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("id", string("The event id, also the Idempotency-Key: deduplicate on it."));
        properties.put("type", string("The event type (the export's names, e.g. VERIFIED, ALERT)."));
        properties.put("at", string("When it happened.").format("date-time"));
        FIELDS.forEach(f -> properties.put(f, string("As in the event export; empty when it does not apply.")));
        var body = new Schema<>().types(Set.of("object")).properties(properties)
                .required(new ArrayList<>(properties.keySet()));
        var op = new Operation().operationId("siemEvent").summary("One stored event, sent to a SIEM webhook destination")
                .description("Sent in log order, at least once, retried with back-off for 24 h; answer 2xx once "
                        + "stored. Check `X-Helpdesk-Signature` as docs/siem.md shows.")
                .tags(List.of("SIEM")).security(new ArrayList<>())
                .addParametersItem(new HeaderParameter().name("X-Helpdesk-Signature").required(true)
                        .description("`t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + raw body)>`; refuse "
                                + "a `t` more than five minutes away.").schema(string("The signature.")))
                .addParametersItem(new HeaderParameter().name("Idempotency-Key").required(true)
                        .description("The event id, the same on every attempt.").schema(string("The event id.")))
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                        new MediaType().schema(body))))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse()
                        .description("Stored by the receiver (any 2xx); anything else is retried.")));
        openApi.addWebhooks("siemEvent", new PathItem().post(op));
    }

    private static Schema<Object> string(String description) {
        return new Schema<>().types(Set.of("string")).description(description);
    }
}
