package io.dataops4j.devops.relay;

import io.dataops4j.core.Secret;
import io.dataops4j.core.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.dataops4j.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay with Databricks-signed deliveries, limits, health and retries, against a DevOps mock. */
class RelayTest {
    private static final String SECRET = "dbx-hook-secret-9c4";
    private static final byte[] TRANSITION = ("{\"event\":\"MODEL_VERSION_TRANSITIONED_STAGE\",\"webhook_id\":\"c5596721253c4b429368cf6f4341b88a\","
            + "\"event_timestamp\":1623964513742,\"model_name\":\"churn\",\"version\":\"3\",\"to_stage\":\"Production\","
            + "\"from_stage\":\"Staging\",\"text\":\"promote\"}").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private RelayConfig config(String json) throws Exception {
        Path f = tmp.resolve("relay.json");
        Files.writeString(f, json);
        return RelayConfig.read(f).withStateFile(tmp.resolve("state.jsonl"));
    }

    private static Map<String, String> signed(byte[] body) {
        return Map.of(RelayTestSupport.DATABRICKS_SIGNATURE, RelayTestSupport.databricksSignature(SECRET, body), "Content-Type",
                "application/json");
    }

    @Test
    void databricksTransitionStartsOnePipelineRunWithRetries() throws Exception {
        RelayTestSupport.DevOpsMock devops = new RelayTestSupport.DevOpsMock();
        devops.failures.set(1); // the first create answers 503, the retry succeeds
        RelayConfig cfg = config("{\"project\":\"proj\",\"maxBodyBytes\":2048,\"rules\":[{\"event\":\"MODEL_VERSION_TRANSITIONED_STAGE\","
                + "\"model\":\"ch?rn\",\"stage\":\"production\",\"pipelineId\":7,\"variables\":{\"ENV\":\"prod\"}}]}");
        assertEquals("127.0.0.1", cfg.bind(), "loopback unless told otherwise");
        try (Relay relay = Relay.builder(cfg).devops(devops.client()).databricksSecret(Secret.of(SECRET))
                .retryTiming(Duration.ofMillis(1), d -> { }).start()) {
            assertTrue(relay.url().startsWith("http://127.0.0.1:"), relay.url());
            HttpResponse<String> r = RelayTestSupport.post(relay.url(), signed(TRANSITION), TRANSITION);
            assertEquals(202, r.statusCode(), r.body());
            var first = devops.server.takeRequest(10, TimeUnit.SECONDS);
            var second = devops.server.takeRequest(10, TimeUnit.SECONDS);
            assertNotNull(second, "retried after the 503");
            assertEquals("/myorg/proj/_apis/pipelines/7/runs", second.getUrl().encodedPath());
            assertEquals(first.getBody().utf8(), second.getBody().utf8());
            assertEquals(Map.of("variables", Map.of("ENV", Map.of("value", "prod"), "MODEL_EVENT", Map.of("value", "MODEL_VERSION_TRANSITIONED_STAGE"),
                    "MODEL_NAME", Map.of("value", "churn"), "MODEL_VERSION", Map.of("value", "3"), "MODEL_STAGE", Map.of("value", "Production"))),
                    Json.shared().parseValue(second.getBody().utf8()));
            // Databricks sends no delivery id: the same event again is known by its identity
            HttpResponse<String> dup = RelayTestSupport.post(relay.url(), signed(TRANSITION), TRANSITION);
            assertEquals(Map.of("duplicate", true), Json.shared().parseValue(dup.body()));
        }
        assertEquals(2, devops.creates.size(), "one action, one retry");
        devops.server.close();
    }

    private static final String RELEASE_RULE = "{\"project\":\"proj\",\"rules\":[{\"event\":\"MODEL_VERSION_TRANSITIONED_STAGE\","
            + "\"stage\":\"Production\",\"releaseDefinitionId\":5}]}";

    @Test
    void aReleaseCreatedBeforeA5xxIsFoundAndNotCreatedAgain() throws Exception {
        RelayTestSupport.DevOpsMock devops = new RelayTestSupport.DevOpsMock();
        devops.appliedThenFailed.set(1); // DevOps creates the release, then the answer is lost (503)
        Instant before = Instant.now();
        try (Relay relay = Relay.builder(config(RELEASE_RULE)).devops(devops.client()).databricksSecret(Secret.of(SECRET))
                .retryTiming(Duration.ofMillis(1), d -> { }).start()) {
            assertEquals(202, RelayTestSupport.post(relay.url(), signed(TRANSITION), TRANSITION).statusCode());
            RelayTestSupport.awaitActions(relay, 1);
            assertEquals(1, relay.actionsDone(), "the action counts as done: its release exists");
        }
        assertEquals(1, devops.creates.size(), "no second create after the ambiguous 503");
        assertEquals(1, devops.releases.size(), "exactly one release");
        assertEquals(1, devops.lists.size(), "one search before the retry");
        var list = devops.lists.get(0).getUrl();
        assertEquals("/vsrm/myorg/proj/_apis/release/releases", list.encodedPath());
        assertEquals("5", list.queryParameter("definitionId"));
        assertEquals("100", list.queryParameter("$top"));
        Instant since = Instant.parse(list.queryParameter("minCreatedTime"));
        assertTrue(!since.isAfter(before.minus(Relay.LOOKUP_SKEW).plusSeconds(60)) && since.isBefore(before),
                "created after shortly before the first attempt: " + since);
        String description = (String) devops.releases.get(0).get("description");
        assertTrue(description.startsWith("dataops4j relay: MODEL_VERSION_TRANSITIONED_STAGE churn v3 -> Production [dataops4j-relay "),
                description);
        devops.server.close();
    }

    @Test
    void aCreateThatDidNotHappenIsRetriedAfterTheSearchFindsNothing() throws Exception {
        RelayTestSupport.DevOpsMock devops = new RelayTestSupport.DevOpsMock();
        devops.failures.set(1); // 503 without a release
        devops.throttled.set(1); // and a 429 before it: refused, retried without a search
        try (Relay relay = Relay.builder(config(RELEASE_RULE)).devops(devops.client()).databricksSecret(Secret.of(SECRET))
                .retryTiming(Duration.ofMillis(1), d -> { }).start()) {
            assertEquals(202, RelayTestSupport.post(relay.url(), signed(TRANSITION), TRANSITION).statusCode());
            RelayTestSupport.awaitActions(relay, 1);
            assertEquals(1, relay.actionsDone());
        }
        assertEquals(3, devops.creates.size(), "429, 503, then the create that succeeded");
        assertEquals(1, devops.lists.size(), "a search only after the ambiguous 503, none after the 429");
        assertEquals(1, devops.releases.size(), "exactly one release");
        // the same event always carries the same marker, another event another one
        RelayEvent e = new RelayEvent("databricks", null, "MODEL_VERSION_TRANSITIONED_STAGE", "churn", "3", "Production", null, null, "1");
        assertEquals(Relay.marker(e, 5), Relay.marker(e, 5));
        assertTrue(!Relay.marker(e, 5).equals(Relay.marker(e, 6)));
        assertTrue(((String) devops.releases.get(0).get("description")).endsWith(Relay.marker(new RelayEvent("databricks", null,
                "MODEL_VERSION_TRANSITIONED_STAGE", "churn", "3", "Production", null, null, "1623964513742"), 5)));
        devops.server.close();
    }

    @Test
    void refusesForgedUnsignedOversizedAndMalformedDeliveries() throws Exception {
        RelayTestSupport.DevOpsMock devops = new RelayTestSupport.DevOpsMock();
        RelayConfig cfg = config("{\"project\":\"proj\",\"maxBodyBytes\":1024,\"rules\":[{\"event\":\"MODEL_VERSION_TRANSITIONED_STAGE\","
                + "\"releaseDefinitionId\":5}]}");
        try (Relay relay = Relay.builder(cfg).devops(devops.client()).databricksSecret(Secret.of(SECRET)).start()) {
            assertEquals(401, RelayTestSupport.post(relay.url(), Map.of(RelayTestSupport.DATABRICKS_SIGNATURE,
                    RelayTestSupport.databricksSignature("wrong", TRANSITION)), TRANSITION).statusCode(), "forged");
            byte[] tampered = new String(TRANSITION, StandardCharsets.UTF_8).replace("\"version\":\"3\"", "\"version\":\"4\"")
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals(401, RelayTestSupport.post(relay.url(), Map.of(RelayTestSupport.DATABRICKS_SIGNATURE,
                    RelayTestSupport.databricksSignature(SECRET, TRANSITION)), tampered).statusCode(), "body changed after signing");
            // Databricks sends lowercase hex: the same digest in uppercase was re-encoded on the way and is refused
            HttpResponse<String> upper = RelayTestSupport.post(relay.url(), Map.of(RelayTestSupport.DATABRICKS_SIGNATURE,
                    RelayTestSupport.databricksSignature(SECRET, TRANSITION).toUpperCase(java.util.Locale.ROOT)), TRANSITION);
            assertEquals(401, upper.statusCode(), "uppercase hex");
            assertEquals("{\"error\":\"signature not verified\"}", upper.body());
            assertEquals(401, RelayTestSupport.post(relay.url(), Map.of(), TRANSITION).statusCode(), "unsigned");
            assertEquals(401, RelayTestSupport.post(relay.url(), Map.of(io.dataops4j.mlflow.webhooks.WebhookVerifier.SIGNATURE_HEADER, "v1,AAAA"),
                    TRANSITION).statusCode(), "MLflow deliveries without an MLflow secret");
            byte[] big = new byte[4096];
            java.util.Arrays.fill(big, (byte) ' ');
            assertEquals(413, RelayTestSupport.post(relay.url(), signed(big), big).statusCode(), "oversized");
            byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
            assertEquals(400, RelayTestSupport.post(relay.url(), signed(garbage), garbage).statusCode(), "malformed");
            byte[] noModel = "{\"event\":\"MODEL_VERSION_CREATED\"}".getBytes(StandardCharsets.UTF_8);
            assertEquals(400, RelayTestSupport.post(relay.url(), signed(noModel), noModel).statusCode(), "no model name");
            byte[] other = "{\"event\":\"COMMENT_CREATED\",\"model_name\":\"churn\",\"version\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> unmatched = RelayTestSupport.post(relay.url(), signed(other), other);
            assertEquals(200, unmatched.statusCode());
            assertEquals("{\"matched\":0}", unmatched.body());
            HttpResponse<String> health = RelayTestSupport.HTTP.send(HttpRequest.newBuilder(URI.create(relay.url().replace("/webhook", "/health")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"status\":\"ok\""), health.body());
            assertFalse(relay.toString().contains(SECRET));
        }
        assertEquals(0, devops.creates.size(), "nothing reached DevOps");
        devops.server.close();
    }

    @Test
    void configErrorsNameTheProblem() throws Exception {
        ConfigurationException noProject = assertThrows(ConfigurationException.class,
                () -> config("{\"rules\":[{\"event\":\"x\",\"pipelineId\":1}]}"));
        assertTrue(noProject.getMessage().contains("project"), noProject.getMessage());
        ConfigurationException both = assertThrows(ConfigurationException.class,
                () -> config("{\"project\":\"p\",\"rules\":[{\"event\":\"x\",\"pipelineId\":1,\"releaseDefinitionId\":2}]}"));
        assertTrue(both.getMessage().contains("exactly one"), both.getMessage());
        RelayRule rule = RelayRule.release("model_version_alias.created", "churn-*", "champion", 5, true);
        assertTrue(rule.matches(new RelayEvent("mlflow", "d", "model_version_alias.created", "churn-eu", "3", null, "champion", null, "t")));
        assertFalse(rule.matches(new RelayEvent("mlflow", "d", "model_version_alias.created", "fraud", "3", null, "champion", null, "t")));
        assertFalse(rule.matches(new RelayEvent("mlflow", "d", "model_version_alias.created", "churn-eu", "3", null, "challenger", null, "t")));
    }
}
