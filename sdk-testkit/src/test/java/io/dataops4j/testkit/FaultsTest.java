package io.dataops4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final String OK_BODY = "{\"experiment_id\":\"1\"}";

    /** No silent retries of its own, so that every fault reaches the test. */
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

    private Response call(OkHttpClient c) throws IOException {
        return c.newCall(new Request.Builder().url(server.url("/api/2.0/mlflow/experiments/get")).build()).execute();
    }

    private int status(OkHttpClient c) throws IOException {
        try (Response response = call(c)) {
            response.body().string();
            return response.code();
        }
    }

    @Test
    void tooManyRequestsCarriesRetryAfterInWholeSecondsRoundedUp() throws IOException {
        server.setDispatcher(ScriptedDispatcher.of(Faults.tooManyRequests(Duration.ofMillis(1500)),
                Faults.tooManyRequests(Duration.ofSeconds(3))));

        try (Response first = call(client); Response second = call(client)) {
            assertEquals(429, first.code());
            assertEquals("2", first.header("Retry-After"));
            assertEquals("3", second.header("Retry-After"));
        }
    }

    @Test
    void tooManyRequestsCanCarryAnHttpDate() throws IOException {
        Instant at = Instant.parse("2030-03-04T05:06:07Z");
        server.setDispatcher(ScriptedDispatcher.of(Faults.tooManyRequests(at)));

        try (Response response = call(client)) {
            assertEquals(429, response.code());
            assertEquals("Mon, 04 Mar 2030 05:06:07 GMT", response.header("Retry-After"));
            assertEquals(at, response.headers().getDate("Retry-After").toInstant());
        }
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", Faults.httpDate(Instant.ofEpochSecond(784111777)));
    }

    @Test
    void azureStyleThrottlingAndServiceUnavailable() throws IOException {
        server.setDispatcher(ScriptedDispatcher.of(Faults.tooManyRequestsMs(Duration.ofMillis(250)),
                Faults.serviceUnavailable(Duration.ofSeconds(4))));

        try (Response first = call(client); Response second = call(client)) {
            assertEquals(429, first.code());
            assertEquals("250", first.header("x-ms-retry-after-ms"));
            assertEquals(null, first.header("Retry-After"));
            assertEquals(503, second.code());
            assertEquals("4", second.header("Retry-After"));
        }
    }

    @Test
    void aBurstFailsNTimesThenSucceedsAndTheScriptCountsAttempts() throws IOException {
        ScriptedDispatcher script = ScriptedDispatcher.of(Faults.burst(2, 503, Faults.json(200, OK_BODY)));
        server.setDispatcher(script);

        assertEquals(503, status(client));
        assertEquals(1, script.attempts());
        assertEquals(2, script.remaining());
        AssertionError early = assertThrows(AssertionError.class, script::assertAllServed);
        assertEquals(503, status(client));
        try (Response ok = call(client)) {
            assertEquals(200, ok.code());
            assertEquals("application/json", ok.header("Content-Type"));
            assertEquals(OK_BODY, ok.body().string());
        }
        script.assertAllServed();
        assertEquals(3, script.attempts());
        assertEquals("/api/2.0/mlflow/experiments/get", script.lastRequest().getUrl().encodedPath());
        assertEquals("expected 3 attempt(s) but 1 arrived", early.getMessage());

        try (Response extra = call(client)) {
            assertEquals(ScriptedDispatcher.EXHAUSTED_STATUS, extra.code());
            assertTrue(extra.body().string().contains("attempt 4 but only 3 response(s) were scripted"));
        }
        assertThrows(AssertionError.class, script::assertAllServed);
    }

    @Test
    void repeatingLastServesTheFinalResponseForever() throws IOException {
        ScriptedDispatcher script = ScriptedDispatcher.of(Faults.status(502), List.of(Faults.status(504))).repeatingLast();
        server.setDispatcher(script);

        assertEquals(502, status(client));
        assertEquals(504, status(client));
        assertEquals(504, status(client));
        script.assertAllServed();
        assertEquals(3, script.requests().size());
    }

    @Test
    void connectionResetFailsTheCallAfterTheRequestArrived() throws IOException {
        ScriptedDispatcher script = ScriptedDispatcher.of(Faults.connectionReset(), Faults.json(200, OK_BODY));
        server.setDispatcher(script);

        OkHttpClient fresh = client.newBuilder().build();
        IOException failure = assertThrows(IOException.class, () -> status(fresh));
        assertEquals(1, script.attempts());
        assertTrue(failure.getMessage() != null && !failure.getMessage().isEmpty());
        // a POST body was read in full before the connection dropped
        ScriptedDispatcher post = ScriptedDispatcher.of(Faults.connectionReset());
        server.setDispatcher(post);
        assertThrows(IOException.class, () -> client.newCall(new Request.Builder().url(server.url("/p"))
                .post(RequestBody.create("{\"a\":1}", MediaType.get("application/json"))).build()).execute().close());
        assertEquals("{\"a\":1}", post.lastRequest().getBody().utf8());
    }

    @Test
    void truncatedBodyDeliversHeadersThenFailsWhileReadingTheBody() throws IOException {
        String body = "{\"value\":\"0123456789012345678901234567890123456789\"}";
        server.setDispatcher(ScriptedDispatcher.of(Faults.truncatedBody(Faults.json(200, body))));

        try (Response response = call(client)) {
            assertEquals(200, response.code());
            assertEquals(Integer.toString(body.length()), response.header("Content-Length"));
            assertThrows(IOException.class, () -> response.body().string());
        }
    }

    @Test
    void noResponseRunsIntoTheClientReadTimeout() {
        server.setDispatcher(ScriptedDispatcher.of(Faults.noResponse()));
        OkHttpClient impatient = client.newBuilder().readTimeout(200, TimeUnit.MILLISECONDS).build();

        assertThrows(InterruptedIOException.class, () -> status(impatient));
    }

    @Test
    void delayedHeadersTimeOutAnImpatientClientAndReachAPatientOne() throws IOException {
        MockResponse slow = Faults.delayedHeaders(Faults.json(200, OK_BODY), Duration.ofMillis(600));
        server.setDispatcher(ScriptedDispatcher.of(slow, slow));

        OkHttpClient impatient = client.newBuilder().readTimeout(100, TimeUnit.MILLISECONDS).build();
        assertThrows(InterruptedIOException.class, () -> status(impatient));
        OkHttpClient patient = client.newBuilder().readTimeout(10, TimeUnit.SECONDS).build();
        assertEquals(200, status(patient));
    }

    @Test
    void throttledBodyTrickles() throws IOException {
        MockResponse trickle = Faults.throttledBody(Faults.json(200, OK_BODY), 4, Duration.ofMillis(100));
        server.setDispatcher(ScriptedDispatcher.of(trickle, trickle));

        OkHttpClient impatient = client.newBuilder().readTimeout(30, TimeUnit.MILLISECONDS).build();
        assertThrows(InterruptedIOException.class, () -> {
            try (Response response = call(impatient)) {
                response.body().string();
            }
        });
        OkHttpClient patient = client.newBuilder().readTimeout(10, TimeUnit.SECONDS).build();
        try (Response response = call(patient)) {
            assertEquals(OK_BODY, response.body().string());
        }
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Faults.burst(-1, 503, Faults.status(200)));
        assertThrows(IllegalArgumentException.class, () -> Faults.throttledBody(Faults.status(200), 0, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> Faults.tooManyRequests(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> ScriptedDispatcher.of(List.of()));
        assertEquals(4, Faults.burst(3, 500, Faults.status(200)).size());
    }
}
