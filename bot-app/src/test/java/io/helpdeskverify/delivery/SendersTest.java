package io.helpdeskverify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.helpdeskverify.verification.Channel;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Which sender each channel gets, and what start-up says about it. */
class SendersTest {

    private final ChallengeSender realSms = new Named(Channel.SMS);
    private final Function<Channel, ChallengeSender> outbox = Named::new;

    @Test
    void aConfiguredProviderWinsOverTheOutboxAndAMissingOneFallsBackToIt() {
        var senders = new Senders(List.of(
                new ChannelSetup.Ready(Channel.SMS, realSms, "Twilio (account AC1)"),
                new ChannelSetup.Missing(Channel.EMAIL, "SMTP", List.of("SMTP_HOST", "SMTP_FROM"), "is not configured")),
                Optional.of(outbox));

        assertThat(senders.forChannel(Channel.SMS)).containsSame(realSms);
        assertThat(senders.forChannel(Channel.EMAIL)).get().isNotSameAs(realSms);
        assertThat(senders.available()).containsExactlyInAnyOrder(Channel.PUSH, Channel.SMS, Channel.EMAIL);
        assertThat(senders.describe().get("email")).isEqualTo("local outbox (SMTP is not configured: set SMTP_HOST, SMTP_FROM)");
    }

    @Test
    void withoutTheOutboxAMissingProviderMeansTheChannelIsNotOfferedAndTheLogNamesTheVariable() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(Senders.class);
        logger.addAppender(appender);
        try {
            var senders = new Senders(List.of(
                    new ChannelSetup.Ready(Channel.SMS, realSms, "Twilio (account AC1)"),
                    new ChannelSetup.Missing(Channel.PUSH, "Firebase Cloud Messaging", List.of("FIREBASE_CREDENTIALS"),
                            "is not configured"),
                    new ChannelSetup.Missing(Channel.EMAIL, "SMTP", List.of("SMTP_FROM"), "is only partly configured")),
                    Optional.empty());

            assertThat(senders.available()).containsExactly(Channel.SMS);
            assertThat(senders.forChannel(Channel.PUSH)).isEmpty();
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).contains(
                    "Delivery: SMS uses Twilio (account AC1)",
                    "Delivery: push is not offered because Firebase Cloud Messaging is not configured: set FIREBASE_CREDENTIALS",
                    "Delivery: email is not offered because SMTP is only partly configured: set SMTP_FROM");
        } finally {
            logger.detachAppender(appender);
        }
    }

    private record Named(Channel channel) implements ChallengeSender {
        @Override
        public SendOutcome send(Challenge challenge) {
            return new SendOutcome.Accepted("");
        }
    }
}
