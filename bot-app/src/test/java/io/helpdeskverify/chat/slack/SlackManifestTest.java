package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.helpdeskverify.testsupport.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Both manifests against Slack's published manifest schema, offline: the router schema's two
 * remote {@code $ref}s are served from the local copies (identical at that tag).
 */
class SlackManifestTest {

    private static final String REMOTE = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path dir = schemaDir();
        var remote = Map.of(
                REMOTE + "manifest.schema.1.0.0.json", Files.readString(dir.resolve("schemas/manifest.schema.1.0.0.json")),
                REMOTE + "manifest.schema.2.0.0.json", Files.readString(dir.resolve("schemas/manifest.schema.2.0.0.json")));
        var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemas(remote));
        schema = registry.getSchema(Files.readString(dir.resolve("manifest.schema.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifest.yml", "manifest-socket-mode.yml"})
    void theManifestIsValid(String file) throws IOException {
        JsonNode manifest = manifest(file);
        assertThat(schema.validate(manifest)).isEmpty();
        assertThat(manifest.at("/features/slash_commands/0/command").asText()).isEqualTo("/verify");
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        // Least privilege: the command and posting, nothing that reads messages or users.
        assertThat(JSON.convertValue(manifest.at("/oauth_config/scopes/bot"), List.class))
                .containsExactlyInAnyOrder("commands", "chat:write", "users:read", "usergroups:read");
    }

    @Test
    void httpModePointsSlackAtTheEventsEndpointAndSocketModeNeedsNoUrl() throws IOException {
        var http = manifest("manifest.yml");
        assertThat(http.at("/settings/socket_mode_enabled").asBoolean()).isFalse();
        assertThat(http.at("/features/slash_commands/0/url").asText()).endsWith("/slack/events");
        assertThat(http.at("/settings/interactivity/request_url").asText()).endsWith("/slack/events");
        var socket = manifest("manifest-socket-mode.yml");
        assertThat(socket.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
        assertThat(socket.at("/features/slash_commands/0/url").isMissingNode()).isTrue();
    }

    @Test
    void theSchemaRejectsABrokenManifest() throws IOException {
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) manifest("manifest.yml");
        broken.remove("display_information");
        assertThat(schema.validate(broken)).isNotEmpty();
        var invalidUpstream = JSON.readTree(Files.readString(schemaDir().resolve("tests/v1/manifest.invalid.json")));
        assertThat(schema.validate(invalidUpstream)).isNotEmpty();
    }

    private static JsonNode manifest(String file) throws IOException {
        Object yaml = new Yaml().load(Files.readString(repositoryRoot().resolve("manifests/slack").resolve(file)));
        return JSON.valueToTree(yaml);
    }

    private static Path schemaDir() {
        return SharedFiles.schema("slack/manifest-schema");
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("manifests/slack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no manifests/slack above " + Path.of("").toAbsolutePath());
    }
}
