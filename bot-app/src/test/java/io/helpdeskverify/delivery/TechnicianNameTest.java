package io.helpdeskverify.delivery;

import io.helpdeskverify.verification.TechnicianName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A display name anyone can set must not become a phone number or a link inside our message. */
class TechnicianNameTest {

    private static String safe(String name) {
        return TechnicianName.forEndUser(name).value();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Jo Li|Jo Li",
            "Maria Fernandez-Garcia|Maria Fernandez-Garcia",
            "  Jo    Li  |Jo Li",
            "Zoë O'Brien|Zoë O'Brien",
            "Agent 007|Agent 007",
            "Call 0800 123 4567 at evil.example|Call at",
            "Jo Li +44 (20) 7946-0958|Jo Li",
            "Jo (555) 123.4567 Li|Jo Li",
            "Jo https://evil.example/reset Li|Jo Li",
            "Jo http://10.0.0.1/x Li|Jo Li",
            "Jo www.evil.example Li|Jo Li",
            "Jo WWW.EVIL.EXAMPLE Li|Jo Li",
            "Jo evil.example/login Li|Jo Li",
            "Jo bob@evil.example Li|Jo Li",
            "Jo xn--80ak6aa92e.com Li|Jo Li",
            "Jo пример.рф Li|Jo Li"})
    void keepsTheNameAndDropsWhatCouldBeDialledOrFollowed(String raw, String expected) {
        assertThat(safe(raw)).isEqualTo(expected);
    }

    @Test
    void invisibleAndLookAlikeCharactersDoNotHideALinkOrANumber() {
        assertThat(safe("Jo evil\u200B.example Li")).isEqualTo("Jo Li");
        assertThat(safe("Jo evil\u3002example Li")).as("ideographic full stop").isEqualTo("Jo Li");
        assertThat(safe("Jo evil\uFF0Eexample Li")).as("fullwidth full stop").isEqualTo("Jo Li");
        assertThat(safe("Jo \uFF10\uFF18\uFF10\uFF10\uFF11\uFF12\uFF13\uFF14 Li")).as("fullwidth digits").isEqualTo("Jo Li");
        assertThat(safe("Jo \u202Eelpmaxe.live Li")).as("bidi override").isEqualTo("Jo Li");
    }

    @Test
    void controlCharactersAndLineBreaksBecomeSingleSpaces() {
        assertThat(safe("Jo\nLi")).isEqualTo("Jo Li");
        assertThat(safe("Jo\r\n\tLi\u0007")).isEqualTo("Jo Li");
        assertThat(safe("Jo\u2028Li")).isEqualTo("Jo Li");
    }

    @Test
    void longNamesAreCappedAtFortyCharactersOnWholeCodePoints() {
        assertThat(safe("A".repeat(100))).hasSize(TechnicianName.MAX_LENGTH);
        String emoji = "Jo" + "\uD83D\uDE00".repeat(41);
        String capped = safe(emoji);
        assertThat(capped.codePointCount(0, capped.length())).isEqualTo(40);
        assertThat(Character.isHighSurrogate(capped.charAt(capped.length() - 1))).isFalse();
        assertThat(safe("Christopher Alexander Montgomery-Richardson III")).isEqualTo("Christopher Alexander Montgomery-Richard");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "0800 123 4567", "https://evil.example", "evil.example +1 202 555 0123", "\u200B",
            "()-.", "\n\t", "\uD83D\uDE00"})
    void nothingLeftMeansTheNeutralWording(String raw) {
        assertThat(safe(raw)).isEqualTo("your technician");
    }

    @Test
    void sanitisingIsIdempotentAndTheValueIsNeverBlank() {
        String once = safe("Call 0800 123 4567 at evil.example");
        assertThat(safe(once)).isEqualTo(once);
        assertThatThrownBy(() -> new TechnicianName(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSmsNamesTheNeutralTechnicianWhenTheNameWasOnlyANumber() {
        var texts = new ChallengeTexts(ChallengeTextsTest.bundle());
        String sms = texts.smsBody(ChallengeTextsTest.challenge(io.helpdeskverify.verification.Method.SMS_CODE,
                "Acme IT", "+1 202 555 0123"), java.util.Locale.ENGLISH);
        assertThat(sms).contains("Read it to your technician only if").doesNotContain("555");
    }
}
