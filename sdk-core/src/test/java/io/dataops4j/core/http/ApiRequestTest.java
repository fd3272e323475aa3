package io.dataops4j.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dataops4j.core.error.ServerErrorException;
import io.dataops4j.core.testsupport.RecordingSleeper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ApiRequest's values and their immutability, and the retry statuses a request may choose for itself. */
class ApiRequestTest {
    private MockWebServer server;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient client() {
        return ApiClient.builder("TEST", "sdk-core-test").baseUrl(server.url("/").toString())
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(3)).sleeper(sleeper).build();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("{\"error_code\":\"E\",\"message\":\"m\"}").build();
    }

    @Test
    void aBuiltRequestIsImmutableAndIndependentOfItsBuilder() {
        ApiRequest.Builder b = ApiRequest.get("items").query("a", 1).header("X-One", "1");
        ApiRequest first = b.build();
        b.query("b", 2).header("X-Two", "2");
        ApiRequest second = b.build();
        assertEquals(1, first.query().size());
        assertEquals(Map.of("X-One", "1"), first.headers());
        assertEquals(2, second.query().size());
        assertEquals(List.of("X-One", "X-Two"), List.copyOf(second.headers().keySet()), "headers keep their order");
        assertThrows(UnsupportedOperationException.class, () -> first.headers().put("X", "y"));
        assertThrows(UnsupportedOperationException.class, () -> first.query().add(new String[] {"x", "y"}));

        ApiRequest bare = ApiRequest.delete("items/1").build();
        assertEquals(Map.of(), bare.headers());
        assertEquals(List.of(), bare.query());
        assertThrows(UnsupportedOperationException.class, () -> bare.headers().put("X", "y"));
        assertNull(bare.retryStatuses(), "the client's policy applies");
    }

    @Test
    void toBuilderKeepsEverything() {
        ApiRequest r = ApiRequest.post("items").query("q", "v").header("H", "h").idempotent().operation("items.create")
                .retryOn(Set.of(503)).build();
        ApiRequest copy = r.toBuilder().query("more", 1).build();
        assertEquals("POST", copy.method());
        assertEquals(List.of("q", "more"), copy.query().stream().map(q -> q[0]).toList());
        assertEquals(Map.of("H", "h"), copy.headers());
        assertEquals(true, copy.idempotent());
        assertEquals("items.create", copy.operation());
        assertEquals(Set.of(503), copy.retryStatuses());
        assertEquals(1, r.query().size(), "the original is untouched");
        ApiRequest bare = ApiRequest.get("x").build().toBuilder().header("A", "b").build();
        assertEquals(Map.of("A", "b"), bare.headers());
    }

    @Test
    void aRequestsOwnRetryStatusesReplaceThePolicys() throws Exception {
        ApiClient c = client();
        // 500 is in the policy's statuses but not in the request's: answered at once
        server.enqueue(status(500));
        ServerErrorException e = assertThrows(ServerErrorException.class,
                () -> c.send(ApiRequest.get("files/a").retryOn(Set.of(502, 503, 504)).build()));
        assertEquals(500, e.status());
        assertEquals(1, server.getRequestCount());

        // 503 is in the request's statuses: retried with the policy's backoff and attempts
        server.enqueue(status(503));
        server.enqueue(status(502));
        server.enqueue(new MockResponse.Builder().body("{}").build());
        c.send(ApiRequest.get("files/a").retryOn(Set.of(502, 503, 504)).build());
        assertEquals(4, server.getRequestCount());
        assertEquals(2, sleeper.waits().size());

        // a status the policy does not retry can be chosen too, and attempts stay the policy's
        server.enqueue(status(409));
        server.enqueue(status(409));
        server.enqueue(status(409));
        assertThrows(io.dataops4j.core.error.ConflictException.class,
                () -> c.send(ApiRequest.get("files/a").retryOn(Set.of(409)).build()));
        assertEquals(7, server.getRequestCount());

        // the policy's statuses still apply to other requests
        server.enqueue(status(500));
        server.enqueue(new MockResponse.Builder().body("{}").build());
        c.send(ApiRequest.get("files/b").build());
        assertEquals(9, server.getRequestCount());
    }

    @Test
    void retryStatusesNeverMakeARequestIdempotent() {
        server.enqueue(status(503));
        server.enqueue(new MockResponse.Builder().body("{}").build());
        assertThrows(ServerErrorException.class,
                () -> client().send(ApiRequest.post("items").json(Map.of("a", 1)).retryOn(Set.of(503)).build()));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anEmptySetMeansNoRetryOnAnyStatus() {
        server.enqueue(status(503));
        server.enqueue(new MockResponse.Builder().body("{}").build());
        assertThrows(ServerErrorException.class, () -> client().send(ApiRequest.get("x").retryOn(Set.of()).build()));
        assertEquals(1, server.getRequestCount());
        assertThrows(NullPointerException.class, () -> ApiRequest.get("x").retryOn(null));
    }
}
