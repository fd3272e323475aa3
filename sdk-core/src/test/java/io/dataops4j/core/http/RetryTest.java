package io.dataops4j.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.BadRequestException;
import io.dataops4j.core.error.ServerErrorException;
import io.dataops4j.core.error.TooManyRequestsException;
import io.dataops4j.core.error.TransportException;
import io.dataops4j.core.internal.HttpPipeline;
import io.dataops4j.core.testsupport.CapturingLogs;
import io.dataops4j.core.testsupport.RecordingSleeper;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {
    private MockWebServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        sleeper = new RecordingSleeper();
        CapturingLogs.clear();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient client(RetryPolicy policy) {
        return ApiClient.builder("TEST", "sdk-core-test").baseUrl(server.url("/").toString())
                .retryPolicy(policy).sleeper(sleeper).build();
    }

    private static MockResponse status(int code, String header, String value) {
        return new MockResponse.Builder().code(code).addHeader(header, value).build();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().body("{}").build();
    }

    @Test
    void retryAfterInDeltaSeconds() {
        server.enqueue(status(429, "Retry-After", "7"));
        server.enqueue(ok());
        client(RetryPolicy.defaults()).send(ApiRequest.get("x").build());
        assertEquals(List.of(7000L), sleeper.waitsMillis());
        assertTrue(CapturingLogs.lines().stream().anyMatch(l -> l.contains("retrying GET") && l.contains("as the service asked")),
                "each retry is logged");
    }

    @Test
    void retryAfterAsHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        server.enqueue(status(503, "Retry-After", date));
        server.enqueue(ok());
        client(RetryPolicy.defaults()).send(ApiRequest.get("x").build());
        assertEquals(1, sleeper.waits().size());
        long waited = sleeper.waitsMillis().get(0);
        // the date has a one-second resolution and a little time passes between the answer and the parse
        assertTrue(waited > 20_000 && waited <= 30_000, "waited " + waited + " ms");
    }

    @Test
    void retryAfterParsing() {
        long now = ZonedDateTime.parse("2026-01-15T10:00:00Z").toInstant().toEpochMilli();
        assertEquals(Duration.ofSeconds(120), HttpPipeline.parseRetryAfter("120", now));
        assertEquals(Duration.ofMillis(1500), HttpPipeline.parseRetryAfter(" 1.5 ", now));
        assertEquals(Duration.ofSeconds(90), HttpPipeline.parseRetryAfter("Thu, 15 Jan 2026 10:01:30 GMT", now));
        assertEquals(Duration.ZERO, HttpPipeline.parseRetryAfter("Thu, 15 Jan 2026 09:00:00 GMT", now), "a date in the past: no wait");
        assertEquals(Duration.ZERO, HttpPipeline.parseRetryAfter("-5", now));
        assertNull(HttpPipeline.parseRetryAfter("soon", now));
        assertNull(HttpPipeline.parseRetryAfter("", now));
        assertNull(HttpPipeline.parseRetryAfter(null, now));
    }

    @Test
    void msRetryAfterHeaderWinsOverRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("x-ms-retry-after-ms", "250").addHeader("Retry-After", "9").build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "40").build());
        server.enqueue(ok());
        client(RetryPolicy.defaults()).send(ApiRequest.get("x").build());
        assertEquals(List.of(250L, 40L), sleeper.waitsMillis());
    }

    @Test
    void noRetryWhenTheAskedWaitExceedsTheTimeBudget() {
        server.enqueue(status(429, "Retry-After", "600"));
        server.enqueue(ok());
        ApiClient c = client(RetryPolicy.defaults().withTimeBudget(Duration.ofMinutes(2)));
        TooManyRequestsException e = assertThrows(TooManyRequestsException.class, () -> c.send(ApiRequest.get("x").build()));
        assertEquals(Duration.ofMinutes(10), e.retryAfter());
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeper.waits().isEmpty());
        assertTrue(CapturingLogs.lines().stream().anyMatch(l -> l.contains("giving up") && l.contains("beyond the retry budget")),
                CapturingLogs.lines().toString());
    }

    @Test
    void aWaitWithinTheBudgetIsHonouredEvenAboveTheBackoffCap() {
        server.enqueue(status(503, "Retry-After", "45"));
        server.enqueue(ok());
        client(RetryPolicy.defaults().withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))).send(ApiRequest.get("x").build());
        assertEquals(List.of(45_000L), sleeper.waitsMillis());
    }

    @Test
    void maxAttemptsIsTheNumberOfRequestsSent() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(status(500, "X-Any", "1"));
        }
        ApiClient c = client(RetryPolicy.defaults().withMaxAttempts(4));
        assertThrows(ServerErrorException.class, () -> c.send(ApiRequest.get("x").build()));
        assertEquals(4, server.getRequestCount());
        assertEquals(3, sleeper.waits().size());
    }

    @Test
    void noneSendsOnce() {
        server.enqueue(status(503, "X-Any", "1"));
        assertThrows(ServerErrorException.class, () -> client(RetryPolicy.none()).send(ApiRequest.get("x").build()));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUnderTheCap() {
        for (int i = 0; i < 7; i++) {
            server.enqueue(status(502, "X-Any", "1"));
        }
        server.enqueue(ok());
        RetryPolicy p = RetryPolicy.defaults().withMaxAttempts(8).withBackoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        client(p).send(ApiRequest.get("x").build());
        List<Long> waits = sleeper.waitsMillis();
        assertEquals(7, waits.size());
        long[] ceilings = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int i = 0; i < waits.size(); i++) {
            assertTrue(waits.get(i) >= ceilings[i] / 2 && waits.get(i) <= ceilings[i],
                    "wait " + i + " = " + waits.get(i) + " ms, ceiling " + ceilings[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 409, 501, 505})
    void otherStatusesAreNotRetried(int status) {
        server.enqueue(status(status, "X-Any", "1"));
        server.enqueue(ok());
        assertThrows(RuntimeException.class, () -> client(RetryPolicy.defaults()).send(ApiRequest.get("x").build()));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void retryStatusesCanBeChanged() {
        server.enqueue(status(400, "X-Any", "1"));
        server.enqueue(status(503, "X-Any", "1"));
        ApiClient c = client(RetryPolicy.defaults().withRetryStatuses(Set.of(400)));
        assertThrows(ServerErrorException.class, () -> c.send(ApiRequest.get("x").build()));
        assertEquals(2, server.getRequestCount());
        server.enqueue(status(400, "X-Any", "1"));
        server.enqueue(status(400, "X-Any", "1"));
        assertThrows(BadRequestException.class, () -> client(RetryPolicy.none().withRetryStatuses(Set.of(400))).send(ApiRequest.get("x").build()));
    }

    @Test
    void theRequestIdIsStableAcrossAttemptsAndNewPerCall() throws Exception {
        server.enqueue(status(503, "X-Any", "1"));
        server.enqueue(status(429, "Retry-After", "0"));
        server.enqueue(ok());
        server.enqueue(ok());
        ApiClient c = client(RetryPolicy.defaults());
        c.send(ApiRequest.get("x").build());
        c.send(ApiRequest.get("x").build());
        Set<String> ids = new HashSet<>();
        String first = null;
        for (int i = 0; i < 3; i++) {
            String id = server.takeRequest().getHeaders().get("x-request-id");
            first = first == null ? id : first;
            assertEquals(first, id);
            ids.add(id);
        }
        String second = server.takeRequest().getHeaders().get("x-request-id");
        assertTrue(ids.add(second), "a new call gets a new id");
        assertTrue(first.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), first);
    }

    @Test
    void theRequestIdHeaderCanBeRenamedAndIsInErrors() throws Exception {
        server.enqueue(status(404, "X-Any", "1"));
        ApiClient c = ApiClient.builder("ARM", "sdk-core").baseUrl(server.url("/").toString())
                .requestIdHeader("x-ms-client-request-id").sleeper(sleeper).build();
        var e = assertThrows(io.dataops4j.core.error.ResourceNotFoundException.class, () -> c.send(ApiRequest.get("x").build()));
        RecordedRequest r = server.takeRequest();
        assertEquals(e.requestId(), r.getHeaders().get("x-ms-client-request-id"));
        assertNull(r.getHeaders().get("x-request-id"));
        assertTrue(e.getMessage().endsWith("; request-id: " + e.requestId()), e.getMessage());
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForANonIdempotentPost() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ApiClient c = ApiClient.builder("TEST", "sdk-core-test").baseUrl("http://127.0.0.1:" + port + "/")
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(3)).sleeper(sleeper).build();
        TransportException e = assertThrows(TransportException.class, () -> c.send(ApiRequest.post("x").json(List.of(1)).build()));
        assertEquals(2, sleeper.waits().size(), "nothing reached a server, so the POST may be sent again");
        assertTrue(e.getMessage().startsWith("POST http://127.0.0.1:" + port + "/x failed after 3 attempts: ConnectException"),
                e.getMessage());
    }

    @Test
    void aFileBodyIsSentWholeOnEveryAttempt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("payload.bin");
        java.nio.file.Files.writeString(f, "file-content-" + "z".repeat(10_000));
        server.enqueue(status(503, "X-Any", "1"));
        server.enqueue(ok());
        client(RetryPolicy.defaults()).send(ApiRequest.put("upload").body(ApiBody.file(f, "application/octet-stream")).build());
        assertEquals(server.takeRequest().getBody().utf8(), java.nio.file.Files.readString(f));
        assertEquals(server.takeRequest().getBody().utf8(), java.nio.file.Files.readString(f));
    }

    @Test
    void aStreamBodyIsReopenedOnEveryAttempt() throws Exception {
        int[] opened = {0};
        server.enqueue(status(500, "X-Any", "1"));
        server.enqueue(ok());
        byte[] data = "streamed".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        client(RetryPolicy.defaults()).send(ApiRequest.put("upload").body(ApiBody.stream(() -> {
            opened[0]++;
            return new java.io.ByteArrayInputStream(data);
        }, data.length, "text/plain")).build());
        assertEquals(2, opened[0]);
        assertEquals("streamed", server.takeRequest().getBody().utf8());
        assertEquals("streamed", server.takeRequest().getBody().utf8());
    }

    @Test
    void policyValidation() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().withMaxAttempts(0));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 0.5, Duration.ZERO, Set.of()));
        assertEquals(Set.of(408, 429, 500, 502, 503, 504), RetryPolicy.defaults().retryStatuses());
    }
}
