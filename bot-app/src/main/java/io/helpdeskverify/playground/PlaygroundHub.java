package io.helpdeskverify.playground;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the playground's fake Slack workspace and fake Teams tenant hold, in memory (the playground
 * is one process on one laptop), and the browser tabs to tell when it changes.
 */
class PlaygroundHub implements AutoCloseable {

    private final List<SlackMessage> slack = new CopyOnWriteArrayList<>();
    private final List<TeamsActivity> teams = new CopyOnWriteArrayList<>();
    private final List<SseEmitter> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong(1_800_000_000_000L);
    private final AtomicBoolean dirty = new AtomicBoolean();
    // Pages are told at most every 100 ms, off the caller's thread: a slow browser never slows the bot.
    private final ScheduledExecutorService notifier = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "playground-sse");
        t.setDaemon(true);
        return t;
    });

    PlaygroundHub() {
        notifier.scheduleWithFixedDelay(this::notifyPages, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** A Slack-style ts: seconds.micros, unique and increasing. */
    String nextTs() {
        long n = sequence.incrementAndGet();
        return (n / 1_000) + "." + String.format("%06d", (n % 1_000) * 1000);
    }

    String nextId() {
        return Long.toString(sequence.incrementAndGet(), 36);
    }

    void addSlack(SlackMessage m) {
        slack.add(m);
        changed();
    }

    Optional<SlackMessage> slackMessage(String channel, String ts) {
        return slack.stream().filter(m -> m.channel().equals(channel) && m.ts().equals(ts)).findFirst();
    }

    void replaceSlack(SlackMessage old, SlackMessage updated) {
        slack.replaceAll(m -> m == old ? updated : m);
        changed();
    }

    List<SlackMessage> slackMessages() {
        return List.copyOf(slack);
    }

    void addTeams(TeamsActivity a) {
        teams.add(a);
        changed();
    }

    boolean replaceTeams(String conversationId, String activityId, JsonNode activity) {
        boolean[] found = {false};
        teams.replaceAll(a -> {
            if (a.conversationId().equals(conversationId) && a.id().equals(activityId)) {
                found[0] = true;
                return new TeamsActivity(a.conversationId(), a.id(), a.replyToId(), activity, Instant.now());
            }
            return a;
        });
        changed();
        return found[0];
    }

    List<TeamsActivity> teamsActivities() {
        return List.copyOf(teams);
    }

    void clear() {
        slack.clear();
        teams.clear();
        changed();
    }

    SseEmitter listen() {
        var emitter = new SseEmitter(0L);
        listeners.add(emitter);
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(e -> listeners.remove(emitter));
        try {
            // Sent at once so the browser sees the stream open (headers are flushed with the first event).
            emitter.send(SseEmitter.event().name("hello").data("1"));
        } catch (IOException e) {
            listeners.remove(emitter);
        }
        return emitter;
    }

    /** Marks the state changed; the pages hear of it within 100 ms. */
    void changed() {
        dirty.set(true);
    }

    private void notifyPages() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        var gone = new ArrayList<SseEmitter>();
        for (SseEmitter e : listeners) {
            try {
                e.send(SseEmitter.event().name("changed").data("1"));
            } catch (IOException | IllegalStateException ex) {
                gone.add(e);
            }
        }
        listeners.removeAll(gone);
    }

    @Override
    public void close() {
        notifier.shutdownNow();
        listeners.forEach(SseEmitter::complete);
    }

    /**
     * @param visibleTo the only user who sees it (an ephemeral message), empty for everyone
     * @param threadTs the parent message when this is a thread reply, empty otherwise
     */
    record SlackMessage(String channel, String ts, String threadTs, String visibleTo, String text, JsonNode blocks,
                        Instant at) {}

    record TeamsActivity(String conversationId, String id, String replyToId, JsonNode activity, Instant at) {}
}
