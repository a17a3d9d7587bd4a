package io.helpdeskverify.delivery.email;

import io.helpdeskverify.delivery.Challenge;
import io.helpdeskverify.delivery.ChallengeSender;
import io.helpdeskverify.delivery.ChallengeTexts;
import io.helpdeskverify.delivery.Notice;
import io.helpdeskverify.delivery.SendOutcome;
import io.helpdeskverify.directory.Masking;
import io.helpdeskverify.verification.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends the code by email: one message with a plain-text and an HTML part, from the MSP's name.
 * Mail-server answers quote the address, so only their kind is logged.
 */
class SmtpSender implements ChallengeSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpSender.class);

    private final JavaMailSenderImpl mail;
    private final String from;
    private final String mspName;
    private final ChallengeTexts texts;

    SmtpSender(JavaMailSenderImpl mail, String from, String mspName, ChallengeTexts texts) {
        this.mail = mail;
        this.from = from;
        this.mspName = mspName;
        this.texts = texts;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendOutcome send(Challenge c) {
        var email = c.recipient().email();
        if (email.isEmpty()) {
            return new SendOutcome.Failed("no email address");
        }
        return deliver("Verification " + c.verificationId(), email.get(), c.mspName(), message -> {
            message.setSubject(texts.emailSubject(c, Locale.ENGLISH), "UTF-8");
            var paragraphs = texts.emailParagraphs(c, Locale.ENGLISH);
            // multipart/alternative, text first: clients show the last part they understand.
            var text = new MimeBodyPart();
            text.setText(paragraphs.plainText(), "UTF-8", "plain");
            var html = new MimeBodyPart();
            html.setText(EmailHtml.render(paragraphs), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
        });
    }

    /** A notice is a few plain sentences: no HTML part, so nothing in it needs escaping. */
    @Override
    public SendOutcome sendNotice(Notice n) {
        var email = n.recipient().email();
        if (email.isEmpty()) {
            return new SendOutcome.Failed("no email address");
        }
        return deliver("Notice " + n.about(), email.get(), mspName, message -> {
            message.setSubject(n.subject(), "UTF-8");
            message.setText(n.text(), "UTF-8", "plain");
        });
    }

    /** @param what names the message in the log ("Verification 1a2b"), never by its address */
    private SendOutcome deliver(String what, String to, String senderName, Content content) {
        try {
            var message = mail.createMimeMessage();
            message.setFrom(new InternetAddress(from, senderName.isBlank() ? mspName : senderName, "UTF-8"));
            message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to, true));
            content.fill(message);
            mail.send(message);
            return new SendOutcome.Accepted("to " + Masking.email(to));
        } catch (MailAuthenticationException e) {
            log.error("{}: the mail server refused the login; check SMTP_USERNAME and SMTP_PASSWORD", what);
            return new SendOutcome.Failed("the mail server refused our login");
        } catch (MailSendException e) {
            if (e.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance)) {
                log.info("{}: the mail server refused the recipient", what);
                return new SendOutcome.Failed("the mail server refused the address");
            }
            log.warn("{}: mail server unavailable ({})", what, rootName(e));
            return new SendOutcome.RetryLater("mail server unavailable");
        } catch (MessagingException e) {
            // Only address parsing can fail before the send: the directory holds a malformed address.
            log.info("{}: the email address is not usable ({})", what, rootName(e));
            return new SendOutcome.Failed("the email address is not valid");
        } catch (MailException | UnsupportedEncodingException e) {
            log.warn("{}: email not sent ({})", what, rootName(e));
            return new SendOutcome.RetryLater("mail server unavailable");
        }
    }

    @FunctionalInterface
    private interface Content {
        void fill(MimeMessage message) throws MessagingException;
    }

    private static String rootName(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
