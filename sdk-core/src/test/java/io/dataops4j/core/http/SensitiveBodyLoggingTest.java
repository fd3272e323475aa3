package io.dataops4j.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.testsupport.CapturingLogs;
import io.dataops4j.core.testsupport.RecordingSleeper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * A request marked {@link ApiRequest.Builder#sensitiveBody()} never has its body logged, even at TRACE and even on
 * retries: only its content type and length; the body itself still reaches the service unchanged.
 */
class SensitiveBodyLoggingTest {
    /** A secret under a name redaction does not know ("value" of a variable), so only the flag can hide it. */
    private static final String SECRET = "var-secret-7f3a91c2";
    private static final Map<String, Object> BODY = Map.of("variables", Map.of("DB_PASSWORD_VAR",
            Map.of("value", SECRET, "isSecret", true)));

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        CapturingLogs.clear();
        CapturingLogs.level(Level.TRACE);
    }

    @AfterEach
    void stop() {
        CapturingLogs.level(Level.INFO);
        server.close();
    }

    private ApiClient client() {
        return ApiClient.builder("TEST", "sdk-core-test").baseUrl(server.url("/").toString())
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2)).sleeper(new RecordingSleeper()).build();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{\"id\":1}").build();
    }

    private static List<String> bodyLines() {
        return CapturingLogs.lines().stream().filter(l -> l.contains("--> body:")).toList();
    }

    @Test
    void withoutTheFlagTraceShowsTheJsonBody() throws Exception {
        // the control: this body's secret is under a name redaction cannot know, so TRACE would print it
        server.enqueue(ok());
        try (ApiClient api = client()) {
            api.send(ApiRequest.post("runs").json(BODY).build());
        }
        assertTrue(bodyLines().stream().anyMatch(l -> l.contains(SECRET)), "the control body is logged: " + bodyLines());
    }

    @Test
    void aSensitiveBodyShowsOnlyItsContentTypeAndLength() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("{}").build()); // and once more on the retry
        server.enqueue(ok());
        ApiRequest request = ApiRequest.post("runs").json(BODY).idempotent().sensitiveBody().build();
        long length = request.body().length();
        try (ApiClient api = client()) {
            api.send(request);
        }
        List<String> lines = bodyLines();
        assertEquals(2, lines.size(), "one body line per attempt: " + lines);
        for (String line : lines) {
            assertTrue(line.contains("--> body: application/json; charset=utf-8 (" + length + " bytes, sensitive: not logged)"), line);
        }
        assertFalse(CapturingLogs.lines().isEmpty());
        for (String line : CapturingLogs.lines()) {
            assertFalse(line.contains(SECRET), line);
            assertFalse(line.contains("DB_PASSWORD_VAR"), "no part of the body: " + line);
        }
        server.takeRequest();
        RecordedRequest sent = server.takeRequest();
        assertTrue(sent.getBody().utf8().contains(SECRET), "the service still receives the body as given");
    }

    @Test
    void theFlagCoversEveryBodyKindAndSurvivesToBuilder() throws Exception {
        byte[] data = ("password-free text with " + SECRET).getBytes(StandardCharsets.UTF_8);
        ApiRequest stream = ApiRequest.put("blob").body(ApiBody.stream(() -> new ByteArrayInputStream(data), data.length,
                "text/plain")).sensitiveBody().build();
        ApiRequest copy = stream.toBuilder().build();
        assertTrue(copy.sensitiveBody(), "toBuilder keeps the flag");
        assertFalse(ApiRequest.post("x").json(BODY).build().sensitiveBody(), "off by default");
        server.enqueue(ok());
        server.enqueue(ok());
        try (ApiClient api = client()) {
            api.send(copy);
            api.send(ApiRequest.post("form").body(ApiBody.form(Map.of("value", SECRET))).sensitiveBody().build());
        }
        List<String> lines = bodyLines();
        assertEquals(List.of("text/plain (" + data.length + " bytes, sensitive: not logged)",
                "application/x-www-form-urlencoded (" + ("value=" + SECRET).length() + " bytes, sensitive: not logged)"),
                lines.stream().map(l -> l.substring(l.indexOf("--> body: ") + 10)).toList());
        assertTrue(CapturingLogs.lines().stream().noneMatch(l -> l.contains(SECRET)));
    }
}
