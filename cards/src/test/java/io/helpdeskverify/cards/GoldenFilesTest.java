package io.helpdeskverify.cards;

import static io.helpdeskverify.cards.CardViews.DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.cards.CardViews.Method;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A few complete messages kept as files, so a reviewer sees exactly what Slack and Teams receive
 * and any change to the output shows up in the diff. After an intended change, regenerate with
 * {@code mvn -pl cards test -Dtest=GoldenFilesTest -Dhelpdesk.update-golden=true} and review.
 */
class GoldenFilesTest {

    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> goldenMessages() {
        BlockKitRenderer slack = new BlockKitRenderer();
        AdaptiveCardRenderer teams = new AdaptiveCardRenderer();
        VerificationCardView waiting = CardViews.card(CardPhase.WAITING_FOR_TECHNICIAN, Method.PUSH_FALLBACK_SMS)
                .warnings(List.of("Mobile number changed 2 days ago")).build();
        VerificationCardView verified = CardViews.card(CardPhase.VERIFIED, Method.PUSH_FALLBACK_SMS).build();
        return Stream.of(
                Arguments.of("slack-card-waiting-for-technician.json", slack.channelCard(waiting, DEADLINE.minusSeconds(45))),
                Arguments.of("slack-card-verified.json", slack.channelCard(verified, DEADLINE)),
                Arguments.of("slack-code-read-back.json", slack.codeMessage(waiting, "482913", CodeInstruction.READ_BACK)),
                Arguments.of("teams-observer-waiting-for-technician.json", teams.observerCard(waiting)),
                Arguments.of("teams-technician-waiting-for-technician.json",
                        teams.technicianCard(waiting, Optional.of("482913"), CodeInstruction.READ_BACK)),
                Arguments.of("teams-observer-verified.json", teams.observerCard(verified)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenMessages")
    void matchesTheGoldenFile(String file, JsonNode actual) throws IOException {
        Path path = DIR.resolve(file);
        String pretty = actual.toPrettyString() + "\n";
        if (Boolean.getBoolean("helpdesk.update-golden")) {
            Files.createDirectories(DIR);
            Files.writeString(path, pretty);
        }
        assertThat(path).as("golden file (regenerate with -Dhelpdesk.update-golden=true)").exists();
        assertThat(JSON.readTree(Files.readString(path))).as(file + ", actual:\n" + pretty).isEqualTo(actual);
    }
}
