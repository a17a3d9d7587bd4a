package io.helpdeskverify.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redocly's own linter, {@code @redocly/cli} from the npm registry, on the Node.js the build
 * fetched beside it (bot-app/pom.xml, pinned by checksum): the same tool an outside reviewer runs
 * on the served document, so "lint passes" here means what it means there. Where the build found
 * no Node.js for this machine the calling test is skipped, and says why.
 */
public final class Redocly {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path node;
    private final Path cli;

    private Redocly(Path node, Path cli) {
        this.node = node;
        this.cli = cli;
    }

    /** The linter the build fetched; skips the calling test where it could not. */
    public static Redocly fetchedByTheBuild() {
        Path node = Path.of(System.getProperty("helpdesk.node", "target/node/package/bin/node"));
        Path cli = Path.of(System.getProperty("helpdesk.redocly-cli", "target/redocly-cli/package/bin/cli.js"));
        assumeTrue(Files.isRegularFile(cli), "OpenAPI lint skipped: " + cli + " is missing (run through Maven, "
                + "which fetches @redocly/cli in generate-test-resources)");
        assumeTrue(Files.isRegularFile(node), "OpenAPI lint skipped: no Node.js at " + node + " (bot-app/pom.xml "
                + "fetches it on Linux x64 and arm64 only)");
        if (!Files.isExecutable(node) && !node.toFile().setExecutable(true)) {
            throw new IllegalStateException(node + " is not executable");
        }
        return new Redocly(node, cli);
    }

    /** {@code redocly lint --extends=recommended} on {@code document}: the report Redocly prints as JSON. */
    public Report lint(Path document) {
        try {
            Path out = Files.createTempFile(document.getParent(), "redocly-", ".json");
            // The document's own folder holds no redocly.yaml: the rules are exactly "recommended".
            var process = new ProcessBuilder(List.of(node.toString(), cli.toAbsolutePath().toString(), "lint",
                    "--extends=recommended", "--format=json", document.toAbsolutePath().toString()))
                    .directory(document.getParent().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // No telemetry or update check from a build; nothing else leaves the machine.
            process.environment().put("REDOCLY_TELEMETRY", "off");
            process.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            var running = process.start();
            if (!running.waitFor(120, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                throw new AssertionError("redocly lint did not finish in 120 s");
            }
            JsonNode report = JSON.readTree(out.toFile());
            if (report == null || !report.has("totals")) {
                throw new AssertionError("redocly lint (exit " + running.exitValue() + ") printed no report: "
                        + Files.readString(out));
            }
            var problems = new ArrayList<Problem>();
            for (JsonNode p : report.path("problems")) {
                problems.add(new Problem(p.path("ruleId").asText(), p.path("severity").asText(),
                        p.path("message").asText(), p.path("location").path(0).path("pointer").asText()));
            }
            return new Report(report.path("totals").path("errors").asInt(), report.path("totals").path("warnings").asInt(),
                    problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Report(int errors, int warnings, List<Problem> problems) {
        public List<Problem> ofSeverity(String severity) {
            return problems.stream().filter(p -> p.severity().equals(severity)).toList();
        }
    }

    /** @param pointer where in the document, e.g. {@code #/paths/~1api~1v1~1tokens/post/summary} */
    public record Problem(String rule, String severity, String message, String pointer) {
        @Override
        public String toString() {
            return severity + " " + rule + " at " + pointer + ": " + message;
        }
    }
}
