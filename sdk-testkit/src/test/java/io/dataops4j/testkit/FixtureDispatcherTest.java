package io.dataops4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.DataOpsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureDispatcherTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Path MORE = Path.of("src/test/resources/fixtures/more");

    private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        client.connectionPool().evictAll();
    }

    private Reply get(String target, String... headers) throws IOException {
        Request.Builder builder = new Request.Builder().url(server.url(target));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return call(builder.build());
    }

    private Reply post(String target, String json) throws IOException {
        return call(new Request.Builder().url(server.url(target)).post(RequestBody.create(json, JSON)).build());
    }

    private Reply call(Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            return new Reply(response.code(), response.header("Content-Type"), response.header("x-request-id"),
                    response.header("Retry-After"), response.body().string());
        }
    }

    private record Reply(int status, String contentType, String requestId, String retryAfter, String body) {
    }

    @Test
    void answersAMatchingRequestWithTheFixtureBodyByteForByte() throws IOException {
        FixtureDispatcher fixtures = FixtureDispatcher.fromClasspath("fixtures/jobs.json");
        server.setDispatcher(fixtures);

        Reply reply = get("/api/2.2/jobs/get?job_id=1&unrelated=x", "Authorization", "Bearer dapi-fixture-token");

        assertEquals(200, reply.status());
        assertEquals("req-1", reply.requestId());
        assertEquals("application/json", reply.contentType());
        // the raw text of the file: the 19-digit id is not rounded through a double
        assertEquals("{\"job_id\": 1234567890123456789, \"settings\": {\"name\": \"nightly-etl\"}}", reply.body());
        fixtures.assertAllMatched();
        assertEquals(1, fixtures.servedCount("get job"));
        assertEquals(1, fixtures.requestCount());
        RecordedRequest recorded = fixtures.requests().get(0);
        assertEquals("GET", recorded.getMethod());
        assertEquals("x", recorded.getUrl().queryParameter("unrelated"));
    }

    @Test
    void comparesJsonBodiesByValue() throws IOException {
        FixtureDispatcher fixtures = FixtureDispatcher.fromClasspath("/fixtures/jobs.json");
        server.setDispatcher(fixtures);

        // other key order, 1.0 for 1, extra whitespace: still the same JSON value
        Reply reply = post("/api/2.2/jobs/run-now", "{ \"job_parameters\": {\"day\":\"2024-01-01\"}, \"job_id\": 1.0 }");

        assertEquals(200, reply.status());
        assertEquals("{\"run_id\": 7, \"number_in_job\": 1}", reply.body());
        fixtures.assertAllMatched();
    }

    @Test
    void reportsTheClosestFixtureAndEachDifference() throws IOException {
        FixtureDispatcher fixtures = FixtureDispatcher.fromClasspath("fixtures/jobs.json");
        server.setDispatcher(fixtures);

        Reply reply = post("/api/2.2/jobs/run-now", "{\"job_id\": 2, \"job_parameters\": {\"day\": \"2024-01-01\"}, \"x\": true}");

        assertEquals(FixtureDispatcher.UNMATCHED_STATUS, reply.status());
        assertTrue(reply.body().contains("No fixture matches POST /api/2.2/jobs/run-now"), reply.body());
        assertTrue(reply.body().contains("closest is 'run now' (fixtures/jobs.json)"), reply.body());
        assertTrue(reply.body().contains("body $.job_id: expected 1 but was 2"), reply.body());
        assertTrue(reply.body().contains("body $.x: unexpected field (true)"), reply.body());

        List<FixtureDispatcher.Mismatch> mismatches = fixtures.mismatches();
        assertEquals(1, mismatches.size());
        assertEquals("POST /api/2.2/jobs/run-now", mismatches.get(0).request());
        assertEquals("'run now' (fixtures/jobs.json)", mismatches.get(0).closestFixture());
        assertEquals(List.of("body $.job_id: expected 1 but was 2", "body $.x: unexpected field (true)"),
                mismatches.get(0).differences());
        AssertionError error = assertThrows(AssertionError.class, fixtures::assertAllMatched);
        assertTrue(error.getMessage().startsWith("1 request(s) matched no fixture"), error.getMessage());
        assertTrue(error.getMessage().contains("$.job_id"), error.getMessage());
        assertEquals(1, fixtures.requestCount());
    }

    @Test
    void namesMissingAndWrongQueryParametersAndHeadersWithoutLeakingTokens() throws IOException {
        FixtureDispatcher fixtures = FixtureDispatcher.fromClasspath("fixtures/jobs.json");
        server.setDispatcher(fixtures);

        Reply wrongToken = get("/api/2.2/jobs/get?job_id=2", "Authorization", "Bearer dapi-other-secret-value");
        Reply noHeader = get("/api/2.2/jobs/get");

        assertEquals(599, wrongToken.status());
        List<String> first = fixtures.mismatches().get(0).differences();
        assertEquals("query job_id: expected \"1\" but was \"2\"", first.get(0));
        assertTrue(first.get(1).startsWith("header Authorization: expected"), first.get(1));
        assertFalse(wrongToken.body().contains("dapi-other-secret-value"), wrongToken.body());
        assertFalse(wrongToken.body().contains("dapi-fixture-token"), wrongToken.body());
        assertEquals(599, noHeader.status());
        assertEquals(List.of("query job_id: expected \"1\" but was absent",
                        "header Authorization: expected \"Bearer ****\" but was absent"),
                fixtures.mismatches().get(1).differences());
    }

    @Test
    void servesASequenceInOrderAndRepeatsItsLastResponse() throws IOException {
        FixtureDispatcher fixtures = FixtureDispatcher.fromClasspath("fixtures/jobs.json");
        server.setDispatcher(fixtures);

        Reply first = get("/api/2.2/jobs/runs/get?run_id=7");
        Reply second = get("/api/2.2/jobs/runs/get?run_id=7");
        AssertionError notYet = assertThrows(AssertionError.class, fixtures::assertAllUsed);
        Reply third = get("/api/2.2/jobs/runs/get?run_id=7");
        Reply fourth = get("/api/2.2/jobs/runs/get?run_id=7");

        assertTrue(first.body().contains("PENDING"), first.body());
        assertEquals(429, second.status());
        assertEquals("0", second.retryAfter());
        assertTrue(third.body().contains("TERMINATED"), third.body());
        assertEquals(third.body(), fourth.body());
        assertEquals(4, fixtures.servedCount("poll run"));
        assertTrue(notYet.getMessage().contains("'poll run' (fixtures/jobs.json): served 2 of 3 response(s)"),
                notYet.getMessage());
        assertTrue(notYet.getMessage().contains("'get job' (fixtures/jobs.json): served 0 of 1"), notYet.getMessage());

        fixtures.reset();
        assertEquals(0, fixtures.requestCount());
        assertTrue(get("/api/2.2/jobs/runs/get?run_id=7").body().contains("PENDING"));
    }

    @Test
    void fixturesWithTheSameWhenFormASequence() throws IOException {
        FixtureDispatcher fixtures = FixtureDispatcher.builder()
                .json("inline", """
                        [
                          {"name": "first", "when": {"path": "/x"}, "then": {"bodyText": "one"}},
                          {"name": "second", "when": {"path": "/x"}, "then": {"bodyText": "two"}}
                        ]""")
                .build();
        server.setDispatcher(fixtures);

        assertEquals("one", get("/x").body());
        assertEquals("two", get("/x").body());
        assertEquals("two", get("/x").body());
        fixtures.assertAllUsed();
        assertEquals(List.of("first", "second"), fixtures.fixtureNames());
    }

    @Test
    void loadsEveryJsonFileOfADirectoryAndHonoursStrictQueryAndLenientBodies() throws IOException {
        FixtureDispatcher fixtures = FixtureDispatcher.fromPath(MORE);
        server.setDispatcher(fixtures);

        Reply exact = get("/api/2.2/jobs/runs/list?job_id=1&active_only=true");
        Reply extraParam = get("/api/2.2/jobs/runs/list?job_id=1&active_only=true&limit=5");
        Reply lenient = post("/api/2.1/jobs/runs/cancel", "{\"run_id\": 7, \"extra\": \"ignored\"}");
        Reply wrongValue = post("/api/2.2/jobs/runs/cancel", "{\"run_id\": 8}");

        assertEquals(List.of("cancel run (lenient body)", "list active runs"), fixtures.fixtureNames());
        assertEquals(200, exact.status());
        assertEquals(599, extraParam.status());
        assertTrue(extraParam.body().contains("query: unexpected parameter(s) [limit] (strictQuery)"), extraParam.body());
        assertEquals(200, lenient.status());
        assertEquals(599, wrongValue.status());
        assertEquals(List.of("body $.run_id: expected 7 but was 8"), fixtures.mismatches().get(1).differences());
    }

    @Test
    void anEmptyDispatcherSaysSo() throws IOException {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().unmatchedStatus(404).build();
        server.setDispatcher(fixtures);

        Reply reply = get("/anything");

        assertEquals(404, reply.status());
        assertEquals("No fixture matches GET /anything: no fixtures are loaded", reply.body());
        assertNull(fixtures.mismatches().get(0).closestFixture());
    }

    @Test
    void aFixtureCanDropTheConnection() throws IOException {
        FixtureDispatcher fixtures = FixtureDispatcher.builder()
                .json("faults.json", """
                        {"name": "flaky", "when": {"method": "GET", "path": "/flaky"},
                         "then": [{"fault": "reset"}, {"body": {"value": "0123456789"}, "fault": "truncate"}, {"body": {"ok": true}}]}
                        """)
                .build();
        server.setDispatcher(fixtures);

        assertThrows(IOException.class, () -> get("/flaky"));
        assertThrows(IOException.class, () -> get("/flaky"));
        assertEquals("{\"ok\": true}", get("/flaky").body());
        assertEquals(3, fixtures.requestCount());
        fixtures.assertAllMatched();
    }

    @Test
    void rejectsUnknownKeysNamingTheFileAndFixture(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("typo.json");
        Files.writeString(file, "[{\"name\": \"typo\", \"when\": {\"path\": \"/a\", \"strictquery\": true}, \"then\": {}}]");

        DataOpsException error = assertThrows(DataOpsException.class, () -> FixtureDispatcher.fromPath(file));

        assertTrue(error.getMessage().startsWith(file + " #1 'typo': unknown key \"strictquery\" in when"), error.getMessage());
    }

    @Test
    void rejectsInvalidFixtures() {
        assertTrue(assertThrows(DataOpsException.class, () -> FixtureDispatcher.builder()
                .json("a.json", "{\"when\": {\"method\": \"GET\"}, \"then\": {}}")).getMessage()
                .contains("a.json #1: \"when\" needs \"path\" or \"pathRegex\""));
        assertTrue(assertThrows(DataOpsException.class, () -> FixtureDispatcher.builder()
                .json("b.json", "{\"when\": {\"path\": \"/b\"}}")).getMessage()
                .contains("b.json #1: missing \"then\""));
        assertTrue(assertThrows(DataOpsException.class, () -> FixtureDispatcher.builder()
                .json("c.json", "{\"when\": {\"path\": \"/c\"}, \"then\": {\"fault\": \"explode\"}}")).getMessage()
                .contains("c.json #1: then.fault must be \"reset\" or \"truncate\""));
        assertTrue(assertThrows(DataOpsException.class, () -> FixtureDispatcher.builder()
                .json("d.json", "{\"when\": {\"path\": \"/d\", \"query\": {\"a\": {\"b\": 1}}}, \"then\": {}}")).getMessage()
                .contains("d.json: fixture '#1': query.a must be a string, number or boolean"));
        assertTrue(assertThrows(DataOpsException.class, () -> FixtureDispatcher.builder()
                .json("e.json", "{not json")).getMessage().startsWith("e.json: not a fixture file"));
        assertTrue(assertThrows(DataOpsException.class, () -> FixtureDispatcher.builder()
                .classpath("fixtures/missing.json")).getMessage()
                .contains("fixture resource not found on the classpath: fixtures/missing.json"));
    }
}
