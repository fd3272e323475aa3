package io.dataops4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.bench.model.Run;
import io.dataops4j.bench.model.RunIf;
import io.dataops4j.bench.model.RunLifeCycleState;
import io.dataops4j.bench.model.RunResultState;
import io.dataops4j.bench.model.RunTask;
import io.dataops4j.bench.model.TriggerType;
import io.dataops4j.core.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's stacks make the same call and decode the same run; the benchmarks themselves never run here. */
class StacksTest {
    private static final String TOKEN = RunsGetBenchmark.TOKEN;

    @Test
    void everyStackGetsAndDecodesTheSameRun() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Bodies.runsGet(), Bodies.RUN_ID, TOKEN)) {
            List<Stack> stacks = List.of(
                    new OursStack(server.baseUrl(), TOKEN, Bodies.RUN_ID),
                    new PeerStack(server.baseUrl(), TOKEN, Bodies.RUN_ID),
                    new FloorStack(server.baseUrl(), TOKEN, Bodies.RUN_ID));
            try {
                long expected = Checksums.of(Json.shared().fromJson(new String(Bodies.runsGet(), StandardCharsets.UTF_8), Run.class));
                for (Stack s : stacks) {
                    assertEquals(expected, s.call(), s.name());
                    assertEquals(expected, s.call(), s.name() + ", second call on a kept-alive connection");
                }
                RunsGetBenchmark.verifySameAnswer(stacks);
                assertEquals(6 + 4, server.served());
                // the peer probes two discovery endpoints once, when its WorkspaceClient is built; nothing else is refused
                assertEquals(Map.of("GET /.well-known/databricks-config", 1L,
                        "GET /oidc/.well-known/oauth-authorization-server", 1L), server.refused());
            } finally {
                stacks.forEach(Stack::close);
            }
        }
    }

    @Test
    void theServerRefusesAnotherTokenRunOrPath() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Bodies.runsGet(), Bodies.RUN_ID, TOKEN)) {
            HttpClient client = HttpClient.newHttpClient();
            String runsGet = server.baseUrl() + LoopbackServer.PATH;
            assertEquals(404, status(client, runsGet + "?run_id=" + Bodies.RUN_ID, "Bearer wrong-token"));
            assertEquals(404, status(client, runsGet + "?run_id=1", "Bearer " + TOKEN));
            assertEquals(404, status(client, server.baseUrl() + "/api/2.2/jobs/get?run_id=" + Bodies.RUN_ID, "Bearer " + TOKEN));
            assertEquals(200, status(client, runsGet + "?run_id=" + Bodies.RUN_ID, "Bearer " + TOKEN));
            assertEquals(1, server.served());
            assertEquals(Map.of("GET " + LoopbackServer.PATH, 2L, "GET /api/2.2/jobs/get", 1L), server.refused());
        }
    }

    private static int status(HttpClient client, String url, String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theBodyIsAFiveKilobyteRunOfThreeNotebookTasks() {
        String pretty = Bodies.resource("runs-get.json");
        byte[] body = Bodies.runsGet();
        assertTrue(body.length > 4_500 && body.length < 5_500, "about 5 KB, was " + body.length);
        assertEquals(Json.shared().parseValue(pretty), Json.shared().parseValue(new String(body, StandardCharsets.UTF_8)));

        Run run = Json.shared().fromJson(new String(body, StandardCharsets.UTF_8), Run.class);
        assertEquals(912345678901234L, run.jobId());
        assertEquals(Bodies.RUN_ID, run.runId());
        assertEquals(RunLifeCycleState.TERMINATED, run.state().lifeCycleState());
        assertEquals(RunResultState.SUCCESS, run.state().resultState());
        assertEquals(TriggerType.PERIODIC, run.trigger());
        assertEquals(Instant.ofEpochMilli(1764297900123L), run.startTime());
        assertEquals(List.of("ingest_orders", "transform_sales", "train_churn_model"),
                run.tasks().stream().map(RunTask::taskKey).toList());
        RunTask transform = run.tasks().get(1);
        assertEquals("ingest_orders", transform.dependsOn().get(0).taskKey());
        assertEquals(RunIf.ALL_SUCCESS, transform.runIf());
        assertEquals("silver", transform.notebookTask().baseParameters().get("target_schema"));
        assertEquals(8, run.jobClusters().get(0).newCluster().autoscale().maxWorkers());
        assertEquals("prod", run.jobParameters().get(0).value());
        assertEquals("dev", run.jobParameters().get(0).defaultValue());
    }

    @Test
    void minifyDropsOnlyTheWhitespaceBetweenTokens() {
        assertEquals("{\"a b\":[1,\"x \\\" y\"],\"c\":{}}", Bodies.minify("{ \"a b\" : [ 1 ,\n \"x \\\" y\" ],\t\"c\": { } }"));
    }

    @Test
    void statsGiveTheMedianAndTheExtremes() {
        assertEquals(new Stats(2.0, 1.0, 9.0), Stats.of(new double[] {9, 1, 2}));
        assertEquals(new Stats(2.5, 1.0, 9.0), Stats.of(new double[] {9, 1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> Stats.of(new double[0]));
    }
}
