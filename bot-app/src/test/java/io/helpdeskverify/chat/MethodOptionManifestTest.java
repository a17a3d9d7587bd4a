package io.helpdeskverify.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests name the method flags to technicians before the bot ever answers (Slack's usage
 * hint, Teams' command list); they must say what {@link MethodOption} accepts, no more, no less.
 */
class MethodOptionManifestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE = "[" + MethodOption.flags("|") + "]";

    @ParameterizedTest
    @ValueSource(strings = {"manifest.yml", "manifest-socket-mode.yml"})
    void theSlashCommandsUsageHintListsExactlyTheFlags(String file) throws IOException {
        Object yaml = new Yaml().load(Files.readString(repositoryRoot().resolve("manifests/slack").resolve(file)));
        JsonNode manifest = JSON.valueToTree(yaml);
        assertThat(manifest.at("/features/slash_commands/0/usage_hint").asText()).startsWith("user@customer " + USAGE);
    }

    @Test
    void theTeamsCommandListAndMessageExtensionAgree() throws IOException {
        JsonNode manifest = JSON.readTree(Files.readString(repositoryRoot().resolve("manifests/teams/manifest.json")));
        JsonNode verify = StreamSupport.stream(manifest.at("/bots/0/commandLists/0/commands").spliterator(), false)
                .filter(c -> c.path("title").asText().equals("verify")).findFirst().orElseThrow();
        assertThat(verify.path("description").asText()).isEqualTo("verify user@customer " + USAGE);

        JsonNode extension = manifest.at("/composeExtensions/0/commands/0");
        assertThat(extension.path("id").asText()).isEqualTo("verify");
        // The dialog comes from the bot (fetchTask), built from MethodOption; static parameters would
        // be a second list of methods to keep in step.
        assertThat(extension.path("fetchTask").asBoolean()).isTrue();
        var parameters = new ArrayList<String>();
        extension.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
        assertThat(parameters).isEmpty();
    }

    @Test
    void everyFlagParsesToItsMethod() {
        var parser = new ChatCommandParser();
        for (MethodOption o : MethodOption.all()) {
            assertThat(parser.parse("verify jdoe@acme " + o.flag()))
                    .isEqualTo(new ChatCommand.Verify(new ChatCommand.Target("jdoe", "acme"),
                            java.util.Optional.of(o.method())));
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("manifests/slack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no manifests/ above " + Path.of("").toAbsolutePath());
    }
}
