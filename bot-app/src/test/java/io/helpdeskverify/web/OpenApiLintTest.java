package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.support.Redocly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The served OpenAPI document passes Redocly's recommended rules with no error: what an outside
 * reviewer checks with the same tool. The document is written to {@code target/openapi/} for a look.
 */
@HelpdeskTest
class OpenApiLintTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("target/openapi");

    @LocalServerPort
    int port;

    /** Both forms springdoc serves, as a reviewer may fetch either. */
    @ParameterizedTest
    @ValueSource(strings = {"/v3/api-docs", "/v3/api-docs.yaml"})
    void theServedDocumentPassesRedoclysRecommendedRules(String path) throws IOException {
        var redocly = Redocly.fetchedByTheBuild();
        var report = redocly.lint(served(path, path.endsWith(".yaml") ? "api-docs.yaml" : "api-docs.json"));

        System.out.println("redocly lint (recommended) of " + path + ": " + report.errors() + " error(s), "
                + report.warnings() + " warning(s)");
        report.problems().forEach(p -> System.out.println("  " + p));
        assertThat(report.ofSeverity("error")).isEmpty();
    }

    @Test
    void theLintCatchesAnOperationWithoutSummary() throws IOException {
        var redocly = Redocly.fetchedByTheBuild();
        var document = (ObjectNode) JSON.readTree(served("/v3/api-docs", "api-docs.json").toFile());
        ((ObjectNode) document.path("paths").path("/api/v1/tokens").path("post")).remove("summary");
        Path broken = DIR.resolve("api-docs-without-a-summary.json");
        JSON.writeValue(broken.toFile(), document);

        var report = redocly.lint(broken);

        assertThat(report.ofSeverity("error")).extracting(Redocly.Problem::rule, Redocly.Problem::pointer)
                .contains(tuple("operation-summary",
                        "#/paths/~1api~1v1~1tokens/post/summary"));
    }

    private Path served(String path, String name) throws IOException {
        var r = new Api(port).get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Files.createDirectories(DIR);
        Path file = DIR.resolve(name);
        Files.writeString(file, r.body());
        return file;
    }
}
