package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.error.BadRequestException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.mlflow.webhooks.CreateWebhook;
import io.dataops4j.mlflow.webhooks.UpdateWebhook;
import io.dataops4j.mlflow.webhooks.Webhook;
import io.dataops4j.mlflow.webhooks.WebhookDelivery;
import io.dataops4j.mlflow.webhooks.WebhookEvent;
import io.dataops4j.mlflow.webhooks.WebhookStatus;
import io.dataops4j.mlflow.webhooks.WebhookTestResult;
import io.dataops4j.mlflow.webhooks.WebhookVerificationException;
import io.dataops4j.mlflow.webhooks.WebhookVerifier;
import io.dataops4j.mlflow.webhooks.Webhooks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhooksTest {
    private final MlflowClient mlflow = TestSupport.client();
    private final Webhooks webhooks = mlflow.webhooks();

    private static WebhookDelivery awaitDelivery(LocalHttp receiver, WebhookVerifier verifier, WebhookEvent event,
                                                 String modelName) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            LocalHttp.Received r = receiver.next(30);
            assertNotNull(r, "no delivery of " + event + " for " + modelName);
            WebhookDelivery d = verifier.verify(r::header, r.body());
            if (d.event().equals(event) && modelName.equals(d.data().get("name"))) {
                return d;
            }
        }
        throw new AssertionError("no delivery of " + event + " for " + modelName);
    }

    @Test
    void crudAndServerTest() throws Exception {
        try (LocalHttp receiver = new LocalHttp(r -> new LocalHttp.Answer(200, "reçu", Map.of()))) {
            Secret secret = Secret.of("whsec-" + TestSupport.unique("crud"));
            String name = TestSupport.unique("hook");
            Webhook created = webhooks.create(CreateWebhook.builder(name, receiver.url() + "/hook")
                    .event(WebhookEvent.REGISTERED_MODEL_CREATED).event(WebhookEvent.MODEL_VERSION_ALIAS_CREATED)
                    .description("déploiement").secret(secret).build());
            assertNotNull(created.webhookId());
            assertEquals(name, created.name());
            assertEquals(WebhookStatus.ACTIVE, created.status());
            assertEquals(Set.of(WebhookEvent.REGISTERED_MODEL_CREATED, WebhookEvent.MODEL_VERSION_ALIAS_CREATED),
                    Set.copyOf(created.events()), "the server keeps the events, not their order");
            assertNotNull(created.creationTimestamp());
            assertFalse(created.toString().contains(secret.reveal()), "the server never returns the secret");

            Webhook read = webhooks.get(created.webhookId());
            assertEquals(created.name(), read.name());
            assertEquals(Set.copyOf(created.events()), Set.copyOf(read.events()));
            assertEquals(created.creationTimestamp(), read.creationTimestamp());
            String other = webhooks.create(CreateWebhook.builder(TestSupport.unique("hook"), receiver.url() + "/other")
                    .event(WebhookEvent.MODEL_VERSION_TAG_SET).status(WebhookStatus.DISABLED).build()).webhookId();
            List<String> ids = webhooks.list(1).stream().map(Webhook::webhookId).toList();
            assertTrue(ids.contains(created.webhookId()) && ids.contains(other), ids.toString());

            Webhook updated = webhooks.update(created.webhookId(), UpdateWebhook.builder().description("nouveau")
                    .status(WebhookStatus.DISABLED).event(WebhookEvent.MODEL_VERSION_CREATED).build());
            assertEquals("nouveau", updated.description());
            assertEquals(WebhookStatus.DISABLED, updated.status());
            assertEquals(List.of(WebhookEvent.MODEL_VERSION_CREATED), updated.events());
            assertEquals(name, updated.name());

            // the server sends a signed example payload and reports what the receiver answered
            WebhookTestResult result = webhooks.test(created.webhookId(), WebhookEvent.MODEL_VERSION_ALIAS_CREATED);
            assertTrue(result.succeeded(), String.valueOf(result));
            assertEquals(200, result.responseStatus());
            assertEquals("reçu", result.responseBody());
            LocalHttp.Received testDelivery = receiver.next(10);
            assertEquals("/hook", testDelivery.path());
            assertEquals("application/json", testDelivery.header("Content-Type"));
            WebhookDelivery d = WebhookVerifier.of(secret).verify(testDelivery::header, testDelivery.body());
            assertEquals(WebhookEvent.MODEL_VERSION_ALIAS_CREATED, d.event());

            webhooks.delete(created.webhookId());
            webhooks.delete(other);
            assertThrows(ResourceNotFoundException.class, () -> webhooks.get(created.webhookId()));
        }
    }

    @Test
    void invalidWebhooksAreRefusedByTheServer() {
        BadRequestException badName = assertThrows(BadRequestException.class, () -> webhooks.create(
                CreateWebhook.builder("-not valid!", "https://example.com/hook").event(WebhookEvent.MODEL_VERSION_CREATED).build()));
        assertEquals("INVALID_PARAMETER_VALUE", badName.errorCode());
        BadRequestException badScheme = assertThrows(BadRequestException.class, () -> webhooks.create(
                CreateWebhook.builder(TestSupport.unique("hook"), "ftp://example.com/hook").event(WebhookEvent.MODEL_VERSION_CREATED).build()));
        assertTrue(badScheme.serviceMessage().contains("scheme"), badScheme.serviceMessage());
    }

    @Test
    void realEventsAreDeliveredSignedAndVerified() throws Exception {
        try (LocalHttp receiver = new LocalHttp(r -> new LocalHttp.Answer(200, "", Map.of()))) {
            Secret secret = Secret.of("whsec-" + TestSupport.unique("real"));
            Webhook hook = webhooks.create(CreateWebhook.builder(TestSupport.unique("hook"), receiver.url() + "/events")
                    .event(WebhookEvent.REGISTERED_MODEL_CREATED).event(WebhookEvent.MODEL_VERSION_ALIAS_CREATED)
                    .secret(secret).build());
            try {
                String model = TestSupport.unique("webhook-modèle");
                mlflow.registeredModels().create(model, "livré", List.of(Tag.of("équipe", "fraude")));

                WebhookVerifier verifier = WebhookVerifier.of(secret);
                WebhookDelivery d = awaitDelivery(receiver, verifier, WebhookEvent.REGISTERED_MODEL_CREATED, model);
                assertEquals(Map.of("équipe", "fraude"), d.data().get("tags"));
                assertEquals("livré", d.data().get("description"));
                assertEquals("registered_model", d.payload().get("entity"));
                assertEquals("created", d.payload().get("action"));
                assertTrue(d.deliveryId().length() >= 32, d.deliveryId());

                // the same bytes do not verify under another secret
                assertThrows(WebhookVerificationException.class, () -> WebhookVerifier.of(Secret.of("some-other-secret"))
                        .verify(d.deliveryId(), Long.toString(d.timestamp().getEpochSecond()),
                                verifier.signature(d.deliveryId(), Long.toString(d.timestamp().getEpochSecond()), new byte[0]),
                                d.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } finally {
                webhooks.delete(hook.webhookId());
            }
        }
    }
}
