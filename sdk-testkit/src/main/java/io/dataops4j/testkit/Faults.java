package io.dataops4j.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * Faulty MockWebServer responses for retry, timeout and resilience tests: throttling with {@code Retry-After},
 * bursts of server errors, dropped connections, truncated bodies, slow and silent servers. Pair them with
 * {@link ScriptedDispatcher} (or {@code MockWebServer.enqueue}) and count the attempts the client made.
 *
 * <pre>{@code
 * MockResponse ok = Faults.json(200, "{\"experiment_id\":\"1\"}");
 * ScriptedDispatcher script = ScriptedDispatcher.of(Faults.burst(2, 503, ok));   // 503, 503, then 200
 * server.setDispatcher(script);
 * // ... call the client under test ...
 * assertEquals(3, script.attempts());
 *
 * ScriptedDispatcher throttled = ScriptedDispatcher.of(Faults.tooManyRequests(Duration.ofSeconds(2)), ok);
 * ScriptedDispatcher dropped = ScriptedDispatcher.of(Faults.connectionReset(), ok);
 * }</pre>
 */
public final class Faults {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private Faults() {
    }

    /** A response with a JSON body and {@code Content-Type: application/json}. */
    public static MockResponse json(int status, String json) {
        Objects.requireNonNull(json, "json");
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(json).build();
    }

    /** A response with this status and an empty body: a bare 500, 502, 503, 504 or 408. */
    public static MockResponse status(int status) {
        return new MockResponse.Builder().code(status).build();
    }

    /** 429 with {@code Retry-After} in seconds (the delay rounded up to whole seconds). */
    public static MockResponse tooManyRequests(Duration retryAfter) {
        return withRetryAfter(429, retryAfter);
    }

    /** 429 with {@code Retry-After} as an HTTP date ({@code Sun, 06 Nov 1994 08:49:37 GMT}). */
    public static MockResponse tooManyRequests(Instant retryAt) {
        return new MockResponse.Builder().code(429).setHeader("Retry-After", httpDate(retryAt)).build();
    }

    /** 429 with Azure's {@code x-ms-retry-after-ms} header (milliseconds) and no {@code Retry-After}. */
    public static MockResponse tooManyRequestsMs(Duration retryAfter) {
        return new MockResponse.Builder().code(429)
                .setHeader("x-ms-retry-after-ms", Long.toString(retryAfter.toMillis())).build();
    }

    /** 503 with {@code Retry-After} in seconds (rounded up). */
    public static MockResponse serviceUnavailable(Duration retryAfter) {
        return withRetryAfter(503, retryAfter);
    }

    /** {@code failures} responses with {@code status} (empty body), then {@code then}: a burst of server errors. */
    public static List<MockResponse> burst(int failures, int status, MockResponse then) {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative: " + failures);
        }
        Objects.requireNonNull(then, "then");
        List<MockResponse> out = new ArrayList<>(failures + 1);
        for (int i = 0; i < failures; i++) {
            out.add(status(status));
        }
        out.add(then);
        return List.copyOf(out);
    }

    /**
     * Reads the request, then closes the connection without sending a byte of response. The client sees an
     * {@code IOException} (OkHttp: "unexpected end of stream"); the request counts as received.
     */
    public static MockResponse connectionReset() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    /**
     * The given response, but the connection closes after half of its body: status, headers and
     * {@code Content-Length} arrive, the body ends early, and reading it fails with an {@code IOException}. The
     * body should be at least 2 bytes long.
     */
    public static MockResponse truncatedBody(MockResponse complete) {
        return complete.newBuilder().onResponseBody(new SocketEffect.CloseSocket()).build();
    }

    /**
     * Reads the request and never answers, holding the connection open until the client gives up (its read timeout)
     * or the server closes: for timeout tests.
     */
    public static MockResponse noResponse() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }

    /** The given response, sent only after {@code delay}: a slow server, for read-timeout tests. */
    public static MockResponse delayedHeaders(MockResponse response, Duration delay) {
        return response.newBuilder().headersDelay(delay.toNanos(), TimeUnit.NANOSECONDS).build();
    }

    /** The given response with its body trickling out at {@code bytesPerPeriod} bytes every {@code period}. */
    public static MockResponse throttledBody(MockResponse response, long bytesPerPeriod, Duration period) {
        if (bytesPerPeriod < 1) {
            throw new IllegalArgumentException("bytesPerPeriod must be positive: " + bytesPerPeriod);
        }
        return response.newBuilder().throttleBody(bytesPerPeriod, period.toNanos(), TimeUnit.NANOSECONDS).build();
    }

    /** An instant as an HTTP date (IMF-fixdate, RFC 9110), e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    public static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    private static MockResponse withRetryAfter(int status, Duration retryAfter) {
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return new MockResponse.Builder().code(status).setHeader("Retry-After", Long.toString(seconds)).build();
    }
}
