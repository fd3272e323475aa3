package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.json.Json;
import io.dataops4j.mlflow.webhooks.WebhookDelivery;
import io.dataops4j.mlflow.webhooks.WebhookEvent;
import io.dataops4j.mlflow.webhooks.WebhookVerificationException;
import io.dataops4j.mlflow.webhooks.WebhookVerifier;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against signatures computed independently with CPython's hmac (src/test/resources/webhooks/signature-vectors.json). */
class WebhookVerifierTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> vectors() throws Exception {
        try (InputStream in = WebhookVerifierTest.class.getResourceAsStream("/webhooks/signature-vectors.json")) {
            Map<String, Object> doc = (Map<String, Object>) Json.shared().parseValue(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (List<Map<String, String>>) doc.get("vectors");
        }
    }

    private static WebhookVerifier at(String secret, long epochSeconds) {
        return WebhookVerifier.of(Secret.of(secret)).withClock(Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC));
    }

    @Test
    void pythonVectorsVerify() throws Exception {
        for (Map<String, String> v : vectors()) {
            byte[] body = Base64.getDecoder().decode(v.get("body_base64"));
            long ts = Long.parseLong(v.get("timestamp"));
            WebhookVerifier verifier = at(v.get("secret"), ts + 30);
            assertEquals(v.get("signature"), verifier.signature(v.get("delivery_id"), v.get("timestamp"), body));
            WebhookDelivery d = verifier.verify(v.get("delivery_id"), v.get("timestamp"), v.get("signature"), body);
            assertEquals(v.get("delivery_id"), d.deliveryId());
            assertEquals(Instant.ofEpochSecond(ts), d.timestamp());
            assertEquals(new String(body, StandardCharsets.UTF_8), d.body());
        }
    }

    @Test
    void payloadIsReadable() throws Exception {
        Map<String, String> v = vectors().get(1);
        byte[] body = Base64.getDecoder().decode(v.get("body_base64"));
        WebhookDelivery d = at(v.get("secret"), 1700000000).verify(Map.of(
                "X-MLflow-Delivery-Id", v.get("delivery_id"), "X-MLflow-Timestamp", v.get("timestamp"),
                "X-MLflow-Signature", v.get("signature"))::get, body);
        assertEquals(WebhookEvent.REGISTERED_MODEL_CREATED, d.event());
        assertEquals("modèle-π", d.data().get("name"));
    }

    @Test
    void tamperingAndWrongSecretsAreRefused() throws Exception {
        Map<String, String> v = vectors().get(0);
        byte[] body = Base64.getDecoder().decode(v.get("body_base64"));
        long ts = Long.parseLong(v.get("timestamp"));
        String id = v.get("delivery_id");
        String sig = v.get("signature");
        WebhookVerifier ok = at(v.get("secret"), ts);
        byte[] tampered = body.clone();
        tampered[10] ^= 1;
        assertThrows(WebhookVerificationException.class, () -> ok.verify(id, v.get("timestamp"), sig, tampered));
        assertThrows(WebhookVerificationException.class, () -> ok.verify("another-id", v.get("timestamp"), sig, body));
        assertThrows(WebhookVerificationException.class, () -> at("wrong-secret", ts).verify(id, v.get("timestamp"), sig, body));
        assertThrows(WebhookVerificationException.class, () -> ok.verify(id, v.get("timestamp"), "v2," + sig.substring(3), body));
        assertThrows(WebhookVerificationException.class, () -> ok.verify(id, v.get("timestamp"), "v1,not base64!", body));
        assertFalse(ok.isValid(id, v.get("timestamp"), sig.substring(0, sig.length() - 4) + "AAA=", body));
        // several signatures (key rotation): one matching is enough
        assertTrue(ok.isValid(id, v.get("timestamp"), "v1,AAAA " + sig, body));
    }

    @Test
    void timestampsOutsideTheToleranceAreRefused() throws Exception {
        Map<String, String> v = vectors().get(0);
        byte[] body = Base64.getDecoder().decode(v.get("body_base64"));
        long ts = Long.parseLong(v.get("timestamp"));
        String id = v.get("delivery_id");
        String sig = v.get("signature");
        assertTrue(at(v.get("secret"), ts + 300).isValid(id, v.get("timestamp"), sig, body), "exactly at the default 5 minutes");
        WebhookVerificationException late = assertThrows(WebhookVerificationException.class,
                () -> at(v.get("secret"), ts + 301).verify(id, v.get("timestamp"), sig, body));
        assertTrue(late.getMessage().contains("tolerance"), late.getMessage());
        assertFalse(at(v.get("secret"), ts - 301).isValid(id, v.get("timestamp"), sig, body), "from the future too");
        assertTrue(at(v.get("secret"), ts + 3000).withTolerance(Duration.ofHours(1)).isValid(id, v.get("timestamp"), sig, body));
        assertFalse(at(v.get("secret"), ts + 10).withTolerance(Duration.ZERO).isValid(id, v.get("timestamp"), sig, body));
        assertThrows(WebhookVerificationException.class, () -> at(v.get("secret"), ts).verify(id, "yesterday", sig, body));
    }

    @Test
    void missingHeadersAreNamed() {
        WebhookVerifier verifier = at("whsec-missing", 0);
        WebhookVerificationException e = assertThrows(WebhookVerificationException.class,
                () -> verifier.verify(Map.of("X-MLflow-Delivery-Id", "d", "X-MLflow-Timestamp", "0")::get, new byte[0]));
        assertTrue(e.getMessage().contains("X-MLflow-Signature"), e.getMessage());
        assertThrows(WebhookVerificationException.class, () -> verifier.verify(null, "0", "v1,x", new byte[0]));
    }

    @Test
    void theSecretNeverShows() {
        Secret secret = Secret.of("whsec-never-shown-123");
        WebhookVerifier verifier = WebhookVerifier.of(secret);
        assertFalse(verifier.toString().contains("never-shown"), verifier.toString());
        WebhookVerificationException e = assertThrows(WebhookVerificationException.class,
                () -> verifier.verify("d", Long.toString(Instant.now().getEpochSecond()), "v1,AAAA", new byte[0]));
        assertFalse(e.getMessage().contains("never-shown"), e.getMessage());
    }
}
