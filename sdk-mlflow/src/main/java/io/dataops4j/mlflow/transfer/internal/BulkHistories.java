package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.core.error.ServiceException;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Runs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metric histories of many runs read with one request per metric key and group of runs (the server's
 * {@code get-history-bulk}), instead of one request per key and run.
 *
 * <p>The transfer announces the runs it is about to copy ({@link #expect}); they are gathered into groups of up to
 * {@value Runs#MAX_BULK_RUNS}. The first time a run of a group asks for a key, that key is read for every run of the
 * group that has it; the points wait, packed in primitive arrays, until their run asks for them or is done
 * ({@link #release}). What is held is bounded by a point budget, not by the number of runs or points: when the
 * budget is spent, or a history is longer than one answer, or the server has no bulk endpoint, the run reads that
 * key page by page as before ({@link #take} answers null).
 */
final class BulkHistories {
    private static final Logger LOG = LoggerFactory.getLogger(BulkHistories.class);
    /** Below this many free points a bulk read is not worth it. */
    private static final int MIN_READ = 1_000;

    private final Runs runs;
    private final long budget;
    private final AtomicLong held = new AtomicLong();
    private final Map<String, Group> groupOf = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;
    private Group open;   // guarded by this
    final AtomicLong requests = new AtomicLong();

    /**
     * @param runs   the source's runs API
     * @param budget the most points held at once
     */
    BulkHistories(Runs runs, long budget) {
        this.runs = runs;
        this.budget = budget;
    }

    /** Whether the bulk endpoint is (still) used. */
    boolean enabled() {
        return enabled;
    }

    /** The points held now. */
    long held() {
        return held.get();
    }

    /** Announces a run whose histories will be read soon. */
    void expect(SourceRun run) {
        if (!enabled || groupOf.containsKey(run.id())) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        long estimate = 0;
        for (Metric m : run.run().data().metrics()) {
            if (m.datasetName() != null || m.datasetDigest() != null || m.modelId() != null) {
                return;   // MLflow 3 fields the bulk answer does not carry: read page by page
            }
            if (keys.add(m.key())) {
                estimate += Math.max(1, m.step() + 1);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (open == null || open.sealed || open.keysByRun.size() >= Runs.MAX_BULK_RUNS
                    || (open.estimate + estimate > budget / 2 && !open.keysByRun.isEmpty())) {
                open = new Group();
            }
            open.keysByRun.put(run.id(), keys);
            open.estimate += estimate;
            groupOf.put(run.id(), open);
        }
    }

    /** Forgets a run: whatever is still held for it is dropped. */
    void release(String runId) {
        Group g = groupOf.remove(runId);
        if (g == null) {
            return;
        }
        g.released.add(runId);
        Set<String> keys = g.keysByRun.get(runId);
        if (keys != null) {
            for (String k : keys) {
                drop(g.points.remove(slot(runId, k)));
            }
        }
    }

    /** The history of a key of a run from a bulk read, or null when the caller must read it page by page. */
    Stream<Metric> take(SourceRun run, String key) {
        Group g = groupOf.get(run.id());
        if (g == null || !enabled) {
            return null;
        }
        Points p = g.points.remove(slot(run.id(), key));
        if (p == null) {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> other = g.fetched.putIfAbsent(key, mine);
            if (other == null) {
                try {
                    fetch(g, key, run.id());
                } finally {
                    mine.complete(null);
                }
            } else {
                other.join();
            }
            p = g.points.remove(slot(run.id(), key));
        }
        if (p == null) {
            return null;
        }
        drop(p);
        return p.stream();
    }

    private void fetch(Group g, String key, String asking) {
        synchronized (this) {
            g.sealed = true;
            if (open == g) {
                open = null;
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        ids.add(asking);
        for (Map.Entry<String, Set<String>> e : g.keysByRun.entrySet()) {
            if (e.getValue().contains(key) && !g.released.contains(e.getKey())) {
                ids.add(e.getKey());
            }
        }
        while (!ids.isEmpty() && enabled) {
            long free = budget - held.get();
            if (free < MIN_READ) {
                LOG.debug("Metric histories: {} points held, reading '{}' of {} runs page by page", held.get(), key, ids.size());
                return;
            }
            int max = (int) Math.min(Runs.MAX_BULK_POINTS, free);
            List<Metric> answer;
            try {
                requests.incrementAndGet();
                answer = runs.metricHistoryBulk(ids, key, max);
            } catch (ServiceException e) {
                if (e.status() >= 500 || e.status() == 429) {
                    throw e;   // transient ones were retried already: fail the run, the copy can be re-run
                }
                enabled = false;
                LOG.info("The source has no usable metrics/get-history-bulk ({}); reading histories page by page", e.getMessage());
                return;
            }
            Map<String, List<Metric>> byRun = new LinkedHashMap<>();
            for (Metric m : answer) {
                byRun.computeIfAbsent(m.runId(), k -> new ArrayList<>()).add(m);
            }
            boolean truncated = byRun.values().stream().mapToInt(List::size).sum() >= max;
            String last = truncated ? lastKey(byRun) : null;
            Set<String> next = new LinkedHashSet<>();
            for (String id : ids) {
                List<Metric> points = byRun.get(id);
                if (truncated && (points == null || id.equals(last))) {
                    next.add(id);   // not answered, or maybe cut short: ask again
                    continue;
                }
                store(g, id, key, points == null ? List.of() : points);
            }
            if (truncated && byRun.size() == 1) {
                next.remove(last);   // one history longer than an answer: that run reads it page by page
            }
            ids = next;
        }
    }

    private static String lastKey(Map<String, List<Metric>> byRun) {
        String last = null;
        for (String k : byRun.keySet()) {
            last = k;
        }
        return last;
    }

    private void store(Group g, String runId, String key, List<Metric> points) {
        if (g.released.contains(runId)) {
            return;
        }
        int n = points.size();
        long[] timestamps = new long[n];
        long[] steps = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            Metric m = points.get(i);
            timestamps[i] = m.timestamp();
            steps[i] = m.step();
            values[i] = m.value();
        }
        held.addAndGet(n);
        Points old = g.points.put(slot(runId, key), new Points(key, timestamps, steps, values));
        drop(old);
        if (g.released.contains(runId)) {
            drop(g.points.remove(slot(runId, key)));
        }
    }

    private void drop(Points p) {
        if (p != null) {
            held.addAndGet(-p.size());
        }
    }

    private static String slot(String runId, String key) {
        return runId + '\u0000' + key;
    }

    /** Runs announced together; each key is read once for all of them. */
    private static final class Group {
        final Map<String, Set<String>> keysByRun = new ConcurrentHashMap<>();
        final Set<String> released = Collections.newSetFromMap(new ConcurrentHashMap<>());
        final Map<String, CompletableFuture<Void>> fetched = new ConcurrentHashMap<>();
        final Map<String, Points> points = new ConcurrentHashMap<>();
        long estimate;       // guarded by BulkHistories.this
        boolean sealed;      // guarded by BulkHistories.this
    }

    /** One run's history of one key, packed. */
    private record Points(String key, long[] timestamps, long[] steps, double[] values) {
        int size() {
            return steps.length;
        }

        Stream<Metric> stream() {
            return IntStream.range(0, steps.length)
                    .mapToObj(i -> new Metric(key, values[i], timestamps[i], steps[i], null, null, null, null));
        }
    }
}
