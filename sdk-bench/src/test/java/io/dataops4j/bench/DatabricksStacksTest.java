package io.dataops4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sdk-databricks benchmarks compare like with like: every stack decodes the same data. */
class DatabricksStacksTest {
    @Test
    void runsGetThroughTheFullClientsAgree() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Bodies.runsGet(), Bodies.RUN_ID, RunsGetBenchmark.TOKEN)) {
            List<Stack> stacks = List.of(new DbxRunsGetStack(server.baseUrl(), RunsGetBenchmark.TOKEN, Bodies.RUN_ID),
                    new PeerStack(server.baseUrl(), RunsGetBenchmark.TOKEN, Bodies.RUN_ID),
                    new OursStack(server.baseUrl(), RunsGetBenchmark.TOKEN, Bodies.RUN_ID));
            try {
                RunsGetBenchmark.verifySameAnswer(stacks);
            } finally {
                stacks.forEach(Stack::close);
            }
        }
    }

    @Test
    void statementReadersReadTheSameRowsWithoutAuthorizationOnLinks() throws Exception {
        try (StatementServer server = new StatementServer(3, 2_000, RunsGetBenchmark.TOKEN)) {
            long expected = 0;
            for (long id = 0; id < 2_000; id++) {
                expected = StatementStacks.mix(expected, id, ("name-" + id).length(), id * 0.5);
            }
            expected *= 3;
            try (StatementStacks.Reader ours = new StatementStacks.Ours(server.baseUrl(), RunsGetBenchmark.TOKEN);
                 StatementStacks.Reader peer = new StatementStacks.Peer(server.baseUrl(), RunsGetBenchmark.TOKEN)) {
                assertEquals(expected, ours.readAll());
                assertEquals(expected, peer.readAll());
            }
            assertEquals(6, server.linkRequests.sum());
            assertEquals(0, server.linkRequestsWithAuthorization.sum());
        }
    }
}
