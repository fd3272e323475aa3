package io.dataops4j.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.Versions;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.error.DeserializationException;
import io.dataops4j.core.error.TransportException;
import io.dataops4j.core.internal.HttpPipeline;
import io.dataops4j.core.json.Json;
import io.dataops4j.core.testsupport.RecordingSleeper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransportTest {
    private MockWebServer server;

    public record Item(String id, String name) {
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient.Builder builder() {
        return ApiClient.builder("TEST", "sdk-test").baseUrl(server.url("/base").toString()).sleeper(new RecordingSleeper());
    }

    @Test
    void userAgentNamesSdkJavaAndModule() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        builder().build().send(ApiRequest.get("x").build());
        String ua = server.takeRequest().getHeaders().get("User-Agent");
        assertEquals("dataops4j/" + Versions.sdk() + " java/" + System.getProperty("java.version") + " sdk-test", ua);
        assertTrue(ua.matches("dataops4j/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? java/\\S+ sdk-test"), ua);
        assertFalse(Versions.sdk().contains("${"), "the version is filtered in at build time");
    }

    @Test
    void pathsResolveAgainstTheBaseUrlAndQueriesAreEncoded() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        ApiClient c = builder().build();
        assertEquals(server.url("/base/").toString(), c.baseUrl().toString(), "a base URL always ends in '/'");
        c.send(ApiRequest.get("/api/2.0/items").query("filter", "name eq \"a&b\"").query("skip", null)
                .queryAll("id", List.of(1, 2)).build());
        RecordedRequest r = server.takeRequest();
        assertEquals("/base/api/2.0/items?filter=name%20eq%20%22a%26b%22&id=1&id=2", r.getTarget());
    }

    @Test
    void plainHttpIsRefusedToHostsThatAreNotLoopback() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ApiClient.builder("TEST", "m").baseUrl("http://adb-1.azuredatabricks.net/").build());
        assertTrue(e.getMessage().contains("not loopback"), e.getMessage());
        assertNotNull(ApiClient.builder("TEST", "m").baseUrl("http://adb-1.azuredatabricks.net/").allowInsecureHttp(true).build());
        assertNotNull(ApiClient.builder("TEST", "m").baseUrl("https://adb-1.azuredatabricks.net/").build());
        assertThrows(ConfigurationException.class, () -> ApiClient.builder("TEST", "m").baseUrl("ftp://host/").build());
        assertThrows(ConfigurationException.class, () -> ApiClient.builder("TEST", "m").build());
        assertThrows(ConfigurationException.class, () -> ApiClient.builder("TEST", "m").baseUrl("not a url").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "[::1]", "mlflow.localhost"})
    void plainHttpIsAllowedOnLoopback(String host) {
        assertNotNull(ApiClient.builder("TEST", "m").baseUrl("http://" + host + ":5000/").build());
    }

    @Test
    void loopbackDetection() {
        assertTrue(HttpPipeline.isLoopback("::1"));
        assertFalse(HttpPipeline.isLoopback("127.example.com"));
        assertFalse(HttpPipeline.isLoopback("10.0.0.1"));
        assertFalse(HttpPipeline.isLoopback("localhost.example.com"));
        assertFalse(HttpPipeline.isLoopback(null));
    }

    @Test
    void anAbsoluteHttpLinkToAnotherHostIsRefusedPerRequest() {
        ApiClient c = builder().build();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> c.send(ApiRequest.get("http://files.example.com/result?sig=abc").build()));
        assertTrue(e.getMessage().contains("files.example.com"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aProxySelectorInstalledAfterStartupIsHonoured() throws Exception {
        // the target host is not loopback, so plain http needs the explicit opt-in; the "proxy" is the mock server
        assertNotNull(builder().build(), "the shared connection pool exists before the selector is installed");
        ProxySelector previous = ProxySelector.getDefault();
        List<URI> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getHostName(), server.getPort())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // nothing to remember
            }
        });
        try {
            server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\"}").build());
            ApiClient c = ApiClient.builder("TEST", "m").baseUrl("http://api.proxied-1.example/").allowInsecureHttp(true).build();
            Item item = c.send(ApiRequest.get("v1/items/1").build(), Item.class);
            assertEquals("1", item.id());
            RecordedRequest r = server.takeRequest();
            assertEquals("GET http://api.proxied-1.example/v1/items/1 HTTP/1.1", r.getRequestLine(), "absolute form: a proxy request");
            assertTrue(asked.stream().anyMatch(u -> u.getHost().equals("api.proxied-1.example")), asked.toString());
        } finally {
            ProxySelector.setDefault(previous);
        }
    }

    @Test
    void theJvmProxyPropertiesAreHonoured() throws Exception {
        String[] keys = {"http.proxyHost", "http.proxyPort", "http.nonProxyHosts"};
        String[] saved = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            saved[i] = System.getProperty(keys[i]);
        }
        System.setProperty("http.proxyHost", server.getHostName());
        System.setProperty("http.proxyPort", Integer.toString(server.getPort()));
        System.setProperty("http.nonProxyHosts", "localhost");
        try {
            server.enqueue(new MockResponse.Builder().body("{}").build());
            ApiClient c = ApiClient.builder("TEST", "m").baseUrl("http://api.proxied-2.example/").allowInsecureHttp(true).build();
            c.send(ApiRequest.get("v1/ping").build());
            assertEquals("GET http://api.proxied-2.example/v1/ping HTTP/1.1", server.takeRequest().getRequestLine());
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], saved[i]);
                }
            }
        }
    }

    @Test
    void aPerCallTimeoutOverridesTheClients() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        ApiClient c = builder().retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofMinutes(5)).build();
        TransportException e = assertThrows(TransportException.class,
                () -> c.send(ApiRequest.get("slow").timeout(Duration.ofMillis(200)).build()));
        assertTrue(e.getMessage().contains("timeout"), e.getMessage());
    }

    @Test
    void defaultHeadersInterceptorsAndCredentialAreOnEveryAttempt() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().body("{}").build());
        ApiClient c = builder()
                .credential(Credential.bearer(Secret.of("transport-test-token-1")))
                .defaultHeader("X-TFS-FedAuthRedirect", "Suppress")
                .interceptor((request, attempt, header) -> header.accept("X-Attempt", Integer.toString(attempt)))
                .build();
        c.send(ApiRequest.get("x").header("Accept", "application/json").build());
        for (int attempt = 1; attempt <= 2; attempt++) {
            RecordedRequest r = server.takeRequest();
            assertEquals("Bearer transport-test-token-1", r.getHeaders().get("Authorization"));
            assertEquals("Suppress", r.getHeaders().get("X-TFS-FedAuthRedirect"));
            assertEquals("application/json", r.getHeaders().get("Accept"));
            assertEquals(Integer.toString(attempt), r.getHeaders().get("X-Attempt"));
        }
    }

    @Test
    void unauthenticatedRequestsCarryNoCredential() throws Exception {
        server.enqueue(new MockResponse.Builder().body("data").build());
        ApiClient c = builder().credential(Credential.bearer(Secret.of("transport-test-token-2"))).build();
        try (ApiResponse r = c.execute(ApiRequest.get(server.url("/external/chunk?sig=abc").toString()).unauthenticated().build())) {
            assertEquals("data", r.bodyString());
        }
        assertNull(server.takeRequest().getHeaders().get("Authorization"));
    }

    @Test
    void sendGivesNullForNoContentAndEmptyBodies() {
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        ApiClient c = builder().build();
        assertNull(c.send(ApiRequest.delete("x").build(), Item.class));
        assertNull(c.send(ApiRequest.get("x").build(), Item.class));
    }

    @Test
    void executeStreamsTheBodyAndExposesHeaders() {
        String big = "y".repeat(200_000);
        server.enqueue(new MockResponse.Builder().addHeader("X-MS-ContinuationToken", "abc").body(big).build());
        try (ApiResponse r = builder().build().execute(ApiRequest.get("download").build())) {
            assertEquals(200, r.status());
            assertEquals("abc", r.header("x-ms-continuationtoken"));
            assertEquals(List.of("abc"), r.headers().get("x-ms-continuationtoken"));
            assertNotNull(r.requestId());
            assertEquals(big, new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBodyCutOffWhileTheCallerReadsItIsATransportFailure() {
        String cut = "{\"id\":\"1\",\"name\":\"" + "n".repeat(5000) + "\"}";
        server.enqueue(new MockResponse.Builder().body(cut).onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().body(cut).onResponseBody(new SocketEffect.CloseSocket()).build());
        ApiClient c = builder().build();
        try (ApiResponse r = c.execute(ApiRequest.get("big").build())) {
            TransportException e = assertThrows(TransportException.class, () -> r.decode(Item.class));
            assertTrue(e.getMessage().startsWith("failed to read the answer from " + server.url("/base/big")), e.getMessage());
        }
        try (ApiResponse r = c.execute(ApiRequest.get("big").build())) {
            assertThrows(TransportException.class, r::bodyString);
        }
    }

    @Test
    void aDecodeErrorNamesTheRequestAndTheJsonPath() {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"1\",\"name\":{\"nested\":true}}").build());
        DeserializationException e = assertThrows(DeserializationException.class,
                () -> builder().build().send(ApiRequest.get("items/1").query("token", "s3cr3t-value").build(), Item.class));
        assertTrue(e.getMessage().contains("GET " + server.url("/base/items/1")), e.getMessage());
        assertTrue(e.getMessage().contains("$.name"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t-value"), e.getMessage());
        assertEquals(1, server.getRequestCount(), "a well-formed answer of the wrong shape is not retried");
    }

    @Test
    void aJsonBodyIsSentWithItsContentType() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        builder().build().send(ApiRequest.post("items").json(Map.of("name", "n")).build());
        RecordedRequest r = server.takeRequest();
        assertEquals("application/json; charset=utf-8", r.getHeaders().get("Content-Type"));
        assertEquals("{\"name\":\"n\"}", r.getBody().utf8());
    }

    @Test
    void formBodiesAreUrlEncoded() {
        ApiBody form = ApiBody.form(new java.util.LinkedHashMap<>(Map.of("grant_type", "client_credentials")));
        assertEquals("application/x-www-form-urlencoded", form.contentType());
        assertEquals("grant_type=client_credentials", new String(((ApiBody.Bytes) form).data(), StandardCharsets.UTF_8));
    }

    @Test
    void requestsAreImmutableAndValidated() {
        assertThrows(IllegalStateException.class, () -> ApiRequest.get("x").body(ApiBody.json(1)).build());
        ApiRequest r = ApiRequest.post("x").json(Json.shared().parseValue("{\"a\":1}")).operation("op").build();
        assertFalse(r.idempotent(), "a POST is not idempotent unless marked");
        assertTrue(ApiRequest.put("x").build().idempotent());
        assertTrue(ApiRequest.delete("x").build().idempotent());
        assertFalse(ApiRequest.patch("x").build().idempotent());
        ApiRequest copy = r.toBuilder().idempotent().build();
        assertTrue(copy.idempotent());
        assertFalse(r.idempotent());
        assertEquals("op", copy.operation());
        assertEquals("POST x", r.toString());
    }

    @Test
    void newBuilderDerivesAVariant() {
        ApiClient a = builder().credential(Credential.bearer(Secret.of("transport-test-token-3"))).build();
        ApiClient b = a.newBuilder().retryPolicy(RetryPolicy.none()).build();
        assertEquals(a.baseUrl(), b.baseUrl());
        assertEquals("bearer", b.credential().kind());
        assertEquals(RetryPolicy.none(), b.retryPolicy());
        assertEquals(RetryPolicy.defaults(), a.retryPolicy());
        assertEquals("TEST", b.service());
        assertEquals(a.baseUrl().resolve("x/y"), a.resolve("x/y"));
    }
}
