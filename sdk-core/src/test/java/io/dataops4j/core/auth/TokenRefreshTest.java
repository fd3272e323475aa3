package io.dataops4j.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.error.UnauthenticatedException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.testsupport.FakeClock;
import io.dataops4j.core.testsupport.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenRefreshTest {
    private final FakeClock clock = new FakeClock();
    private final AtomicInteger fetches = new AtomicInteger();
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Tokens "refresh-test-token-N", each valid ten minutes from the fake now. */
    private TokenCredential credential() {
        return TokenCredential.of("custom", () -> {
            int n = fetches.incrementAndGet();
            return new AccessToken(Secret.of("refresh-test-token-" + n), clock.instant().plus(Duration.ofMinutes(10)));
        }).withRefresh(Duration.ofMinutes(2), clock);
    }

    @Test
    void cachedUntilShortlyBeforeExpiry() {
        TokenCredential c = credential();
        assertNull(c.cachedExpiry());
        assertEquals("Bearer refresh-test-token-1", c.headers(false).get("Authorization"));
        clock.advance(Duration.ofMinutes(7).plusSeconds(59));
        assertEquals("Bearer refresh-test-token-1", c.headers(false).get("Authorization"), "still more than 2 minutes left");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("Bearer refresh-test-token-2", c.headers(false).get("Authorization"), "2 minutes before expiry: a new token");
        assertEquals(2, fetches.get());
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), c.cachedExpiry());
        assertEquals("Bearer refresh-test-token-3", c.headers(true).get("Authorization"), "forced");
        assertEquals("Credential[custom]", c.toString());
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        TokenCredential c = TokenCredential.of("slow", () -> {
            fetches.incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new AccessToken(Secret.of("refresh-test-shared-token"), java.time.Instant.now().plus(Duration.ofHours(1)));
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(pool.submit(() -> c.headers(false).get("Authorization")));
            }
            for (Future<String> f : all) {
                assertEquals("Bearer refresh-test-shared-token", f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fetches.get());
    }

    @Test
    void a401ForcesOneRefreshAndTheSecondAttemptCarriesTheNewToken() throws Exception {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"expired\"}").build());
        server.enqueue(new MockResponse.Builder().body("{\"ok\":true}").build());
        ApiClient c = ApiClient.builder("TEST", "m").baseUrl(server.url("/").toString()).credential(credential())
                .sleeper(new RecordingSleeper()).build();
        c.send(ApiRequest.post("api/x").json(List.of()).build());
        assertEquals("Bearer refresh-test-token-1", server.takeRequest().getHeaders().get("Authorization"));
        assertEquals("Bearer refresh-test-token-2", server.takeRequest().getHeaders().get("Authorization"));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aSecond401SurfacesAsUnauthenticated() {
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"bad token\"}").build());
        server.enqueue(new MockResponse.Builder().body("{}").build());
        ApiClient c = ApiClient.builder("TEST", "m").baseUrl(server.url("/").toString()).credential(credential())
                .sleeper(new RecordingSleeper()).build();
        UnauthenticatedException e = assertThrows(UnauthenticatedException.class, () -> c.send(ApiRequest.get("api/x").build()));
        assertEquals("UNAUTHENTICATED", e.errorCode());
        assertEquals(2, server.getRequestCount(), "one refresh only");
        assertEquals(2, fetches.get());
    }

    @Test
    void withoutACredentialA401IsNotRepeated() {
        server.enqueue(new MockResponse.Builder().code(401).build());
        ApiClient c = ApiClient.builder("TEST", "m").baseUrl(server.url("/").toString()).build();
        assertThrows(UnauthenticatedException.class, () -> c.send(ApiRequest.get("api/x").build()));
        assertEquals(1, server.getRequestCount());
        assertTrue(c.toString().endsWith(", none]"), c.toString());
    }
}
