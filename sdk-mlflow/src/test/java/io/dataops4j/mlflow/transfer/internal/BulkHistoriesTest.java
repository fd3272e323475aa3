package io.dataops4j.mlflow.transfer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.Runs;
import io.dataops4j.testkit.MlflowServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Histories read across runs against a real server: the same points as run by run, fewer requests, bounded memory. */
class BulkHistoriesTest {
    private final MlflowClient mlflow = MlflowClient.of(MlflowServer.shared().trackingUri());
    private final Runs runs = mlflow.runs();

    /** Runs with 1 to 3 keys; run 5 has a history longer than any answer the budget allows. */
    private List<Run> seed(int count, int longRun) {
        String exp = mlflow.experiments().create("bulk-" + UUID.randomUUID());
        List<Run> out = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Run run = runs.create(exp, "r" + r);
            List<Metric> points = new ArrayList<>();
            for (int k = 0; k <= r % 3; k++) {
                int n = r == longRun && k == 0 ? 2_600 : 5 + r;
                for (int i = 0; i < n; i++) {
                    double v = i == 2 ? Double.NaN : (k + 1) * 1.0 / (i + 1);
                    points.add(Metric.of("m" + k, v, 1_700_000_000_000L + i / 3, i % 7 == 0 ? i : i / 2));
                }
            }
            runs.logMetrics(run.id(), points);
            out.add(runs.get(run.id()));
        }
        return out;
    }

    private static List<String> render(Stream<Metric> s) {
        try (s) {
            return s.map(m -> m.key() + "@" + m.timestamp() + "/" + m.step() + "=" + Double.doubleToLongBits(m.value())).toList();
        }
    }

    @Test
    void readsEveryPointOnceAcrossRunsWithinABudget() throws Exception {
        List<Run> seeded = seed(12, 5);
        ServerSource bulk = new ServerSource(mlflow, 50, true);        // budget 40 x 50 = 2,000 points
        ServerSource plain = new ServerSource(mlflow, 50, false);
        for (Run r : seeded) {
            bulk.expect(new SourceRun(r, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (Run r : seeded) {
                jobs.add(pool.submit(() -> {
                    SourceRun s = new SourceRun(r, null);
                    assertEquals(render(plain.metrics(s)), render(bulk.metrics(s)), "run " + r.info().runName());
                    bulk.release(r.id());
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(0, bulk.heldPoints(), "nothing is left behind");
        // 24 (run, key) histories; the long run's estimate (2,600 points) is over half the budget, so the runs form
        // three groups (before it, it, after it), each read with one request per key it has
        long histories = seeded.stream().mapToLong(r -> r.data().metrics().size()).sum();
        assertEquals(24, histories);
        assertTrue(bulk.bulkRequests() <= 9, "bulk requests: " + bulk.bulkRequests());
    }

    @Test
    void releasedRunsDropWhatWasReadForThem() {
        List<Run> seeded = seed(4, -1);
        ServerSource bulk = new ServerSource(mlflow, 25_000, true);
        seeded.forEach(r -> bulk.expect(new SourceRun(r, null)));
        SourceRun first = new SourceRun(seeded.get(0), null);
        assertEquals(render(new ServerSource(mlflow, 100).history(first, "m0")), render(bulk.history(first, "m0")));
        assertTrue(bulk.heldPoints() > 0, "the other runs' m0 waits");
        seeded.forEach(r -> bulk.release(r.id()));
        assertEquals(0, bulk.heldPoints());
        assertEquals(1, bulk.bulkRequests());
    }

    @Test
    void aServerWithoutTheEndpointIsReadPageByPage() {
        List<Run> seeded = seed(2, -1);
        // under a path the server does not serve, the bulk call answers 404
        MlflowClient elsewhere = MlflowClient.of(MlflowServer.shared().trackingUri() + "/no-such-prefix");
        BulkHistories histories = new BulkHistories(elsewhere.runs(), 1_000_000);
        SourceRun s = new SourceRun(seeded.get(0), null);
        histories.expect(s);
        assertNull(histories.take(s, "m0"), "the caller reads it page by page");
        assertFalse(histories.enabled(), "and so do all later reads");
    }
}
