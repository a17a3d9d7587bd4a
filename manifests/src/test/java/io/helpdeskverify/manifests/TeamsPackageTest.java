package io.helpdeskverify.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.helpdeskverify.testsupport.SharedFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Teams app package as {@code ./mvnw package} builds it: the filtered manifest against the
 * official v1.25 schema, the icons Teams requires, and the zip that gets sideloaded.
 *
 * <p>The schema declares draft-04 but uses draft-06's {@code const} for {@code manifestVersion}; it
 * is read as draft-07 so that a wrong version does not pass. One pattern (Excel add-in file names,
 * not used by us) writes backspace as ECMA-262's {@code [\b]}, which Java's regex rejects; it is read
 * as the same character, {@code \x08}.
 */
class TeamsPackageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PACKAGE = Path.of("target/teams-package");
    private static Schema schema;
    private static JsonNode manifest;

    @BeforeAll
    static void load() throws IOException {
        String text = Files.readString(SharedFiles.schema("teams/v1.25/MicrosoftTeams.schema.json"))
                .replace("\\\\f\\\\b\\\\v", "\\\\f\\\\x08\\\\v");
        ObjectNode schemaNode = (ObjectNode) JSON.readTree(text);
        schemaNode.remove("$schema");
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaNode);
        manifest = JSON.readTree(Files.readString(PACKAGE.resolve("manifest.json")));
    }

    @Test
    void theManifestIsValidAndFullyFilledIn() {
        assertThat(schema.validate(manifest)).isEmpty();
        assertThat(manifest.toString()).doesNotContain("${");
        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.25");
    }

    @Test
    void theValidatorWouldCatchABrokenManifest() {
        ObjectNode broken = manifest.deepCopy();
        broken.put("manifestVersion", "1.24");
        ObjectNode noId = manifest.deepCopy();
        noId.put("id", "not-a-guid");

        assertThat(schema.validate(broken)).isNotEmpty();
        assertThat(schema.validate(noId)).isNotEmpty();
    }

    @Test
    void theBotTheCommandsAndTheMessageExtensionAreDeclared() {
        JsonNode bot = manifest.at("/bots/0");
        assertThat(bot.path("botId").asText()).matches("[0-9a-f-]{36}");
        List<String> scopes = texts(bot.path("scopes"));
        assertThat(scopes).containsExactlyInAnyOrder("personal", "team", "groupChat");
        assertThat(texts(bot.at("/commandLists/0/commands"), "title")).containsExactly("verify", "verify me to", "verify ticket", "events", "verify enrol", "help");

        JsonNode extension = manifest.at("/composeExtensions/0");
        assertThat(extension.path("botId").asText()).isEqualTo(bot.path("botId").asText());
        assertThat(extension.at("/commands/0/id").asText()).isEqualTo("verify");
        assertThat(extension.at("/commands/0/type").asText()).isEqualTo("action");
        assertThat(extension.at("/commands/0/fetchTask").asBoolean()).isTrue();
        assertThat(texts(manifest.path("validDomains"))).hasSize(1).allMatch(d -> !d.isBlank() && !d.contains("/"));
    }

    @Test
    void theIconsAreWhatTeamsAsksFor() throws IOException {
        BufferedImage color = ImageIO.read(PACKAGE.resolve("color.png").toFile());
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);

        BufferedImage outline = ImageIO.read(PACKAGE.resolve("outline.png").toFile());
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        int transparent = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha == 0) {
                    transparent++;
                } else {
                    assertThat(argb & 0xFFFFFF).as("pixel %d,%d is white", x, y).isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(transparent).as("a transparent background").isGreaterThan(32 * 32 / 2);
    }

    @Test
    void thePackageHoldsExactlyTheManifestAndTheIcons() throws IOException {
        // Without -Dteams.bot-id the build writes a sample package whose name says not to upload it.
        boolean sample = manifest.at("/bots/0/botId").asText().equals("00000000-0000-0000-0000-000000000000");
        var file = new java.io.File(sample ? "target/helpdesk-verify-teams-SAMPLE-not-for-upload.zip"
                : "target/helpdesk-verify-teams.zip");
        assertThat(new java.io.File(sample ? "target/helpdesk-verify-teams.zip"
                : "target/helpdesk-verify-teams-SAMPLE-not-for-upload.zip")).as("only one package per build").doesNotExist();
        try (var zip = new ZipFile(file)) {
            var names = new ArrayList<String>();
            zip.stream().forEach(e -> names.add(e.getName()));
            assertThat(names).containsExactlyInAnyOrder("manifest.json", "color.png", "outline.png");
            JsonNode zipped = JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            assertThat(zipped).isEqualTo(manifest);
        }
    }

    private static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
