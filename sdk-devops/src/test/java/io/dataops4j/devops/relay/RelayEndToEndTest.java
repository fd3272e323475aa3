package io.dataops4j.devops.relay;

import com.sun.net.httpserver.HttpServer;
import io.dataops4j.core.Secret;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.json.Json;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.registry.CreateModelVersion;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.webhooks.CreateWebhook;
import io.dataops4j.mlflow.webhooks.WebhookEvent;
import io.dataops4j.mlflow.webhooks.WebhookVerifier;
import io.dataops4j.testkit.MlflowServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A real MLflow server with a webhook on the relay: setting an alias creates exactly one release on the DevOps mock;
 * the same delivery again (also after a restart) creates none; a forged signature is refused.
 */
class RelayEndToEndTest {
    private static final String SECRET = "e2e-hook-secret-5b1";

    /** What MLflow delivered, as the relay received it, with the relay's answer. */
    record Captured(Map<String, String> headers, byte[] body, int relayStatus) {
    }

    @Test
    void aliasOnARealMlflowServerCreatesExactlyOneRelease(@TempDir Path tmp) throws Exception {
        RelayTestSupport.DevOpsMock devops = new RelayTestSupport.DevOpsMock();
        RelayConfig config = new RelayConfig(null, 0, null, tmp.resolve("state.jsonl").toString(), null, null, null, null, null, "proj",
                null, null, List.of(new RelayRule("to-prod", "model_version_alias.created", "churn-*", null, "champion", 5L, null,
                Map.of("TARGET", "prod"))));
        Relay relay = Relay.builder(config).devops(devops.client()).mlflowSecret(Secret.of(SECRET)).start();
        // a pass-through in front of the relay keeps MLflow's delivery so that the test can send it again
        BlockingQueue<Captured> captured = new LinkedBlockingQueue<>();
        HttpServer tap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String relayUrl = relay.url();
        tap.createContext("/webhook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String name : List.of(WebhookVerifier.SIGNATURE_HEADER, WebhookVerifier.DELIVERY_ID_HEADER, WebhookVerifier.TIMESTAMP_HEADER,
                    "Content-Type")) {
                String v = ex.getRequestHeaders().getFirst(name);
                if (v != null) {
                    h.put(name, v);
                }
            }
            HttpResponse<String> r = RelayTestSupport.post(relayUrl, h, body);
            captured.add(new Captured(h, body, r.statusCode()));
            ex.sendResponseHeaders(r.statusCode(), -1);
            ex.close();
        });
        tap.start();
        Captured kept;
        try (MlflowServer server = MlflowServer.builder().name("relay").start();
             MlflowClient mlflow = MlflowClient.of(server.trackingUri())) {
            String model = "churn-" + UUID.randomUUID().toString().substring(0, 8);
            mlflow.registeredModels().create(model);
            Run run = mlflow.runs().create(mlflow.experiments().create("relay-" + model), "train");
            mlflow.artifacts().upload(run.id(), "model/MLmodel",
                    ApiBody.bytes("artifact_path: model\nflavors: {}\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
            String version = mlflow.modelVersions().createAndWait(CreateModelVersion.builder(model, run.info().artifactUri() + "/model")
                    .runId(run.id()).build(), Duration.ofMinutes(1)).version();
            mlflow.webhooks().create(CreateWebhook.builder("relay-" + model, "http://127.0.0.1:" + tap.getAddress().getPort() + "/webhook")
                    .event(WebhookEvent.MODEL_VERSION_ALIAS_CREATED).secret(Secret.of(SECRET)).build());

            mlflow.registeredModels().setAlias(model, "champion", version);

            Captured delivery = captured.poll(90, TimeUnit.SECONDS);
            assertNotNull(delivery, "MLflow delivered the alias event; server log:\n" + server.logTail(30));
            assertEquals(202, delivery.relayStatus(), "the relay verified and accepted the delivery");
            kept = delivery;
            var create = devops.server.takeRequest(30, TimeUnit.SECONDS);
            assertNotNull(create, "the relay created a release");
            assertEquals("/vsrm/myorg/proj/_apis/release/releases", create.getUrl().encodedPath());
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) Json.shared().parseValue(create.getBody().utf8());
            assertEquals(5.0, ((Number) body.get("definitionId")).doubleValue());
            assertEquals(Map.of("TARGET", Map.of("value", "prod"), "MODEL_EVENT", Map.of("value", "model_version_alias.created"),
                    "MODEL_NAME", Map.of("value", model), "MODEL_VERSION", Map.of("value", version),
                    "MODEL_ALIAS", Map.of("value", "champion")), body.get("variables"));

            // the same delivery again: acknowledged, no second release
            HttpResponse<String> dup = RelayTestSupport.post(relayUrl, delivery.headers(), delivery.body());
            assertEquals(200, dup.statusCode());
            assertEquals(Map.of("duplicate", true), Json.shared().parseValue(dup.body()));

            // a forged signature: a fresh delivery id and timestamp, signed with another secret
            String id = UUID.randomUUID().toString();
            String ts = String.valueOf(System.currentTimeMillis() / 1000);
            String forged = WebhookVerifier.of(Secret.of("not-the-secret")).signature(id, ts, delivery.body());
            HttpResponse<String> bad = RelayTestSupport.post(relayUrl, Map.of(WebhookVerifier.SIGNATURE_HEADER, forged,
                    WebhookVerifier.DELIVERY_ID_HEADER, id, WebhookVerifier.TIMESTAMP_HEADER, ts), delivery.body());
            assertEquals(401, bad.statusCode());
        } finally {
            tap.stop(0);
            relay.close();
        }
        assertEquals(1, devops.creates.size(), "exactly one release");
        assertEquals(1, relay.actionsDone());

        // after a restart the state file still knows the delivery
        Relay again = Relay.builder(config).devops(devops.client()).mlflowSecret(Secret.of(SECRET)).start();
        try {
            HttpResponse<String> dup = RelayTestSupport.post(again.url(), kept.headers(), kept.body());
            assertEquals(200, dup.statusCode());
            assertEquals(Map.of("duplicate", true), Json.shared().parseValue(dup.body()));
        } finally {
            again.close();
        }
        assertEquals(1, devops.creates.size(), "still exactly one release after the restart");
        devops.server.close();
    }
}
