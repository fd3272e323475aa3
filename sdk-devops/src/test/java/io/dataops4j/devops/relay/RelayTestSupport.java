package io.dataops4j.devops.relay;

import io.dataops4j.core.Secret;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.core.json.Json;
import io.dataops4j.devops.DevOpsClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A DevOps mock answering as recorded from the official client, and a plain HTTP sender. */
final class RelayTestSupport {
    static final String RUN = "{\"id\":123,\"name\":\"20261128.1\",\"state\":\"inProgress\",\"pipeline\":{\"id\":7,\"name\":\"deploy\"}}";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The header Databricks signs registry webhook deliveries with (shared/reference/databricks-api.md). */
    static final String DATABRICKS_SIGNATURE = "X-Databricks-Signature";

    private RelayTestSupport() {
    }

    /**
     * What Databricks sends in {@link #DATABRICKS_SIGNATURE}, computed here on its own (not by the verifier under test):
     * the lowercase hex HMAC-SHA256 of the raw body keyed with the secret, as the docs' Python sample does
     * ({@code hmac.new(secret, body, hashlib.sha256).hexdigest()}).
     */
    static String databricksSignature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A DevOps mock: creates releases and runs, and lists the releases it created (newest first, as
     * {@code GET _apis/release/releases} answers). The first {@code failures} creates answer 503 without creating; the
     * first {@code appliedThenFailed} creates create the release and then answer 503 (the ambiguous case); the first
     * {@code throttled} creates answer 429.
     */
    static final class DevOpsMock extends Dispatcher {
        final MockWebServer server = new MockWebServer();
        final List<RecordedRequest> creates = new CopyOnWriteArrayList<>();
        final List<RecordedRequest> lists = new CopyOnWriteArrayList<>();
        final List<Map<String, Object>> releases = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger appliedThenFailed = new AtomicInteger();
        final AtomicInteger throttled = new AtomicInteger();

        DevOpsMock() {
            server.setDispatcher(this);
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public MockResponse dispatch(RecordedRequest r) {
            String path = r.getUrl().encodedPath();
            if (r.getMethod().equals("POST") && (path.endsWith("/_apis/release/releases") || path.endsWith("/runs"))) {
                creates.add(r);
                if (throttled.getAndDecrement() > 0) {
                    return new MockResponse.Builder().code(429).setHeader("Retry-After", "0").body("").build();
                }
                if (failures.getAndDecrement() > 0) {
                    return new MockResponse.Builder().code(503).body("").build();
                }
                if (path.endsWith("/runs")) {
                    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(RUN).build();
                }
                Map<String, Object> body = (Map<String, Object>) Json.shared().parseValue(r.getBody().utf8());
                Map<String, Object> release = new LinkedHashMap<>();
                long id = 17 + releases.size();
                release.put("id", id);
                release.put("name", "Release-" + id);
                release.put("status", "active");
                release.put("description", body.get("description"));
                release.put("releaseDefinition", Map.of("id", body.get("definitionId"), "name", "deploy-model"));
                release.put("createdOn", Instant.now().toString());
                releases.add(0, release);
                if (appliedThenFailed.getAndDecrement() > 0) {
                    return new MockResponse.Builder().code(503).body("").build();
                }
                Map<String, Object> answer = new LinkedHashMap<>(release);
                answer.put("environments", List.of(Map.of("id", 41, "name", "staging", "status", "inProgress")));
                return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(Json.shared().toJson(answer)).build();
            }
            if (r.getMethod().equals("GET") && path.endsWith("/_apis/release/releases")) {
                lists.add(r);
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body(Json.shared().toJson(Map.of("count", releases.size(), "value", releases))).build();
            }
            return new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                    .body("{\"message\":\"no such route\",\"typeKey\":\"NotFound\"}").build();
        }

        DevOpsClient client() {
            return DevOpsClient.builder(server.url("/myorg").toString()).pat(Secret.of("relay-pat-123"))
                    .releaseUrl(server.url("/vsrm/myorg").toString()).retryPolicy(RetryPolicy.none()).build();
        }
    }

    /** Waits (up to a minute, not asserted) until the relay has finished {@code n} actions, well or badly. */
    static void awaitActions(Relay relay, long n) throws InterruptedException {
        for (int i = 0; i < 600 && relay.actionsDone() + relay.actionsFailed() < n; i++) {
            Thread.sleep(100);
        }
    }

    static HttpResponse<String> post(String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
