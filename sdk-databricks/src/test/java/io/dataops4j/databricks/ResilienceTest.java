package io.dataops4j.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.BadRequestException;
import io.dataops4j.core.error.ConflictException;
import io.dataops4j.core.error.PermissionDeniedException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.error.ServerErrorException;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.error.TooManyRequestsException;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.core.json.Json;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.databricks.jobs.JobSpec;
import io.dataops4j.databricks.jobs.Run;
import io.dataops4j.databricks.jobs.Task;
import io.dataops4j.testkit.Faults;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throttling, unavailability, retried run-now, error mapping. */
class ResilienceTest {
    @TempDir
    Path home;

    private static JobSpec smallJob() {
        return JobSpec.builder().name("x").task(Task.notebook("a", "/a").onCluster("c")).build();
    }

    @Test
    void createIsRetriedAfter429RequestLimitExceededAsTheServiceAsks() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "create", "when": {"method": "POST", "path": "/api/2.2/jobs/create"},
                  "then": [{"status": 429, "headers": {"Retry-After": "3"},
                            "body": {"error_code": "REQUEST_LIMIT_EXCEEDED", "message": "Too many requests. Please wait."}},
                           {"body": {"job_id": 5}}]}]""").build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            TestSupport.FakeClock clock = TestSupport.clock();
            DatabricksClient dbx = TestSupport.client(server, home, clock);
            assertEquals(5, dbx.jobs().create(smallJob()));
            assertEquals(2, fixtures.requestCount());
            assertEquals(List.of(Duration.ofSeconds(3)), clock.sleeps);
        }
    }

    @Test
    void throttlingThatOutlastsTheRetriesEndsInTooManyRequests() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "create", "when": {"method": "POST", "path": "/api/2.2/jobs/create"},
                  "then": {"status": 429, "body": {"error_code": "REQUEST_LIMIT_EXCEEDED", "message": "slow down"}}}]""").build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.builder(server, home, TestSupport.clock())
                    .token(io.dataops4j.core.Secret.of(TestSupport.PAT))
                    .retryPolicy(RetryPolicy.defaults().withMaxAttempts(3)).build();
            TooManyRequestsException e = assertThrows(TooManyRequestsException.class, () -> dbx.jobs().create(smallJob()));
            assertEquals("REQUEST_LIMIT_EXCEEDED", e.errorCode());
            assertEquals(3, fixtures.requestCount());
            assertTrue(e.getMessage().startsWith("DATABRICKS 429 REQUEST_LIMIT_EXCEEDED: slow down"), e.getMessage());
        }
    }

    @Test
    void getIsRetriedAfter503TemporarilyUnavailable() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "get", "when": {"method": "GET", "path": "/api/2.2/jobs/get", "query": {"job_id": "3"}},
                  "then": [{"status": 503, "body": {"error_code": "TEMPORARILY_UNAVAILABLE", "message": "The service is temporarily unavailable"}},
                           {"status": 503, "body": {"error_code": "TEMPORARILY_UNAVAILABLE", "message": "The service is temporarily unavailable"}},
                           {"body": {"job_id": 3, "settings": {"name": "n"}}}]}]""").build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            assertEquals("n", dbx.jobs().get(3).name());
            assertEquals(3, fixtures.requestCount());
        }
    }

    /**
     * A workspace that honours idempotency tokens the way Databricks documents: a run-now with a token it has seen
     * returns the run it started then. The first attempt starts a run but its answer is lost (503, then a dropped
     * connection); the retries carry the same token; one run exists at the end.
     */
    @Test
    void aRetriedRunNowStartsOneRunOnly() throws Exception {
        Map<String, Long> runsByToken = new HashMap<>();
        List<String> tokensSent = new ArrayList<>();
        int[] attempt = {0};
        Dispatcher workspace = new Dispatcher() {
            @Override
            public synchronized MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/api/2.2/jobs/run-now")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body = (Map<String, Object>) Json.shared().parseValue(request.getBody().utf8());
                    String token = (String) body.get("idempotency_token");
                    tokensSent.add(token);
                    long runId = runsByToken.computeIfAbsent(token, t -> 100L + runsByToken.size());
                    attempt[0]++;
                    if (attempt[0] == 1) {
                        return Faults.json(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"try again\"}");
                    }
                    if (attempt[0] == 2) {
                        return Faults.connectionReset();
                    }
                    return Faults.json(200, "{\"run_id\":" + runId + ",\"number_in_job\":1}");
                }
                return Faults.json(200, "{\"run_id\":100,\"state\":{\"life_cycle_state\":\"TERMINATED\",\"result_state\":\"SUCCESS\"}}");
            }
        };
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(workspace);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            Poller<Run> run = dbx.jobs().runNow(9);
            assertEquals("100", run.id());
            assertEquals(3, tokensSent.size());
            assertEquals(1, tokensSent.stream().distinct().count(), "the same token on every attempt: " + tokensSent);
            assertEquals(1, runsByToken.size(), "one run started");
            assertEquals(100, run.waitForCompletion(Duration.ofMinutes(1)).runId());
        }
    }

    @Test
    void twoRunNowCallsHaveTwoTokens() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "run-now", "when": {"method": "POST", "path": "/api/2.2/jobs/run-now"}, "then": {"body": {"run_id": 1}}}]
                """).build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            dbx.jobs().runNow(1);
            dbx.jobs().runNow(1);
            List<String> tokens = fixtures.requests().stream()
                    .map(r -> String.valueOf(((Map<?, ?>) Json.shared().parseValue(r.getBody().utf8())).get("idempotency_token"))).toList();
            assertEquals(2, tokens.stream().distinct().count());
            tokens.forEach(t -> assertTrue(t.toString().length() <= 64));
        }
    }

    private ServiceException errorFor(int status, String body, String method) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(Faults.json(status, body));
            server.start();
            DatabricksClient dbx = TestSupport.builder(server, home, TestSupport.clock())
                    .token(io.dataops4j.core.Secret.of(TestSupport.PAT)).retryPolicy(RetryPolicy.none()).build();
            return assertThrows(ServiceException.class, () -> {
                if (method.equals("get")) {
                    dbx.jobs().get(42);
                } else {
                    dbx.jobs().create(smallJob());
                }
            });
        }
    }

    @Test
    void errorBodiesMapToTheCoreFamilies() throws Exception {
        ServiceException notFound = errorFor(404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Job 42 does not exist.\"}", "get");
        assertInstanceOf(ResourceNotFoundException.class, notFound);
        assertEquals("RESOURCE_DOES_NOT_EXIST", notFound.errorCode());
        assertTrue(notFound.getMessage().startsWith("DATABRICKS 404 RESOURCE_DOES_NOT_EXIST: Job 42 does not exist."), notFound.getMessage());
        assertTrue(notFound.getMessage().contains("request-id: "));

        // jobs/get answers a missing job with 400 INVALID_PARAMETER_VALUE: the official SDKs map it to not-found
        assertInstanceOf(ResourceNotFoundException.class,
                errorFor(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Job 42 does not exist.\"}", "get"));
        assertInstanceOf(BadRequestException.class,
                errorFor(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Invalid quartz_cron_expression\"}", "create"));
        assertInstanceOf(ConflictException.class,
                errorFor(400, "{\"error_code\":\"RESOURCE_ALREADY_EXISTS\",\"message\":\"exists\"}", "create"));
        assertInstanceOf(PermissionDeniedException.class,
                errorFor(403, "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"no\"}", "get"));
        ServiceException scim = errorFor(404, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"User not found\",\"status\":\"404\"}", "get");
        assertInstanceOf(ResourceNotFoundException.class, scim);
        assertEquals("SCIM_404", scim.errorCode());
        ServiceException html = errorFor(502, "<html><head><title>502 Bad Gateway</title></head><body><pre>upstream broke</pre></body></html>", "create");
        assertInstanceOf(ServerErrorException.class, html);
        assertTrue(html.getMessage().contains("upstream broke"), html.getMessage());
        ServiceException details = errorFor(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"bad\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"X\"}]}", "create");
        assertEquals("bad", details.serviceMessage());
    }
}
