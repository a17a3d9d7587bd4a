package io.helpdeskverify.cards;

import static io.helpdeskverify.cards.CardViews.HOSTILE;
import static io.helpdeskverify.cards.CardViews.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helpdeskverify.cards.EventListView.EventRow;
import io.helpdeskverify.cards.PickerView.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No string that came from the directory or a user may reach Slack with a raw {@code <}, {@code >}
 * or a bare {@code &}: the only markup in our output is our own date tokens.
 */
class SlackEscapingTest {

    /* The one kind of angle-bracket markup we emit ourselves. */
    private static final Pattern OWN_DATE_TOKEN =
            Pattern.compile("<!date\\^\\d+\\^\\{[a-z_]+\\}(?: \\{[a-z_]+\\})?\\|[0-9: -]+UTC>");
    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!amp;|lt;|gt;)");

    private static final BlockKitRenderer SLACK = new BlockKitRenderer();

    static Stream<JsonNode> everySlackMessageWithHostileText() {
        String h = HOSTILE;
        return Stream.of(
                SLACK.channelCard(CardViews.hostile().build(), T0),
                SLACK.channelCard(CardViews.hostile().phase(CardPhase.VERIFIED).actions().build(), T0),
                SLACK.codeMessage(CardViews.hostile().build(), "482913", CodeInstruction.READ_BACK),
                SLACK.codeMessage(CardViews.hostile().build(), "482913", CodeInstruction.TELL_USER),
                SLACK.notice(new NoticeView(h, List.of(h, h), NoticeView.Tone.WARNING)),
                SLACK.picker(new PickerView(h, List.of(new Option(h, h, "u-1")), "hv_pick_user")),
                SLACK.picker(new PickerView(h, hostileOptions(), "hv_pick_user")),
                SLACK.eventList(new EventListView(h, List.of(new EventRow(T0, h, h)))),
                SLACK.auditReply(new AuditEntry(T0, h, h, h, h, h, h)));
    }

    @ParameterizedTest
    @MethodSource("everySlackMessageWithHostileText")
    void userTextCannotMentionLinkOrBreakOutOfEscaping(JsonNode message) {
        List<String> strings = new ArrayList<>();
        collectStrings(message, strings);
        assertThat(strings).isNotEmpty();
        for (String s : strings) {
            String withoutOwnMarkup = OWN_DATE_TOKEN.matcher(s).replaceAll("");
            assertThat(withoutOwnMarkup).as("a Slack string").doesNotContain("<", ">");
            assertThat(BARE_AMPERSAND.matcher(s).find()).as("bare & in %s", s).isFalse();
        }
        assertThat(message.toString()).contains("&lt;!channel&gt;").doesNotContain("<!channel>", "<@U123", "<https://evil");
    }

    @Test
    void theCheckWouldCatchAnUnescapedName() {
        JsonNode unescaped = SLACK.channelCard(CardViews.card().build(), T0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) unescaped).put("text", "Hi <!channel>");
        List<String> strings = new ArrayList<>();
        collectStrings(unescaped, strings);
        assertThat(strings).anySatisfy(s -> assertThat(OWN_DATE_TOKEN.matcher(s).replaceAll("")).contains("<"));
    }

    private static List<Option> hostileOptions() {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            options.add(new Option(HOSTILE, HOSTILE, "u-" + i));
        }
        return options;
    }

    private static void collectStrings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, out));
    }
}
