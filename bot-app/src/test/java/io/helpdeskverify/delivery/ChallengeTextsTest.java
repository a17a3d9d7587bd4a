package io.helpdeskverify.delivery;

import io.helpdeskverify.verification.TechnicianName;
import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.verification.Method;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The wording rules of the brief, checked on the real bundle. */
class ChallengeTextsTest {

    private final ChallengeTexts texts = new ChallengeTexts(bundle());

    @ParameterizedTest
    @CsvSource({
            "Acme IT, Jo Li",
            "Contoso Managed Services, Jonathan Smith",
            "Northwind Technology Partners, Maria Fernandez-Garcia",
            "Fabrikam IT Support LLC, Christopher Johnson"})
    void theSmsFitsOneGsm7SegmentAndSaysWhoAndWhatToDo(String msp, String technician) {
        String sms = texts.smsBody(challenge(Method.SMS_CODE, msp, technician), Locale.ENGLISH);

        assertThat(SmsSegments.isGsm7(sms)).as(sms).isTrue();
        assertThat(SmsSegments.count(sms)).as(sms + " (" + sms.length() + ")").isEqualTo(1);
        assertThat(sms).contains(msp).contains(technician).contains("123456").contains("only if");
    }

    @Test
    void theFullSmsIsUsedWhenItFitsAndTheShortOneWhenItDoesNot() {
        String full = texts.smsBody(challenge(Method.SMS_CODE, "Acme IT", "Jo Li"), Locale.ENGLISH);
        String longer = texts.smsBody(challenge(Method.SMS_CODE, "Northwind Technology Partners International",
                "Maria Fernandez-Garcia"), Locale.ENGLISH);

        assertThat(full).contains("Not on a call? Ignore this, tell your IT contact.");
        assertThat(longer).contains("If not, ignore it, tell your IT.");
        assertThat(SmsSegments.count(longer)).isEqualTo(1);
    }

    @Test
    void noTextSaysNeverShareAndEveryOneSaysWhatToDoOtherwise() throws IOException {
        var props = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            props.load(in);
        }
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key).toLowerCase(Locale.ROOT);
            assertThat(value).as(key).doesNotContain("never share").doesNotContain("do not share")
                    .doesNotContain("don't share");
        }
        var c = challenge(Method.PUSH_WITH_CODE, "Acme IT", "Jo Li");
        for (String text : List.of(texts.smsBody(c, Locale.ENGLISH), texts.emailBody(c, Locale.ENGLISH),
                texts.pushBody(c, Locale.ENGLISH), texts.pushBody(challenge(Method.PUSH, "Acme IT", "Jo Li"), Locale.ENGLISH),
                texts.pushBody(challenge(Method.VERIFIED_PUSH, "Acme IT", "Jo Li"), Locale.ENGLISH))) {
            assertThat(text).contains("Jo Li").contains("Acme IT").contains("only if you are on a call with them now")
                    .containsIgnoringCase("tell your IT");
        }
    }

    @Test
    void verifiedPushNeverCarriesTheCode() {
        assertThat(texts.pushBody(challenge(Method.VERIFIED_PUSH, "Acme IT", "Jo Li"), Locale.ENGLISH)).doesNotContain("123456");
        assertThat(texts.pushBody(challenge(Method.PUSH_WITH_CODE, "Acme IT", "Jo Li"), Locale.ENGLISH)).contains("123456");
    }

    @Test
    void theEmailHasTheSameWordsInTextAndEscapedHtml() {
        var c = challenge(Method.EMAIL_CODE, "Acme & Sons IT", "<script>Jo</script>");
        var p = texts.emailParagraphs(c, Locale.ENGLISH);
        String html = io.helpdeskverify.delivery.email.EmailHtmlAccess.render(p);

        assertThat(p.plainText()).contains("Your code: 123456").contains("If you are not on a call with Acme & Sons IT");
        assertThat(html).contains("123456").contains("Acme &amp; Sons IT").contains("&lt;script&gt;Jo&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(texts.emailSubject(c, Locale.ENGLISH)).isEqualTo("Acme & Sons IT: your identity check code");
    }

    @Test
    void segmentsCountUcs2AndExtensionCharacters() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
        assertThat(SmsSegments.isGsm7("Zoë")).isFalse();
        assertThat(SmsSegments.count("ë".repeat(71))).isEqualTo(2);
    }

    /** A link as long as the real ones: the public URL, /u/ and a 24-character token. */
    static final String LINK = "https://verify.northwind-msp.example/u/" + "AbCdEfGhIjKlMnOpQrStUvWx";

    @ParameterizedTest
    @CsvSource({
            "Acme IT, Jo Li",
            "Contoso Managed Services, Jonathan Smith",
            "Fabrikam IT Support LLC, Christopher Johnson"})
    void withTheOneTimeLinkTheSmsStaysShortAndCarriesIt(String msp, String technician) {
        var c = withLink(challenge(Method.SMS_CODE, msp, technician), false);
        String sms = texts.smsBody(c, Locale.ENGLISH);
        String reverse = texts.smsBody(withLink(challenge(Method.SMS_CODE, msp, technician), true), Locale.ENGLISH);

        for (String text : List.of(sms, reverse)) {
            assertThat(SmsSegments.isGsm7(text)).as(text).isTrue();
            assertThat(SmsSegments.count(text)).as(text + " (" + text.length() + ")").isLessThanOrEqualTo(2);
            assertThat(text).contains(msp).contains(technician).contains("123456").endsWith(LINK);
        }
        assertThat(sms).contains("only if");
        assertThat(reverse).contains("should read you code 123456").contains("if it matches");
        if (msp.equals("Acme IT")) {
            assertThat(SmsSegments.count(sms)).as("typical names: one segment").isEqualTo(1);
        }
    }

    @Test
    void theReverseCheckTellsTheUserToCompareAndWhatToDoOtherwise() {
        var c = withLink(challenge(Method.EMAIL_CODE, "Acme IT", "Jo Li"), true);
        var p = texts.emailParagraphs(c, Locale.ENGLISH);
        assertThat(texts.emailSubject(c, Locale.ENGLISH)).isEqualTo("Acme IT: check who is calling you");
        assertThat(p.intro()).contains("Jo Li from Acme IT is calling you");
        assertThat(p.instruction()).contains(LINK);
        assertThat(p.otherwise()).contains("did not expect a call").containsIgnoringCase("tell your IT contact");
        var push = withLink(challenge(Method.PUSH_WITH_CODE, "Acme IT", "Jo Li"), true);
        assertThat(texts.pushBody(push, Locale.ENGLISH)).contains("Jo Li", "123456", "whether it matches");
        var normal = texts.emailParagraphs(withLink(challenge(Method.EMAIL_CODE, "Acme IT", "Jo Li"), false), Locale.ENGLISH);
        assertThat(normal.otherwise()).contains("did not ask for this: " + LINK);
        assertThat(texts.smsBody(new Challenge("v1", "c1", Method.SMS_CODE, c.recipient(), List.of(), "Acme IT",
                TechnicianName.forEndUser("Jo Li"), Optional.of("123456"), c.expiresAt(), true, Optional.empty()),
                Locale.ENGLISH)).as("no public URL, no link").contains("hang up and tell your IT contact");
    }

    private static Challenge withLink(Challenge c, boolean reverse) {
        return new Challenge(c.verificationId(), c.challengeId(), c.method(), c.recipient(), c.devices(), c.mspName(),
                c.technicianName(), c.code(), c.expiresAt(), reverse, Optional.of(LINK));
    }

    static Challenge challenge(Method method, String msp, String technician) {
        var user = new EndUser("acme", "jdoe", "Jane Doe", Optional.of("jane@acme.example"), Optional.of("+12025550123"),
                true, EndUser.Source.MANUAL, Instant.now());
        return new Challenge("v1", "c1", method, user, List.of(), msp, TechnicianName.forEndUser(technician),
                Optional.of("123456"),
                Instant.now().plusSeconds(60));
    }

    static ResourceBundleMessageSource bundle() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
