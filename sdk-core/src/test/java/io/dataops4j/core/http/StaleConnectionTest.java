package io.dataops4j.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.TransportException;
import io.dataops4j.core.testsupport.RecordingSleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that closes idle keep-alive connections (uvicorn, in front of MLflow 3, does after 5 s) leaves stale
 * connections in the client's pool. A request that is not idempotent and fails on one of them, before any byte of an
 * answer, never reached the service: it is sent once more, on a new connection. Any other failure of such a request
 * (on a new connection, after an answer began, a timeout) is final: the service may have acted on it.
 */
class StaleConnectionTest {
    private MockWebServer server;
    private RecordingSleeper sleeper;

    public record Created(String id) {
    }

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

    private ApiClient client(RetryPolicy policy, Duration readTimeout) {
        return ApiClient.builder("TEST", "sdk-core-test").baseUrl(server.url("/").toString())
                .retryPolicy(policy).readTimeout(readTimeout).sleeper(sleeper).build();
    }

    /** An answer after which the server closes the connection, with no {@code Connection: close} to warn the client. */
    private static MockResponse thenClose(String body) {
        return new MockResponse.Builder().body(body).onResponseEnd(new SocketEffect.CloseSocket()).build();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().body(body).build();
    }

    private static ApiRequest create(String name) {
        return ApiRequest.post("api/items").json(java.util.Map.of("name", name)).build();
    }

    @Test
    void aPostOnAPooledConnectionTheServerClosedIsSentAgainOnANewConnection() throws Exception {
        server.enqueue(thenClose("{\"id\":\"warm-up\"}"));
        server.enqueue(thenClose("{\"id\":\"1\"}"));
        server.enqueue(thenClose("{\"id\":\"2\"}"));
        // no retry at all in the policy: the resend is not one of its retries
        ApiClient c = client(RetryPolicy.none(), Duration.ofSeconds(30));
        assertEquals("warm-up", c.send(ApiRequest.get("api/items/0").build(), Created.class).id());
        assertEquals("1", c.send(create("a"), Created.class).id(), "send: the stale connection is not the caller's problem");
        try (ApiResponse r = c.execute(create("b"))) {
            assertEquals("{\"id\":\"2\"}", r.bodyString(), "execute: the same");
        }

        assertEquals(3, server.getRequestCount(), "each request reached the server once: the stale attempts never did");
        RecordedRequest warm = server.takeRequest();
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertEquals("GET", warm.getMethod());
        assertEquals(List.of(0, 1, 2), List.of(warm.getConnectionIndex(), first.getConnectionIndex(), second.getConnectionIndex()),
                "each resend on a connection of its own");
        assertEquals("{\"name\":\"a\"}", first.getBody().utf8());
        assertEquals("{\"name\":\"b\"}", second.getBody().utf8());
        assertTrue(sleeper.waits().isEmpty(), "sent again at once");
    }

    @Test
    void anIdempotentRequestOnAStaleConnectionIsSentAgainAtOnceWithoutUsingTheRetryBudget() throws Exception {
        server.enqueue(thenClose("{\"id\":\"warm-up\"}"));
        server.enqueue(ok("{\"id\":\"1\"}"));
        ApiClient c = client(RetryPolicy.defaults(), Duration.ofSeconds(30));
        assertEquals("warm-up", c.send(ApiRequest.get("api/items/0").build(), Created.class).id());
        assertEquals("1", c.send(ApiRequest.get("api/items/1").build(), Created.class).id());
        assertEquals(2, server.getRequestCount());
        assertTrue(sleeper.waits().isEmpty(), "no backoff for a connection the server had closed: " + sleeper.waits());
    }

    @Test
    void theResendIsMadeOnceAndItsOwnFailureIsFinal() throws Exception {
        server.enqueue(thenClose("{\"id\":\"warm-up\"}"));
        // the resend reaches the server on a new connection, which then drops it unanswered: it may have been processed
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok("{\"id\":\"never\"}"));
        ApiClient c = client(RetryPolicy.defaults(), Duration.ofSeconds(30));
        c.send(ApiRequest.get("api/items/0").build(), Created.class);

        TransportException e = assertThrows(TransportException.class, () -> c.send(create("a"), Created.class));
        assertTrue(e.getMessage().contains("sent again once") && e.getMessage().contains("not idempotent"), e.getMessage());
        assertEquals(2, server.getRequestCount(), "the warm-up and the one resend; never a third send");
        server.takeRequest();
        assertEquals(1, server.takeRequest().getConnectionIndex());
    }

    @Test
    void aPostThatReachedTheServerOnANewConnectionAndLostItIsNotSentAgain() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok("{\"id\":\"duplicate\"}"));
        ApiClient c = client(RetryPolicy.defaults(), Duration.ofSeconds(30));

        assertThrows(TransportException.class, () -> c.send(create("a"), Created.class));
        assertEquals(1, server.getRequestCount(), "the server read the POST: sending it again could create a duplicate");
    }

    @Test
    void aPostWhoseAnswerHadBegunOnAPooledConnectionIsNotSentAgain() {
        server.enqueue(ok("{\"id\":\"warm-up\"}"));
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"" + "x".repeat(4000) + "\"}")
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok("{\"id\":\"duplicate\"}"));
        ApiClient c = client(RetryPolicy.defaults(), Duration.ofSeconds(30));
        c.send(ApiRequest.get("api/items/0").build(), Created.class);

        assertThrows(TransportException.class, () -> c.send(create("a"), Created.class));
        assertEquals(2, server.getRequestCount(), "the answer had begun: the POST was processed");
    }

    @Test
    void aPostThatTimesOutOnAPooledConnectionIsNotSentAgain() {
        server.enqueue(ok("{\"id\":\"warm-up\"}"));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(ok("{\"id\":\"duplicate\"}"));
        ApiClient c = client(RetryPolicy.defaults(), Duration.ofMillis(400));
        c.send(ApiRequest.get("api/items/0").build(), Created.class);

        TransportException e = assertThrows(TransportException.class, () -> c.send(create("a"), Created.class));
        assertTrue(e.getCause() instanceof java.io.InterruptedIOException, e.toString());
        assertEquals(2, server.getRequestCount(), "a slow service may still be working on it");
    }

    /**
     * A raw server whose second answer on a connection stops after a few bytes of its status line: an answer had
     * begun, so the request was processed, even though OkHttp never saw whole headers.
     */
    @Test
    void aPostWhoseStatusLineWasCutOffIsNotSentAgain() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger connections = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread t = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        connections.incrementAndGet();
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        for (int n = 0; ; n++) {
                            String head = readHead(in);
                            if (head == null) {
                                break;
                            }
                            requests.incrementAndGet();
                            seen.add(head.substring(0, head.indexOf(' ')));
                            if (n == 0) {
                                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n"
                                        + "{\"id\":\"warm-up\"}").getBytes(StandardCharsets.ISO_8859_1));
                                out.flush();
                            } else {
                                out.write("HTTP/1.1 20".getBytes(StandardCharsets.ISO_8859_1));
                                out.flush();
                                break;
                            }
                        }
                    } catch (IOException e) {
                        // the test closed the listener
                    }
                }
            }, "cut-status-line-server");
            t.setDaemon(true);
            t.start();
            ApiClient c = ApiClient.builder("TEST", "sdk-core-test").baseUrl("http://127.0.0.1:" + listener.getLocalPort() + "/")
                    .sleeper(sleeper).build();
            assertEquals("warm-up", c.send(ApiRequest.get("api/items/0").build(), Created.class).id());

            TransportException e = assertThrows(TransportException.class, () -> c.send(create("a"), Created.class));
            assertTrue(e.getMessage().contains("unexpected end of stream"), e.getMessage());
            assertEquals(List.of("GET", "POST"), seen);
            assertEquals(2, requests.get());
            assertEquals(1, connections.get(), "no new connection for a second send");
        }
    }

    /** Reads a request's head and skips its body (Content-Length only); null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        if (b == -1) {
            return null;
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
        return head.toString();
    }
}
