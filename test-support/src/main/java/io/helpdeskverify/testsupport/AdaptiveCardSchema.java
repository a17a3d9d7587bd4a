package io.helpdeskverify.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;

/**
 * The official Adaptive Card 1.5 schema from {@code shared/schemas}, for the renderer's tests
 * (cards) and the cards the bot really sends to the fake Bot Connector (bot-app).
 *
 * <p>The schema declares draft-06 but still names itself with draft-04's {@code id}; networknt
 * 2.0.8's draft-06 dialect knows {@code id} only as a keyword without a validator and refuses the
 * schema, so the dialect is extended to treat {@code id} as a plain annotation. All {@code $ref}s
 * are local ({@code #/definitions/...}), so no base URI is needed and nothing is fetched.
 */
public final class AdaptiveCardSchema {

    public static final String RELATIVE_PATH = "adaptivecards/adaptive-card-1.5.0.json";

    // Immutable once built and costly to build: one per test JVM.
    private static final class Loaded {
        static final Schema SCHEMA = load();
    }

    private AdaptiveCardSchema() {}

    public static List<Error> validate(JsonNode card) {
        return Loaded.SCHEMA.validate(card);
    }

    public static void assertValid(JsonNode card) {
        assertThat(card.path("type").asText()).as("an AdaptiveCard: " + card).isEqualTo("AdaptiveCard");
        assertThat(validate(card)).as("Adaptive Card 1.5 schema errors in " + card).isEmpty();
    }

    private static Schema load() {
        Dialect draft6 = Dialect.builder(Dialects.getDraft6()).keyword(new NonValidationKeyword("id")).build();
        return SchemaRegistry.withDialect(draft6).getSchema(SharedFiles.json(SharedFiles.schema(RELATIVE_PATH)));
    }
}
