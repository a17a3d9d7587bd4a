package io.helpdeskverify.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs and reports every directory a customer is connected to (Microsoft 365 and/or Active
 * Directory). With one source the answer is that source's, unchanged; with none, the first
 * source's refusal (it says how to connect); with several, one report adding up their counters.
 */
public class EveryDirectorySync implements DirectorySync {

    private final List<DirectorySync> sources;

    /** @param sources the first one explains how to connect a customer that has none */
    public EveryDirectorySync(List<DirectorySync> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one directory source");
        }
        this.sources = List.copyOf(sources);
    }

    @Override
    public String name() {
        return "every directory";
    }

    @Override
    public List<SourceReport> bySource(String customerSlug) {
        return connectedSources(customerSlug).stream().flatMap(s -> s.bySource(customerSlug).stream()).toList();
    }

    @Override
    public boolean connected(String customerSlug) {
        return sources.stream().anyMatch(s -> s.connected(customerSlug));
    }

    @Override
    public SyncStart start(String customerSlug, String requestedBy) {
        var connected = connectedSources(customerSlug);
        if (connected.isEmpty()) {
            return sources.get(0).start(customerSlug, requestedBy);
        }
        if (connected.size() == 1) {
            return connected.get(0).start(customerSlug, requestedBy);
        }
        var starts = connected.stream().map(s -> s.start(customerSlug, requestedBy)).toList();
        var refusals = starts.stream().filter(SyncStart.Refused.class::isInstance).map(SyncStart.Refused.class::cast)
                .map(SyncStart.Refused::message).toList();
        if (refusals.size() == starts.size()) {
            return new SyncStart.Refused(String.join(" ", refusals));
        }
        var reports = new ArrayList<SyncReport>();
        var pushedMessages = new ArrayList<String>();
        boolean anyStarted = false;
        boolean anyRunning = false;
        for (var s : starts) {
            if (s instanceof SyncStart.Started started) {
                anyStarted = true;
                reports.add(started.report());
            } else if (s instanceof SyncStart.AlreadyRunning running) {
                anyRunning = true;
                running.report().ifPresent(reports::add);
            } else if (s instanceof SyncStart.Pushed pushed) {
                // An agent's last push counts like the others' reports; nothing was started for it.
                pushed.report().ifPresent(reports::add);
                pushedMessages.add(pushed.message());
            }
        }
        var merged = merge(reports, refusals);
        if (anyStarted) {
            return new SyncStart.Started(merged.orElseThrow());
        }
        if (anyRunning) {
            return new SyncStart.AlreadyRunning(merged);
        }
        return new SyncStart.Pushed(merged, String.join(" ", pushedMessages));
    }

    @Override
    public Optional<SyncReport> last(String customerSlug) {
        var connected = connectedSources(customerSlug);
        if (connected.size() <= 1) {
            return (connected.isEmpty() ? sources.get(0) : connected.get(0)).last(customerSlug);
        }
        return merge(connected.stream().map(s -> s.last(customerSlug)).flatMap(Optional::stream).toList(), List.of());
    }

    private List<DirectorySync> connectedSources(String customerSlug) {
        return sources.stream().filter(s -> s.connected(customerSlug)).toList();
    }

    /**
     * Running while any runs; failed if any failed (each error kept); FULL if any source did a
     * full pass; the earliest start and, once all are done, the latest finish.
     */
    static Optional<SyncReport> merge(List<SyncReport> reports, List<String> refusals) {
        if (reports.isEmpty()) {
            return Optional.empty();
        }
        var state = reports.stream().anyMatch(r -> r.state() == SyncReport.State.RUNNING) ? SyncReport.State.RUNNING
                : reports.stream().anyMatch(r -> r.state() == SyncReport.State.FAILED) || !refusals.isEmpty()
                        ? SyncReport.State.FAILED : SyncReport.State.SUCCEEDED;
        var mode = reports.stream().anyMatch(r -> r.mode() == SyncReport.Mode.FULL) ? SyncReport.Mode.FULL
                : SyncReport.Mode.DELTA;
        Instant startedAt = reports.stream().map(SyncReport::startedAt).min(Comparator.naturalOrder()).orElseThrow();
        Optional<Instant> finishedAt = state == SyncReport.State.RUNNING ? Optional.empty()
                : reports.stream().map(SyncReport::finishedAt).flatMap(Optional::stream).max(Comparator.naturalOrder());
        var rejected = new ArrayList<SyncReport.Rejected>();
        reports.forEach(r -> rejected.addAll(r.rejected()));
        var errors = new ArrayList<String>();
        reports.forEach(r -> r.error().ifPresent(errors::add));
        errors.addAll(refusals);
        return Optional.of(new SyncReport(state, mode, reports.get(0).requestedBy(), startedAt, finishedAt,
                reports.stream().mapToInt(SyncReport::added).sum(), reports.stream().mapToInt(SyncReport::updated).sum(),
                reports.stream().mapToInt(SyncReport::disabled).sum(),
                rejected.size() > SyncReport.MAX_REJECTED ? rejected.subList(0, SyncReport.MAX_REJECTED) : rejected,
                errors.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", errors))));
    }
}
