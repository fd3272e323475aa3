package io.dataops4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.testkit.MlflowServer;
import io.dataops4j.testkit.MlflowServerExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MLflow benchmark's two stacks do the same work on a real server (the testkit's shared one), its checks catch a
 * wrong outcome, and its request count comes from the server's access log. The benchmark itself never runs here.
 */
@ExtendWith(MlflowServerExtension.class)
class MlflowStacksTest {
    @Test
    void bothStacksLogTheSamePointsInTheSameNumberOfRequests(MlflowServer server) {
        ServerLog log = new ServerLog(server.logFile());
        try (OursMlflowStack ours = new OursMlflowStack(server.trackingUri());
             PeerMlflowStack peer = new PeerMlflowStack(server.trackingUri())) {
            String experiment = ours.client().experiments().create("bench-test-log-" + System.nanoTime());
            MlflowBenchmark.Operation op = MlflowBenchmark.logOperation(ours.client(), experiment, 2, 1_500);
            assertEquals("log 3,000 points", op.name());
            for (MlflowStack stack : List.of(ours, peer)) {
                String runId = op.prepare(stack, 0);
                long from = log.mark();
                Object requests = op.execute(stack, runId);
                ServerLog.Requests logged = log.between(from, log.mark());
                assertEquals(3, requests, stack.name());
                assertEquals(3, logged.count(), stack.name() + ": " + logged);
                assertEquals(Map.of("POST /api/2.0/mlflow/runs/log-batch 200", 3L), logged.byRequest(), stack.name());
                op.check(stack, runId, requests);   // every point read back, in order
                List<Metric> m1 = ours.client().runs().metricHistory(runId, "m1").toList();
                assertEquals(1_500, m1.size());
                assertEquals(MlflowStack.value(1, 1_499), m1.get(1_499).value());
            }
            String empty = op.prepare(ours, 1);
            IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> op.check(ours, empty, 0));
            assertTrue(wrong.getMessage().contains("logged 0 points of m0"), wrong.getMessage());
        }
    }

    @Test
    void bothStacksDecodeTheSameRunsPageByPage(MlflowServer server) {
        ServerLog log = new ServerLog(server.logFile());
        try (OursMlflowStack ours = new OursMlflowStack(server.trackingUri());
             PeerMlflowStack peer = new PeerMlflowStack(server.trackingUri())) {
            String experiment = MlflowBenchmark.seed(ours.client(), 30);
            MlflowChecksum expected = ours.searchRuns(experiment, 1_000);
            assertEquals(30, expected.runs());
            MlflowBenchmark.Operation op = MlflowBenchmark.searchOperation(experiment, 30, 7, expected);
            for (MlflowStack stack : List.of(ours, peer)) {
                long from = log.mark();
                Object outcome = op.execute(stack, experiment);
                ServerLog.Requests logged = log.between(from, log.mark());
                assertEquals(expected, outcome, stack.name());
                op.check(stack, experiment, outcome);
                assertEquals(Map.of("POST /api/2.0/mlflow/runs/search 200", 5L), logged.byRequest(), stack.name() + ": " + logged);
            }
            MlflowBenchmark.Operation other = MlflowBenchmark.searchOperation(experiment, 30, 7, new MlflowChecksum(30, 1));
            assertThrows(IllegalStateException.class, () -> other.check(peer, experiment, expected));
        }
    }

    @Test
    void aMeasuredExecutionCountsRequestsAndCosts(MlflowServer server) {
        ServerLog log = new ServerLog(server.logFile());
        try (PeerMlflowStack peer = new PeerMlflowStack(server.trackingUri());
             OursMlflowStack ours = new OursMlflowStack(server.trackingUri())) {
            String experiment = ours.client().experiments().create("bench-test-once-" + System.nanoTime());
            MlflowBenchmark.Sample s = MlflowBenchmark.once(MlflowBenchmark.logOperation(ours.client(), experiment, 1, 2_001),
                    peer, 0, log, server);
            assertEquals(3, s.requests());
            assertTrue(s.connections() >= 1 && s.connections() <= 3, s::toString);
            assertTrue(s.callerCpuMs() > 0 && s.callerAllocMb() > 0 && s.wallMs() > 0, s::toString);
        }
    }
}
