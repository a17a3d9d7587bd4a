package io.helpdeskverify.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.testsupport.AdaptiveCardSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library check can fail, and the renderer's golden Teams cards pass it. */
class MicrosoftAdaptiveCardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MicrosoftAdaptiveCards library = MicrosoftAdaptiveCards.fetchedByTheBuild();

    @Test
    void aChoiceWithAnEmptyValuePassesTheSchemaButNotMicrosoftsLibrary() throws IOException {
        JsonNode card = JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.ChoiceSet","id":"method",
                 "choices":[{"title":"Let me choose","value":""},{"title":"SMS","value":"sms"}]}]}""");
        JsonNode duplicateIds = JSON.readTree("""
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","id":"a","text":"x"},
                 {"type":"TextBlock","id":"a","text":"y"}]}""");

        var problems = library.problems(List.of(card, duplicateIds));

        assertThat(AdaptiveCardSchema.validate(card)).isEmpty();
        assertThat(problems.get(0)).singleElement().asString().contains("title and value");
        assertThat(problems.get(1)).singleElement().asString().containsIgnoringCase("duplicate id");
    }

    @Test
    void everyGoldenTeamsCardOfTheRendererPasses() throws IOException {
        var cards = new ArrayList<JsonNode>();
        try (var files = Files.list(Path.of("../cards/src/test/resources/golden"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("teams-")).sorted().toList()) {
                cards.add(JSON.readTree(f.toFile()));
            }
        }
        assertThat(cards).hasSizeGreaterThanOrEqualTo(3);
        library.assertValid(cards);
    }
}
