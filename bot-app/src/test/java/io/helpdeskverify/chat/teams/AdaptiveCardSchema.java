package io.helpdeskverify.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The official Adaptive Card 1.5 schema. Like the cards module's helper: networknt 2.0.8's
 * draft-06 dialect refuses this schema's draft-04 {@code id}, so {@code id} is declared a plain
 * annotation.
 */
final class AdaptiveCardSchema {

    private static final Schema SCHEMA = load();

    private AdaptiveCardSchema() {}

    static void assertValid(JsonNode card) {
        assertThat(card.path("type").asText()).as("an AdaptiveCard: " + card).isEqualTo("AdaptiveCard");
        assertThat(SCHEMA.validate(card)).as("Adaptive Card 1.5 schema errors in " + card).isEmpty();
    }

    private static Schema load() {
        Dialect draft6 = Dialect.builder(Dialects.getDraft6()).keyword(new NonValidationKeyword("id")).build();
        try {
            JsonNode node = new ObjectMapper().readTree(Files.readString(
                    SharedFiles.dir().resolve("schemas/adaptivecards/adaptive-card-1.5.0.json")));
            return SchemaRegistry.withDialect(draft6).getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
