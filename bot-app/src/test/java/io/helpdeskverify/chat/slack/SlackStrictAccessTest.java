package io.helpdeskverify.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helpdeskverify.support.AccessFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Strict mode (its own Spring context): nobody may verify a customer its policy does not list them
 * for, and such a customer is not there for them, neither by name nor in suggestions.
 */
@TestPropertySource(properties = "helpdesk.access.mode=strict")
class SlackStrictAccessTest extends SlackTestBase {

    @Test
    void withoutAPolicyNobodyMayAndWithOneOnlyThoseListed() {
        var access = new AccessFixtures(api);
        String channel = channel();

        // acme (the demo customer) has no policy: refused, and neither named nor suggested.
        String acme = answer(command("alice@acme --sms", channel, "USTRICT1", "stu"));
        assertThat(acme).contains("No customer 'acme'", "ask your MSP admin").doesNotContain("Alice", "Did you mean");
        assertThat(answer(command("alice@acmee", channel, "USTRICT1", "stu"))).doesNotContain("Did you mean");

        String slug = access.customerWithUser();
        access.policy(slug, """
                {"slack":[{"workspace":"%s","channels":["%s"]}]}""".formatted(FakeSlack.TEAM, channel));
        // Anyone in the listed channel may; the same person elsewhere may not.
        assertThat(answer(command("bob@" + slug + " --sms", channel(), "USTRICT1", "stu"))).contains("No customer");
        command("bob@" + slug + " --sms", channel, "USTRICT1", "stu");
        awaitCard(channel);
        assertThat(access.refusals("slack:USTRICT1")).extracting(e -> e.path("customer").asText())
                .contains("acme", slug);
        assertThat(api.get("/api/v1/customers/acme/access").json().path("restricted").asBoolean()).isTrue();
    }

    private String answer(String responseUrl) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> fake.responses(responseUrl), r -> !r.isEmpty()).get(0);
    }
}
