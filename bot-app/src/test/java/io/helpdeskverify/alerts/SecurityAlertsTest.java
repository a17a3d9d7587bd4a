package io.helpdeskverify.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.helpdeskverify.delivery.Senders;
import io.helpdeskverify.directory.AlertPolicy;
import io.helpdeskverify.directory.CustomerPolicy;
import io.helpdeskverify.directory.DirectoryService;
import io.helpdeskverify.directory.DualControl;
import io.helpdeskverify.events.AuditEvent;
import io.helpdeskverify.events.EventLog;
import io.helpdeskverify.events.EventQuery;
import io.helpdeskverify.events.EventType;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.verification.Verification;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each rule from events as they are stored (appended through the real event log, as any instance
 * would), the alert event and the email to the customer's security contact (GreenMail), once; a
 * second watcher polling the same log, as a second instance would, never doubles one.
 */
@HelpdeskTest
class SecurityAlertsTest {

    static final String CUSTOMER = "alertco";
    static final String CONTACT = "security@alertco.example";
    static final String DEFAULT_CONTACT = "soc@msp.example";
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SMTP::stop));
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("helpdesk.smtp.host", () -> "127.0.0.1");
        r.add("helpdesk.smtp.port", () -> SMTP.getSmtp().getPort());
        r.add("helpdesk.smtp.from", () -> "helpdesk@msp.example");
        r.add("helpdesk.smtp.security", () -> "none");
        r.add("helpdesk.alerts.poll-interval", () -> "200ms");
        r.add("helpdesk.alerts.security-contact", () -> DEFAULT_CONTACT);
        r.add("helpdesk.alerts.security-contacts." + CUSTOMER, () -> CONTACT);
        r.add("helpdesk.alerts.notice-grace", () -> "1s");
    }

    @Autowired EventLog events;
    @Autowired AlertWatcher watcher;
    @Autowired AlertMarks marks;
    @Autowired Senders senders;
    @Autowired AlertsProperties props;
    @Autowired Clock clock;
    @Autowired DirectoryService directory;
    @Autowired List<AlertChannels> channels;

    @Test
    void aReportRaisesOneAlertAndEmailsTheCustomersSecurityContact() throws Exception {
        String user = Fixtures.unique("rep");
        append(EventType.USER_REPORTED, CUSTOMER, user, "T1", "v-" + user, Instant.now());
        assertRaisedOnce(CUSTOMER, user, AlertRule.USER_REPORTED, CONTACT);
    }

    @Test
    void aDenialWithinAMinuteOfTheStartRaisesOneAlertAndALaterOneNone() throws Exception {
        String quick = Fixtures.unique("quick");
        append(EventType.VERIFICATION_REQUESTED, CUSTOMER, quick, "T1", "v-" + quick, Instant.now());
        append(EventType.USER_DENIED, CUSTOMER, quick, "T1", "v-" + quick, Instant.now());
        String slow = Fixtures.unique("slow");
        append(EventType.VERIFICATION_REQUESTED, CUSTOMER, slow, "T1", "v-" + slow, Instant.now().minusSeconds(90));
        append(EventType.USER_DENIED, CUSTOMER, slow, "T1", "v-" + slow, Instant.now());
        assertRaisedOnce(CUSTOMER, quick, AlertRule.QUICK_DENIAL, CONTACT);
        assertNoneRaisedFor(slow);
    }

    @Test
    void theThirdRefusalByThePushBombingGuardRaisesOneAlertAndTwoNone() throws Exception {
        String bombed = Fixtures.unique("bomb");
        String twice = Fixtures.unique("twice");
        for (int i = 0; i < 4; i++) {
            append(EventType.RATE_LIMITED, CUSTOMER, bombed, "T" + i, "", Instant.now());
        }
        append(EventType.RATE_LIMITED, CUSTOMER, twice, "T1", "", Instant.now());
        append(EventType.RATE_LIMITED, CUSTOMER, twice, "T1", "", Instant.now());
        assertRaisedOnce(CUSTOMER, bombed, AlertRule.REPEATED_REFUSALS, CONTACT);
        assertNoneRaisedFor(twice);
    }

    @Test
    void aVerificationRightAfterAContactChangeRaisesOneAlertOnTheDefaultContact() throws Exception {
        String customer = Fixtures.unique("other");
        String changed = Fixtures.unique("chg");
        String unchanged = Fixtures.unique("same");
        append(EventType.CONTACT_CHANGED, customer, changed, "", "", Instant.now());
        append(EventType.VERIFICATION_REQUESTED, customer, changed, "T1", "v-" + changed, Instant.now());
        append(EventType.VERIFICATION_REQUESTED, customer, unchanged, "T1", "v-" + unchanged, Instant.now());
        assertRaisedOnce(customer, changed, AlertRule.AFTER_CONTACT_CHANGE, DEFAULT_CONTACT);
        assertNoneRaisedFor(unchanged);
    }

    @Test
    void twoTechniciansVerifyingOneUserRaiseOneAlertAndOneTechnicianTwiceNone() throws Exception {
        String user = Fixtures.unique("two");
        String again = Fixtures.unique("again");
        append(EventType.VERIFIED, CUSTOMER, user, "T1", "v1-" + user, Instant.now());
        append(EventType.VERIFIED, CUSTOMER, user, "T2", "v2-" + user, Instant.now());
        append(EventType.VERIFIED, CUSTOMER, user, "T2", "v3-" + user, Instant.now());
        append(EventType.VERIFIED, CUSTOMER, again, "T1", "v1-" + again, Instant.now());
        append(EventType.VERIFIED, CUSTOMER, again, "T1", "v2-" + again, Instant.now());
        assertRaisedOnce(CUSTOMER, user, AlertRule.SEVERAL_TECHNICIANS, CONTACT);
        assertNoneRaisedFor(again);
    }

    @Test
    void aReverseCheckMismatchRaisesItsOwnAlertAndNoQuickDenial() throws Exception {
        String user = Fixtures.unique("rev");
        append(EventType.VERIFICATION_REQUESTED, CUSTOMER, user, "T1", "v-" + user, Instant.now());
        events.append(new AuditEvent("", EventType.USER_DENIED, Instant.now(), CUSTOMER, user, "Tech T1", "T1", "SLACK",
                "", "", "v-" + user, "", Verification.CODES_DO_NOT_MATCH_REASON));
        assertRaisedOnce(CUSTOMER, user, AlertRule.REVERSE_MISMATCH, CONTACT);
    }

    @Test
    void theCustomersOwnThresholdAndContactDecideWhenAndToWhomItFires() throws Exception {
        String strict = customer(new AlertPolicy(Optional.of("soc@strict.example"), Optional.empty(), Optional.empty(),
                Optional.of(2), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of()));
        String lenient = customer(new AlertPolicy(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(5), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of()));
        String twice = Fixtures.unique("strict");
        String four = Fixtures.unique("lenient");
        append(EventType.RATE_LIMITED, strict, twice, "T1", "", Instant.now());
        append(EventType.RATE_LIMITED, strict, twice, "T2", "", Instant.now());
        for (int i = 0; i < 4; i++) {
            append(EventType.RATE_LIMITED, lenient, four, "T" + i, "", Instant.now());
        }
        assertRaisedOnce(strict, twice, AlertRule.REPEATED_REFUSALS, "soc@strict.example");
        assertNoneRaisedFor(four);
    }

    @Test
    void aShorterQuickDenialWindowOfTheCustomerLetsALaterDenialPass() throws Exception {
        String quick = customer(new AlertPolicy(Optional.empty(), Optional.empty(), Optional.of(10L), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of()));
        String user = Fixtures.unique("late");
        append(EventType.VERIFICATION_REQUESTED, quick, user, "T1", "v-" + user, Instant.now().minusSeconds(30));
        append(EventType.USER_DENIED, quick, user, "T1", "v-" + user, Instant.now());
        assertNoneRaisedFor(user);
    }

    @Test
    void aRuleTheCustomerDisabledDoesNotFire() throws Exception {
        String quiet = customer(new AlertPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Set.of(AlertRule.USER_REPORTED.name())));
        String user = Fixtures.unique("quiet");
        append(EventType.USER_REPORTED, quiet, user, "T1", "v-" + user, Instant.now());
        assertNoneRaisedFor(user);
    }

    /**
     * An instance claimed the alert and died before storing or sending anything: once the grace is
     * over, another instance stores the event and sends the email, once, however often it polls.
     */
    @Test
    void theNoticesOfAnInstanceThatDiedAfterItsClaimAreSentByAnotherOnce() throws Exception {
        String user = Fixtures.unique("dead");
        var trigger = new AuditEvent("1-0", EventType.USER_REPORTED, Instant.now(), CUSTOMER, user, "Tech T1", "T1",
                "SLACK", "", "", "v-" + user, "", "");
        var alert = new Alert(AlertRule.USER_REPORTED, trigger, "verification v-" + user);
        assertThat(marks.claim(alert, EnumSet.allOf(NoticeKind.class), Instant.now().plusMillis(300))).isTrue();
        assertThat(marks.claim(alert, EnumSet.allOf(NoticeKind.class), Instant.now().plusMillis(300)))
                .as("claimed once").isFalse();

        var otherInstance = otherInstance();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            CompletableFuture.runAsync(otherInstance::poll).join();
            assertThat(alerts(CUSTOMER, user)).isNotEmpty();
            assertThat(mailsAbout(user)).isNotEmpty();
        });
        otherInstance.poll();
        watcher.poll();
        assertThat(alerts(CUSTOMER, user)).hasSize(1);
        assertThat(mailsAbout(user)).hasSize(1);
        assertThat(marks.takeDue(Instant.now(), Instant.now().plusMillis(1), 1000))
                .as("nothing of it left pending").noneMatch(n -> n.alert().occurrence().equals(alert.occurrence()));
    }

    /** While the claimer's lease runs, the notices are its own: another instance must not send them too. */
    @Test
    void aNoticeStillLeasedToItsClaimerIsNotSentByAnother() throws Exception {
        String user = Fixtures.unique("leased");
        var trigger = new AuditEvent("2-0", EventType.USER_REPORTED, Instant.now(), CUSTOMER, user, "Tech T1", "T1",
                "SLACK", "", "", "v-" + user, "", "");
        assertThat(marks.claim(new Alert(AlertRule.USER_REPORTED, trigger, "verification v-" + user),
                EnumSet.allOf(NoticeKind.class), Instant.now().plus(Duration.ofHours(1)))).isTrue();
        otherInstance().poll();
        // A later alert raised by the watch shows it has polled and swept past the leased one.
        assertNoneRaisedFor(user);
    }

    private AlertWatcher otherInstance() {
        return new AlertWatcher(events, new AlertRules(events, props, directory), marks,
                new AlertNotices(senders, channels, props, "Test MSP", clock), props.noticeGrace(), clock);
    }

    private String customer(AlertPolicy alerts) {
        String slug = Fixtures.unique("pol");
        directory.createCustomer(slug, "Policy " + slug, List.of(slug + ".example"), "US",
                new CustomerPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Set.of(), Optional.empty(), DualControl.OFF, alerts));
        return slug;
    }

    private void append(EventType type, String customer, String user, String technician, String verification,
                        Instant time) {
        events.append(new AuditEvent("", type, time, customer, user, technician.isEmpty() ? "" : "Tech " + technician,
                technician, technician.isEmpty() ? "" : "SLACK", "", "", verification, "", ""));
    }

    /**
     * The scheduled watch raises it; a second watcher on the same log, polling at the same time,
     * stands for the other instance and must not raise it again.
     */
    private void assertRaisedOnce(String customer, String user, AlertRule rule, String recipient) throws Exception {
        var otherInstance = otherInstance();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            CompletableFuture.runAsync(otherInstance::poll).join();
            assertThat(alerts(customer, user)).isNotEmpty();
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsAbout(user).isEmpty());
        otherInstance.poll();
        watcher.poll();

        var raised = alerts(customer, user);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).outcome()).isEqualTo(rule.name());
        assertThat(raised.get(0).reason()).startsWith(rule.what());
        var mails = mailsAbout(user);
        assertThat(mails).hasSize(1);
        assertThat(Arrays.stream(mails.get(0).getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly(recipient);
        assertThat(mails.get(0).getSubject()).contains(customer);
        assertThat(GreenMailUtil.getBody(mails.get(0))).contains(rule.advice().substring(0, 30));
    }

    /**
     * The watch reads in stream order: once an event stored after these has raised its alert,
     * these were evaluated too, so their silence is not a matter of waiting longer.
     */
    private void assertNoneRaisedFor(String user) throws Exception {
        String marker = Fixtures.unique("marker");
        append(EventType.USER_REPORTED, CUSTOMER, marker, "T1", "v-" + marker, Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> !alerts(CUSTOMER, marker).isEmpty());
        assertThat(events.query(new EventQuery(Optional.empty(), Optional.of(user), Optional.of(EventType.ALERT),
                Optional.of(Instant.now().minusSeconds(300)), Optional.empty(), 10))).isEmpty();
        assertThat(mailsAbout(user)).isEmpty();
    }

    private List<AuditEvent> alerts(String customer, String user) {
        return events.query(new EventQuery(Optional.of(customer), Optional.of(user), Optional.of(EventType.ALERT),
                Optional.empty(), Optional.empty(), 10));
    }

    private static List<MimeMessage> mailsAbout(String user) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return GreenMailUtil.getBody(m).contains("End user: " + user + "\r") || GreenMailUtil.getBody(m)
                        .contains("End user: " + user + "\n");
            } catch (RuntimeException e) {
                return false;
            }
        }).toList();
    }

}
