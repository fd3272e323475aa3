package io.dataops4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two dedicated servers for the whole class, as a DEV -> PROD copy test would have them. */
class MlflowServerTest {
    @RegisterExtension
    static final MlflowServerExtension DEV = MlflowServerExtension.dedicated("dev");
    @RegisterExtension
    static final MlflowServerExtension PROD = MlflowServerExtension.dedicated("prod");

    @Test
    void createsAnExperimentAndReadsItBack(@MlflowInstance("dev") MlflowServer dev) {
        String id = TestHttp.createExperiment(dev, "created-" + System.nanoTime());

        TestHttp.Reply reply = TestHttp.get(dev.uri(), "/api/2.0/mlflow/experiments/get?experiment_id=" + id);

        assertEquals(200, reply.status());
        Map<String, Object> experiment = TestHttp.experiment(reply);
        assertEquals(id, experiment.get("experiment_id"));
        assertTrue(((String) experiment.get("name")).startsWith("created-"));
        // proxied artifacts
        assertEquals("mlflow-artifacts:/" + id, experiment.get("artifact_location"));
    }

    @Test
    void twoServersRunAtOnceWithSeparateStores(@MlflowInstance("dev") MlflowServer dev,
                                               @MlflowInstance("prod") MlflowServer prod) {
        assertSame(DEV.server(), dev);
        assertSame(PROD.server(), prod);
        assertNotEquals(dev.port(), prod.port());
        assertEquals("http://127.0.0.1:" + dev.port(), dev.trackingUri());
        assertEquals(dev.trackingUri(), dev.uri().toString());
        assertNotEquals(dev.workDir(), prod.workDir());
        assertTrue(Files.isRegularFile(dev.databaseFile()));
        assertTrue(Files.isRegularFile(prod.databaseFile()));
        assertEquals("sqlite:///" + dev.workDir().resolve("mlflow.db"), dev.backendStoreUri());
        assertTrue(dev.backendStoreUri().startsWith("sqlite:////"));
        assertEquals("dev", dev.name());
        assertTrue(dev.isRunning() && prod.isRunning());

        String name = "only-on-dev-" + System.nanoTime();
        TestHttp.createExperiment(dev, name);

        assertEquals(200, TestHttp.get(dev.uri(), "/api/2.0/mlflow/experiments/get-by-name?experiment_name=" + name).status());
        TestHttp.Reply onProd = TestHttp.get(prod.uri(), "/api/2.0/mlflow/experiments/get-by-name?experiment_name=" + name);
        assertEquals(404, onProd.status());
        assertEquals("RESOURCE_DOES_NOT_EXIST", onProd.json().get("error_code"));
    }

    @Test
    void deliversWebhooksToAPlainHttpLoopbackReceiver(@MlflowInstance("prod") MlflowServer prod) throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.enqueue(new MockResponse.Builder().code(200).build());
            receiver.start();
            String url = receiver.url("/hook").toString();
            TestHttp.Reply created = TestHttp.post(prod.uri(), "/api/2.0/mlflow/webhooks",
                    "{\"name\":\"loopback\",\"url\":\"" + url + "\","
                            + "\"events\":[{\"entity\":\"REGISTERED_MODEL\",\"action\":\"CREATED\"}]}");
            assertEquals(200, created.status(), created.body());
            @SuppressWarnings("unchecked")
            String webhookId = (String) ((Map<String, Object>) created.json().get("webhook")).get("webhook_id");

            TestHttp.Reply tested = TestHttp.post(prod.uri(), "/api/2.0/mlflow/webhooks/" + webhookId + "/test", "{}");

            assertEquals(200, tested.status(), tested.body());
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) tested.json().get("result");
            assertEquals(Boolean.TRUE, result.get("success"), tested.body());
            RecordedRequest delivery = receiver.takeRequest(30, TimeUnit.SECONDS);
            assertEquals("POST", delivery.getMethod());
            assertEquals("/hook", delivery.getUrl().encodedPath());
            assertTrue(delivery.getHeaders().get("X-MLflow-Delivery-Id") != null, delivery.getHeaders().toString());
        }
    }

    @Test
    void theRegisteredFieldsHandOutTheirServers() {
        List<MlflowServer> both = List.of(DEV.server(), PROD.server());
        assertEquals(List.of("dev", "prod"), both.stream().map(MlflowServer::name).toList());
        assertEquals(java.util.Optional.of("dev"), DEV.name());
        assertTrue(DEV.toString().contains("dev"));
    }
}
