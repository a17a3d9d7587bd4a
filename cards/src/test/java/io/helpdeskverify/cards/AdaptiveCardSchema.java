package io.helpdeskverify.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The official Adaptive Card 1.5 schema from the shared folder, loaded once per test class.
 *
 * <p>The schema declares draft-06 but still names itself with draft-04's {@code id}; networknt
 * 2.0.8's draft-06 dialect knows {@code id} only as a keyword without a validator and refuses the
 * schema, so the dialect is extended to treat {@code id} as a plain annotation. All {@code $ref}s
 * are local ({@code #/definitions/...}), so no base URI is needed and nothing is fetched.
 */
final class AdaptiveCardSchema {

    static final String RELATIVE_PATH = "schemas/adaptivecards/adaptive-card-1.5.0.json";

    private final Schema schema;

    private AdaptiveCardSchema(Schema schema) {
        this.schema = schema;
    }

    static AdaptiveCardSchema load() {
        Path file = SharedDir.find().resolve(RELATIVE_PATH);
        Dialect draft6 = Dialect.builder(Dialects.getDraft6()).keyword(new NonValidationKeyword("id")).build();
        try {
            JsonNode schemaNode = new ObjectMapper().readTree(Files.readString(file));
            return new AdaptiveCardSchema(SchemaRegistry.withDialect(draft6).getSchema(schemaNode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Error> validate(JsonNode card) {
        return schema.validate(card);
    }
}
