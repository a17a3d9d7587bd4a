package io.helpdeskverify.chat;

import io.helpdeskverify.cards.AuditEntry;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.cards.VerificationCardView;
import io.helpdeskverify.chat.core.CardRef;
import io.helpdeskverify.chat.core.ChatPlatform;
import io.helpdeskverify.chat.core.ChatPlatformException;
import io.helpdeskverify.chat.core.ConversationRef;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.core.Recipient;
import io.helpdeskverify.chat.core.ThreadRef;
import io.helpdeskverify.chat.core.UpdateLimits;
import io.helpdeskverify.chat.core.UpdateResult;
import io.helpdeskverify.verification.Platform;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory {@link ChatPlatform} for tests of the chat core without a platform, HTTP or Spring:
 * it records every call in lists a test reads, answers with fake references ({@code m-1}, {@code
 * root-1}…), and fails a call on demand ({@link #failing}). Thread-safe: {@code CardUpdater} calls
 * it from its sender threads. Unlike {@code FakeSlack}/{@code FakeBotConnector} it renders nothing:
 * tests read the platform-neutral views the core handed over.
 */
public final class RecordingChatPlatform implements ChatPlatform {

    /** The port's calls that may be told to fail. */
    public enum Call { POST_CARD, UPDATE_CARD, TELL_PRIVATELY, POST_AUDIT_ROOT, REPLY_IN_AUDIT_THREAD, POST_NOTICE }

    public record Posted(ConversationRef where, VerificationCardView card, CardRef ref) {}

    public record Updated(CardRef card, VerificationCardView view) {}

    public record Told(Recipient who, PrivateMessage message) {}

    public record AuditRoot(ConversationRef where, LocalDate utcDay, String rootMessageId) {}

    public record AuditReply(ThreadRef thread, AuditEntry entry) {}

    public record PostedNotice(ConversationRef where, NoticeView notice) {}

    private final Platform platform;
    private final CodeDelivery codeDelivery;
    private final UpdateLimits limits;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Call, String[]> failures = new ConcurrentHashMap<>();
    private volatile UpdateResult updateAnswer = new UpdateResult.Updated();

    public final List<Posted> posted = new CopyOnWriteArrayList<>();
    public final List<Updated> updates = new CopyOnWriteArrayList<>();
    public final List<Told> told = new CopyOnWriteArrayList<>();
    public final List<AuditRoot> auditRoots = new CopyOnWriteArrayList<>();
    public final List<AuditReply> auditReplies = new CopyOnWriteArrayList<>();
    public final List<PostedNotice> notices = new CopyOnWriteArrayList<>();
    /** Every call in order, the failed ones included. */
    public final List<Call> calls = new CopyOnWriteArrayList<>();

    /** Slack-like: codes by private message, one budget window of 40 updates a minute per workspace. */
    public static RecordingChatPlatform slack() {
        return new RecordingChatPlatform(Platform.SLACK, CodeDelivery.PRIVATE_MESSAGE,
                new UpdateLimits(List.of(new UpdateLimits.Window(40, Duration.ofMinutes(1))), 0.5));
    }

    /** Teams-like: codes in the requesting technician's personal view of the card, 7/s and 60/30 s per conversation. */
    public static RecordingChatPlatform teams() {
        return new RecordingChatPlatform(Platform.TEAMS, CodeDelivery.PERSONAL_VIEW,
                new UpdateLimits(List.of(new UpdateLimits.Window(7, Duration.ofSeconds(1)),
                        new UpdateLimits.Window(60, Duration.ofSeconds(30))), 0.5));
    }

    public RecordingChatPlatform(Platform platform, CodeDelivery codeDelivery, UpdateLimits limits) {
        this.platform = platform;
        this.codeDelivery = codeDelivery;
        this.limits = limits;
    }

    /** Every later call of this kind throws this {@link ChatPlatformException} (and is recorded in {@link #calls} only). */
    public RecordingChatPlatform failing(Call call, String message, String advice) {
        failures.put(call, new String[] {message, advice});
        return this;
    }

    /** The calls of this kind work again. */
    public RecordingChatPlatform healed(Call call) {
        failures.remove(call);
        return this;
    }

    /** What {@link #updateCard} reports from now on (default {@link UpdateResult.Updated}); the update is still recorded. */
    public RecordingChatPlatform answeringUpdates(UpdateResult answer) {
        this.updateAnswer = answer;
        return this;
    }

    /** The private messages this person got, in order. */
    public List<PrivateMessage> toldTo(String userId) {
        return told.stream().filter(t -> t.who().userId().equals(userId)).map(Told::message).toList();
    }

    /** The latest view this card was updated to, if it was updated at all. */
    public java.util.Optional<VerificationCardView> latestView(CardRef card) {
        VerificationCardView last = null;
        for (Updated u : updates) {
            if (u.card().equals(card)) {
                last = u.view();
            }
        }
        return java.util.Optional.ofNullable(last);
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public CardRef postCard(ConversationRef where, VerificationCardView card) {
        attempt(Call.POST_CARD);
        var ref = new CardRef(where, "m-" + ids.incrementAndGet());
        posted.add(new Posted(where, card, ref));
        return ref;
    }

    @Override
    public UpdateResult updateCard(CardRef card, VerificationCardView view) {
        attempt(Call.UPDATE_CARD);
        updates.add(new Updated(card, view));
        return updateAnswer;
    }

    @Override
    public void tellPrivately(Recipient who, PrivateMessage message) {
        if (codeDelivery == CodeDelivery.PERSONAL_VIEW && message instanceof PrivateMessage.Code) {
            // The port's contract: such a platform throws rather than drop a code.
            throw new IllegalArgumentException("a PERSONAL_VIEW platform is never given a code message");
        }
        attempt(Call.TELL_PRIVATELY);
        told.add(new Told(who, message));
    }

    @Override
    public CodeDelivery codeDelivery() {
        return codeDelivery;
    }

    @Override
    public String postAuditRoot(ConversationRef where, LocalDate utcDay) {
        attempt(Call.POST_AUDIT_ROOT);
        String id = "root-" + ids.incrementAndGet();
        auditRoots.add(new AuditRoot(where, utcDay, id));
        return id;
    }

    @Override
    public void replyInAuditThread(ThreadRef thread, AuditEntry entry) {
        attempt(Call.REPLY_IN_AUDIT_THREAD);
        auditReplies.add(new AuditReply(thread, entry));
    }

    @Override
    public void postNotice(ConversationRef where, NoticeView notice) {
        attempt(Call.POST_NOTICE);
        notices.add(new PostedNotice(where, notice));
    }

    @Override
    public UpdateLimits updateLimits() {
        return limits;
    }

    @Override
    public String budgetScope(CardRef card) {
        return platform == Platform.SLACK
                ? "slack:" + card.conversation().workspace()
                : "teams:" + card.conversation().conversationId();
    }

    private void attempt(Call call) {
        calls.add(call);
        String[] failure = failures.get(call);
        if (failure != null) {
            throw new ChatPlatformException(failure[0], failure[1]);
        }
    }
}
