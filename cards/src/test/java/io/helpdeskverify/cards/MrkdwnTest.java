package io.helpdeskverify.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MrkdwnTest {

    /* Only whole entities or characters other than the three control characters, then maybe "…". */
    private static final Pattern WELL_FORMED = Pattern.compile("(?:&amp;|&lt;|&gt;|[^&<>])*…?");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"<!channel>\"                | \"&lt;!channel&gt;\"",
        "\"<!here>\"                   | \"&lt;!here&gt;\"",
        "\"<@U123|x>\"                 | \"&lt;@U123|x&gt;\"",
        "\"<https://evil|click>\"      | \"&lt;https://evil|click&gt;\"",
        "\"<#C123|general>\"           | \"&lt;#C123|general&gt;\"",
        "\"Smith & Sons > Acme\"       | \"Smith &amp; Sons &gt; Acme\"",
        "\"&amp;\"                     | \"&amp;amp;\"",
        "\"*bold* _it_ ~s~ `code`\"    | \"*bold* _it_ ~s~ `code`\"",
    })
    void escapesTheThreeControlCharactersAndNothingElse(String raw, String escaped) {
        assertThat(Mrkdwn.escape(raw)).isEqualTo(escaped);
    }

    @Test
    void textThatFitsIsNotCut() {
        assertThat(Mrkdwn.escape("a&b", 7)).isEqualTo("a&amp;b");
    }

    @Test
    void cutsBeforeEscapingSoNoEntityIsSplit() {
        String raw = "&<>&<>&<>x&";
        for (int max = 1; max <= Mrkdwn.escape(raw).length() + 1; max++) {
            String out = Mrkdwn.escape(raw, max);
            assertThat(out).as("max %d", max).hasSizeLessThanOrEqualTo(max).matches(WELL_FORMED);
        }
        assertThat(Mrkdwn.escape(raw, 8)).isEqualTo("&amp;…");
        assertThat(Mrkdwn.escape(raw, 10)).isEqualTo("&amp;&lt;…");
    }

    @Test
    void marksEveryCutWithAnEllipsis() {
        assertThat(Mrkdwn.escape("abcdef", 4)).isEqualTo("abc…");
        assertThat(Mrkdwn.escape("abcdef", 1)).isEqualTo("…");
    }

    @Test
    void neverSplitsASurrogatePair() {
        assertThat(Mrkdwn.escape("😀😀😀", 4)).isEqualTo("😀…");
        assertThat(Mrkdwn.escape("😀😀😀", 2)).isEqualTo("…");
    }

    @Test
    void refusesAnEmptyBudget() {
        assertThatThrownBy(() -> Mrkdwn.escape("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
