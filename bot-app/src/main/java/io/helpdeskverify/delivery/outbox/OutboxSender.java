package io.helpdeskverify.delivery.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helpdeskverify.delivery.Challenge;
import io.helpdeskverify.delivery.ChallengeSender;
import io.helpdeskverify.delivery.ChallengeTexts;
import io.helpdeskverify.delivery.Notice;
import io.helpdeskverify.delivery.SendOutcome;
import io.helpdeskverify.directory.Device;
import io.helpdeskverify.directory.Masking;
import io.helpdeskverify.verification.Channel;
import java.time.Clock;
import java.util.Locale;
import java.util.stream.Collectors;

/** Records instead of sending: the local profile's stand-in for FCM, Twilio and SMTP. */
class OutboxSender implements ChallengeSender {

    private final Channel channel;
    private final Outbox outbox;
    private final ChallengeTexts texts;
    private final Clock clock;

    OutboxSender(Channel channel, Outbox outbox, ChallengeTexts texts, Clock clock) {
        this.channel = channel;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public SendOutcome send(Challenge c) {
        var user = c.recipient();
        return switch (channel) {
            case SMS -> user.mobile().<SendOutcome>map(m -> {
                outbox.add(message(m, "", texts.smsBody(c, Locale.ENGLISH), c));
                return new SendOutcome.Accepted("to " + Masking.phone(m) + " (outbox)");
            }).orElse(new SendOutcome.Failed("no mobile number"));
            case EMAIL -> user.email().<SendOutcome>map(e -> {
                outbox.add(message(e, texts.emailSubject(c, Locale.ENGLISH), texts.emailBody(c, Locale.ENGLISH), c));
                return new SendOutcome.Accepted("to " + Masking.email(e) + " (outbox)");
            }).orElse(new SendOutcome.Failed("no email address"));
            case PUSH -> {
                if (c.devices().isEmpty()) {
                    yield new SendOutcome.Failed("no device can receive a push");
                }
                String to = c.devices().stream().map(Device::id).collect(Collectors.joining(","));
                outbox.add(message(to, texts.pushTitle(c, Locale.ENGLISH), texts.pushBody(c, Locale.ENGLISH), c));
                yield new SendOutcome.Accepted("to " + c.devices().size() + " device(s) (outbox)");
            }
        };
    }

    @Override
    public SendOutcome sendNotice(Notice n) {
        var user = n.recipient();
        return switch (channel) {
            case SMS -> user.mobile().<SendOutcome>map(m -> {
                outbox.add(new OutboxMessage(clock.instant(), channel, m, "", n.text(), "", ""));
                return new SendOutcome.Accepted("to " + Masking.phone(m) + " (outbox)");
            }).orElse(new SendOutcome.Failed("no mobile number"));
            case EMAIL -> user.email().<SendOutcome>map(e -> {
                outbox.add(new OutboxMessage(clock.instant(), channel, e, n.subject(), n.text(), "", ""));
                return new SendOutcome.Accepted("to " + Masking.email(e) + " (outbox)");
            }).orElse(new SendOutcome.Failed("no email address"));
            case PUSH -> new SendOutcome.Failed("this channel carries no notices");
        };
    }

    private OutboxMessage message(String to, String subject, String body, Challenge c) {
        return new OutboxMessage(clock.instant(), channel, to, subject, body, c.verificationId(), c.challengeId());
    }

    static String json(ObjectMapper mapper, OutboxMessage m) {
        try {
            return mapper.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
