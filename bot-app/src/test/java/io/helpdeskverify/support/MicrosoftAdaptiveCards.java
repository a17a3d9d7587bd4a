package io.helpdeskverify.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Microsoft's {@code adaptivecards} library (the npm package the build fetched, pinned by checksum,
 * on the Node.js beside it): Teams clients parse and validate with it, and it refuses things the
 * JSON schema lets through (a choice with an empty value, duplicate ids). Every card we emit must
 * pass both. Where the build found no Node.js for this machine the calling test is skipped.
 */
public final class MicrosoftAdaptiveCards {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path node;
    private final Path library;
    private final Path script;

    private MicrosoftAdaptiveCards(Path node, Path library, Path script) {
        this.node = node;
        this.library = library;
        this.script = script;
    }

    public static MicrosoftAdaptiveCards fetchedByTheBuild() {
        Path node = Path.of(System.getProperty("helpdesk.node", "target/node/package/bin/node"));
        Path library = Path.of(System.getProperty("helpdesk.adaptivecards-js",
                "target/adaptivecards-js/package/dist/adaptivecards.js"));
        assumeTrue(Files.isRegularFile(library), "adaptivecards validation skipped: " + library + " is missing "
                + "(run through Maven, which fetches it in generate-resources)");
        assumeTrue(Files.isRegularFile(node), "adaptivecards validation skipped: no Node.js at " + node);
        if (!Files.isExecutable(node) && !node.toFile().setExecutable(true)) {
            throw new IllegalStateException(node + " is not executable");
        }
        try {
            Path script = Path.of(MicrosoftAdaptiveCards.class.getResource("/adaptivecards/validate.js").toURI());
            return new MicrosoftAdaptiveCards(node, library, script);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For each card, in order, what the library reported (empty when it is content). */
    public List<List<String>> problems(List<JsonNode> cards) {
        if (cards.isEmpty()) {
            return List.of();
        }
        try {
            Path in = Files.createTempFile("cards-", ".json");
            Path out = Files.createTempFile("cards-", ".out.json");
            try {
                JSON.writeValue(in.toFile(), cards);
                var running = new ProcessBuilder(List.of(node.toString(), script.toString(), library.toAbsolutePath().toString()))
                        .redirectInput(in.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                if (!running.waitFor(60, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                    throw new AssertionError("the adaptivecards check did not finish in 60 s");
                }
                assertThat(running.exitValue()).as("node exit code of the adaptivecards check").isZero();
                var answers = new ArrayList<List<String>>();
                for (JsonNode card : JSON.readTree(out.toFile())) {
                    var problems = new ArrayList<String>();
                    card.forEach(p -> problems.add(p.asText()));
                    answers.add(problems);
                }
                return answers;
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public void assertValid(List<JsonNode> cards) {
        var answers = problems(cards);
        for (int i = 0; i < cards.size(); i++) {
            assertThat(answers.get(i)).as("Microsoft's adaptivecards library on " + cards.get(i)).isEmpty();
        }
    }
}
