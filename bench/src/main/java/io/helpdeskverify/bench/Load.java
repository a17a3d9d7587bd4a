package io.helpdeskverify.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The load scenarios: slash-command acks next to the bare endpoint, and full verifications end to end. */
final class Load {

    private static final long SIGNAL_TIMEOUT_MS = 30_000;

    /**
     * @param failedAcks commands or pings not answered 200/204
     * @param unfinished verifications whose push never came within 120 s: the flood's backlog outlived their countdown
     */
    record AckLevel(int concurrency, int commands, Latencies ack, Latencies ping, Latencies toProvider, int failedAcks,
                    int unfinished, double seconds) {}

    record Throughput(int lanes, double seconds, long completed, long failed, Latencies full, Latencies ack,
                      Latencies toProvider, double minPerSecond, double maxPerSecond, Stages stages) {}

    /** Where the time of one verification goes, each measured by the bench's own clock. */
    record Stages(Latencies toCard, Latencies answerToCard, Latencies clickToFinalCard) {
        Stages() {
            this(new Latencies(), new Latencies(), new Latencies());
        }
    }

    private final BotClient bot;
    private final FakeServices fakes;
    private final Seeder.Pool users;

    Load(BotClient bot, FakeServices fakes, Seeder.Pool users) {
        this.bot = bot;
        this.fakes = fakes;
        this.users = users;
    }

    /**
     * {@code n} threads send {@code /verify user --push} back to back while {@code n} other threads
     * hit {@code GET /ping} at the same time, so both see the same machine. Each push is approved
     * by the "app" as it arrives; the level ends when all are answered and the bot is quiet.
     */
    AckLevel ackLevel(int n, int commands) throws InterruptedException {
        var ack = new Latencies();
        var ping = new Latencies();
        var toProvider = new Latencies();
        var errors = new AtomicInteger();
        var unfinished = new AtomicInteger();
        var sent = new AtomicInteger();
        var answered = new CountDownLatch(commands);
        var commandsDone = new CountDownLatch(n);
        ExecutorService answers = Executors.newFixedThreadPool(8);
        ExecutorService drivers = Executors.newFixedThreadPool(2 * n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String channel = "CACK" + n + "X" + i;
            drivers.execute(() -> {
                try {
                    while (sent.getAndIncrement() < commands) {
                        var user = users.next();
                        long t0 = System.nanoTime();
                        fakes.expectPush(user.fcmToken(), push -> {
                            toProvider.add(push.nanos() - t0);
                            answers.execute(() -> {
                                try {
                                    if (bot.answer(push.challengeId(), user.deviceSecret(), "approve") != 200) {
                                        unfinished.incrementAndGet();
                                    }
                                } catch (RuntimeException e) {
                                    unfinished.incrementAndGet();
                                } finally {
                                    answered.countDown();
                                }
                            });
                        });
                        int status = bot.slashCommand(user.username() + "@" + user.customer() + " --push", channel,
                                "UACK" + channel, "ack-tech");
                        ack.add(System.nanoTime() - t0);
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                } finally {
                    commandsDone.countDown();
                }
            });
            drivers.execute(() -> {
                while (commandsDone.getCount() > 0) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = bot.ping();
                    } catch (RuntimeException e) {
                        status = -1;
                    }
                    ping.add(System.nanoTime() - t0);
                    if (status != 204) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        commandsDone.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!answered.await(120, TimeUnit.SECONDS)) {
            unfinished.addAndGet((int) answered.getCount());
        }
        drivers.shutdown();
        answers.shutdown();
        awaitQuiet();
        return new AckLevel(n, commands, ack, ping, toProvider, errors.get(), unfinished.get(), seconds);
    }

    /**
     * {@code lanes} technicians, each in its own channel, each running push + code verifications one
     * after the other: command → card → push → the user approves → the card asks the technician →
     * Approve → the final card. Counts those that end inside the measured window.
     */
    Throughput fullVerifications(int lanes, int warmupSeconds, int seconds) throws InterruptedException {
        var full = new Latencies();
        var ack = new Latencies();
        var toProvider = new Latencies();
        var stages = new Stages();
        var completed = new AtomicLong();
        var failed = new AtomicLong();
        var outOfUsers = new java.util.concurrent.atomic.AtomicReference<Seeder.OutOfUsers>();
        var lastError = new AtomicReference<String>("");
        long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        var perSecond = new AtomicLong[seconds];
        for (int i = 0; i < seconds; i++) {
            perSecond[i] = new AtomicLong();
        }
        ExecutorService drivers = Executors.newFixedThreadPool(lanes);
        for (int i = 0; i < lanes; i++) {
            var lane = new Lane("CFULL" + i, "UTECH" + i);
            fakes.register(lane);
            drivers.execute(() -> {
                while (System.nanoTime() < measureTo) {
                    try {
                        long t0 = System.nanoTime();
                        boolean measured = t0 >= measureFrom;
                        verifyOnce(lane, measured ? ack : null, measured ? toProvider : null, measured ? stages : null);
                        long end = System.nanoTime();
                        if (end >= measureFrom && end < measureTo) {
                            completed.incrementAndGet();
                            perSecond[(int) ((end - measureFrom) / 1_000_000_000L)].incrementAndGet();
                            if (measured) {
                                full.add(end - t0);
                            }
                        }
                    } catch (Seeder.OutOfUsers e) {
                        outOfUsers.set(e);
                        return;
                    } catch (RuntimeException | InterruptedException e) {
                        failed.incrementAndGet();
                        lastError.set(e.toString());
                        lane.clear();
                    }
                }
            });
        }
        drivers.shutdown();
        drivers.awaitTermination(seconds + warmupSeconds + 120L, TimeUnit.SECONDS);
        if (outOfUsers.get() != null) {
            throw outOfUsers.get();
        }
        if (failed.get() > 0) {
            System.out.println("  failed verifications: " + failed.get() + ", last: " + lastError.get());
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (var c : perSecond) {
            min = Math.min(min, c.get());
            max = Math.max(max, c.get());
        }
        awaitQuiet();
        return new Throughput(lanes, seconds, completed.get(), failed.get(), full, ack, toProvider, min, max, stages);
    }

    private void verifyOnce(Lane lane, Latencies ack, Latencies toProvider, Stages stages) throws InterruptedException {
        lane.clear();
        var user = users.next();
        fakes.expectPush(user.fcmToken(), lane::offer);
        long t0 = System.nanoTime();
        int status = bot.slashCommand(user.username() + "@" + user.customer() + " --push-code", lane.channel,
                lane.technicianId, "tech-" + lane.technicianId);
        if (ack != null) {
            ack.add(System.nanoTime() - t0);
        }
        if (status != 200) {
            throw new IllegalStateException("/verify answered " + status);
        }
        String challengeId = null;
        String cardTs = null;
        String verificationId = null;
        while (challengeId == null || cardTs == null) {
            Lane.Signal s = lane.next(SIGNAL_TIMEOUT_MS);
            if (s instanceof Lane.PushReceived push) {
                challengeId = push.challengeId();
                if (toProvider != null) {
                    toProvider.add(push.nanos() - t0);
                }
            } else if (s instanceof Lane.CardPosted card) {
                cardTs = card.ts();
                verificationId = card.verificationId();
                if (stages != null) {
                    stages.toCard().add(card.nanos() - t0);
                }
            }
        }
        long answered = System.nanoTime();
        int answer = bot.answer(challengeId, user.deviceSecret(), "approve");
        if (answer != 200) {
            throw new IllegalStateException("the app's approve answered " + answer);
        }
        long asked = awaitUpdate(lane, cardTs, false);
        if (stages != null) {
            stages.answerToCard().add(asked - answered);
        }
        long clicked = System.nanoTime();
        int click = bot.click("hv_approve", verificationId, lane.channel, cardTs, lane.technicianId,
                "tech-" + lane.technicianId);
        if (click != 200) {
            throw new IllegalStateException("Approve answered " + click);
        }
        long closed = awaitUpdate(lane, cardTs, true);
        if (stages != null) {
            stages.clickToFinalCard().add(closed - clicked);
        }
    }

    /** When the fake received the update that shows the wanted state. */
    private static long awaitUpdate(Lane lane, String cardTs, boolean closed) throws InterruptedException {
        while (true) {
            Lane.Signal s = lane.next(SIGNAL_TIMEOUT_MS);
            if (s instanceof Lane.CardUpdated u && u.ts().equals(cardTs)
                    && (closed ? u.closed() : u.awaitingTechnician())) {
                return u.nanos();
            }
        }
    }

    /**
     * {@code count} verifications the users never answer, for the memory per live verification.
     * Returns the pushes (verification and challenge ids) once all were sent and the bot is quiet.
     */
    List<Lane.PushReceived> liveVerifications(int count, int threads) throws InterruptedException {
        var pushes = java.util.Collections.synchronizedList(new ArrayList<Lane.PushReceived>());
        var received = new CountDownLatch(count);
        var sent = new AtomicInteger();
        ExecutorService drivers = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            String channel = "CLIVE" + i;
            drivers.execute(() -> {
                while (sent.getAndIncrement() < count) {
                    var user = users.next();
                    fakes.expectPush(user.fcmToken(), p -> {
                        pushes.add(p);
                        received.countDown();
                    });
                    bot.slashCommand(user.username() + "@" + user.customer() + " --push-code", channel, "ULIVE" + channel,
                            "live-tech");
                }
            });
        }
        drivers.shutdown();
        if (!received.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (count - received.getCount()) + " of " + count + " pushes arrived");
        }
        awaitQuiet();
        return pushes;
    }

    /** Until the bot has called none of the fakes for half a second (at most 30 s). */
    void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() - fakes.lastRequestNanos < TimeUnit.MILLISECONDS.toNanos(500)
                && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
