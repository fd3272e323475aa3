package io.dataops4j.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.error.ServerErrorException;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.error.TooManyRequestsException;
import io.dataops4j.core.error.TransportException;
import io.dataops4j.core.testsupport.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault the pipeline must survive, against every kind of request: how many attempts reach the server, what
 * the caller gets, and that a POST that is not idempotent is never sent twice.
 */
class FaultInjectionMatrixTest {
    static final int MAX_ATTEMPTS = 3;
    static final String OK_BODY = "{\"id\":\"42\",\"name\":\"nightly\"}";

    /** The answer the test decodes. */
    public record Item(String id, String name) {
    }

    enum Fault {
        TOO_MANY_REQUESTS(TooManyRequestsException.class) {
            @Override
            MockResponse response() {
                return new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
                        .body("{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"slow down\"}").build();
            }
        },
        UNAVAILABLE_503(ServerErrorException.class) {
            @Override
            MockResponse response() {
                return new MockResponse.Builder().code(503)
                        .body("{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"busy\"}").build();
            }
        },
        INTERNAL_500(ServerErrorException.class) {
            @Override
            MockResponse response() {
                return new MockResponse.Builder().code(500).body("{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"oops\"}").build();
            }
        },
        BAD_GATEWAY_502(ServerErrorException.class) {
            @Override
            MockResponse response() {
                return new MockResponse.Builder().code(502).body("<html><title>502 Bad Gateway</title></html>").build();
            }
        },
        GATEWAY_TIMEOUT_504(ServerErrorException.class) {
            @Override
            MockResponse response() {
                return new MockResponse.Builder().code(504).body("upstream timed out").build();
            }
        },
        REQUEST_TIMEOUT_408(ServiceException.class) {
            @Override
            MockResponse response() {
                return new MockResponse.Builder().code(408).build();
            }
        },
        DISCONNECT_AT_START(TransportException.class) {
            @Override
            MockResponse response() {
                // the request has been read in full (its side effect may have happened); no answer comes
                return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
            }
        },
        TRUNCATED_BODY(TransportException.class) {
            @Override
            MockResponse response() {
                return new MockResponse.Builder().body("{\"id\":\"42\",\"name\":\"" + "x".repeat(2000) + "\"}")
                        .onResponseBody(new SocketEffect.CloseSocket()).build();
            }
        },
        SLOW_BEYOND_READ_TIMEOUT(TransportException.class) {
            @Override
            MockResponse response() {
                return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
            }
        };

        final Class<? extends DataOpsException> exception;

        Fault(Class<? extends DataOpsException> exception) {
            this.exception = exception;
        }

        abstract MockResponse response();
    }

    enum Kind {
        GET(true) {
            @Override
            ApiRequest request() {
                return ApiRequest.get("api/items/42").build();
            }
        },
        IDEMPOTENT_POST(true) {
            @Override
            ApiRequest request() {
                return ApiRequest.post("api/items").json(new Item(null, "nightly")).idempotent().build();
            }
        },
        POST_WITH_IDEMPOTENCY_KEY(true) {
            @Override
            ApiRequest request() {
                return ApiRequest.post("api/items").json(new Item(null, "nightly")).idempotencyKey("Idempotency-Key").build();
            }
        },
        NON_IDEMPOTENT_POST(false) {
            @Override
            ApiRequest request() {
                return ApiRequest.post("api/items").json(new Item(null, "nightly")).build();
            }
        };

        final boolean retried;

        Kind(boolean retried) {
            this.retried = retried;
        }

        abstract ApiRequest request();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (Fault f : Fault.values()) {
            for (Kind k : Kind.values()) {
                all.add(Arguments.of(f, k));
            }
        }
        return all.stream();
    }

    private MockWebServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        sleeper = new RecordingSleeper();
    }

    /** A short read timeout only where the fault needs one, so that a busy machine cannot time out the other cases. */
    private ApiClient client(Fault fault) {
        return ApiClient.builder("TEST", "sdk-core-test")
                .baseUrl(server.url("/").toString())
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(MAX_ATTEMPTS))
                .readTimeout(fault == Fault.SLOW_BEYOND_READ_TIMEOUT ? Duration.ofMillis(400) : Duration.ofSeconds(30))
                .sleeper(sleeper)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} once, then success: {1}")
    @MethodSource("matrix")
    void transientFault(Fault fault, Kind kind) throws Exception {
        server.enqueue(fault.response());
        server.enqueue(new MockResponse.Builder().body(OK_BODY).build());

        ApiRequest request = kind.request();
        ApiClient client = client(fault);
        if (kind.retried) {
            Item item = client.send(request, Item.class);
            assertEquals(new Item("42", "nightly"), item);
            assertEquals(2, server.getRequestCount(), "one failed attempt and one that worked");
            assertEquals(1, sleeper.waits().size());
            assertWaits(fault);
        } else {
            DataOpsException e = assertThrows(DataOpsException.class, () -> client.send(request, Item.class));
            assertSame(fault.exception, e.getClass(), e.toString());
            assertEquals(1, server.getRequestCount(), "a POST that is not idempotent is sent once: no duplicate side effect");
            assertTrue(sleeper.waits().isEmpty());
            if (e instanceof TransportException) {
                assertTrue(e.getMessage().contains("not retried"), e.getMessage());
            }
        }
        assertSameOnEveryAttempt(server.getRequestCount(), kind);
    }

    @ParameterizedTest(name = "{0} on every attempt: {1}")
    @MethodSource("matrix")
    void persistentFault(Fault fault, Kind kind) throws Exception {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            server.enqueue(fault.response());
        }
        ApiClient client = client(fault);
        DataOpsException e = assertThrows(DataOpsException.class, () -> client.send(kind.request(), Item.class));
        assertSame(fault.exception, e.getClass(), e.toString());
        int expected = kind.retried ? MAX_ATTEMPTS : 1;
        assertEquals(expected, server.getRequestCount());
        assertEquals(expected - 1, sleeper.waits().size());
        assertWaits(fault);
        if (e instanceof ServiceException se) {
            assertEquals("TEST", se.service());
            assertNotNull(se.requestId());
            assertTrue(se.getMessage().startsWith("TEST " + se.status()), se.getMessage());
        }
        if (e instanceof TooManyRequestsException tmr) {
            assertEquals(Duration.ofSeconds(2), tmr.retryAfter());
        }
        if (e instanceof TransportException) {
            assertNotNull(e.getCause());
            assertTrue(e.getMessage().contains("failed after " + expected + " attempt"), e.getMessage());
        }
        assertSameOnEveryAttempt(expected, kind);
    }

    /** Retry-After is honoured; other waits follow the backoff: never above its cap, never negative. */
    private void assertWaits(Fault fault) {
        for (Duration wait : sleeper.waits()) {
            if (fault == Fault.TOO_MANY_REQUESTS) {
                assertEquals(Duration.ofSeconds(2), wait, "the service's Retry-After wins over the backoff");
            } else {
                assertTrue(!wait.isNegative() && wait.compareTo(RetryPolicy.defaults().maxBackoff()) <= 0, wait.toString());
            }
        }
    }

    /** The request id and any idempotency key are the same on every attempt; bodies are sent whole each time. */
    private void assertSameOnEveryAttempt(int attempts, Kind kind) throws InterruptedException {
        List<RecordedRequest> seen = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            seen.add(server.takeRequest());
        }
        RecordedRequest first = seen.get(0);
        String requestId = first.getHeaders().get("x-request-id");
        assertNotNull(requestId);
        for (RecordedRequest r : seen) {
            assertEquals(kind == Kind.GET ? "GET" : "POST", r.getMethod());
            assertEquals(requestId, r.getHeaders().get("x-request-id"));
            if (kind != Kind.GET) {
                assertEquals("{\"name\":\"nightly\"}", r.getBody().utf8());
            }
            if (kind == Kind.POST_WITH_IDEMPOTENCY_KEY) {
                assertNotNull(first.getHeaders().get("Idempotency-Key"));
                assertEquals(first.getHeaders().get("Idempotency-Key"), r.getHeaders().get("Idempotency-Key"));
            } else {
                assertEquals(null, r.getHeaders().get("Idempotency-Key"));
            }
        }
    }
}
