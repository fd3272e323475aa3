package io.dataops4j.databricks.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link WebhookVerifier} against vectors computed independently with Python's hmac/hashlib
 * (fixtures/signatures/make_registry_webhook_vectors.py), and against every way a delivery can be wrong.
 */
class WebhookVerifierTest {
    record Vector(String name, Secret secret, byte[] body, String signature) {
    }

    @SuppressWarnings("unchecked")
    static List<Vector> vectors() throws IOException {
        try (InputStream in = WebhookVerifierTest.class.getResourceAsStream("/fixtures/signatures/registry-webhook-signatures.json")) {
            Map<String, Object> doc = (Map<String, Object>) Json.shared().parseValue(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return ((List<Map<String, Object>>) doc.get("vectors")).stream().map(v -> new Vector((String) v.get("name"),
                    Secret.of((String) v.get("secret")), Base64.getDecoder().decode((String) v.get("body_base64")),
                    (String) v.get("signature"))).toList();
        }
    }

    @Test
    void acceptsEveryPythonVector() throws IOException {
        List<Vector> vectors = vectors();
        assertEquals(6, vectors.size());
        for (Vector v : vectors) {
            WebhookVerifier verifier = WebhookVerifier.of(v.secret());
            verifier.verifySignature(v.signature(), v.body());
            assertTrue(verifier.isValid(v.signature(), v.body()), v.name());
            assertEquals(v.signature(), verifier.signature(v.body()), v.name());
        }
    }

    @Test
    void readsTheTypedPayload() throws IOException {
        Vector v = vectors().get(0);
        WebhookDelivery d = WebhookVerifier.of(v.secret()).verify(headers(Map.of("x-databricks-signature", v.signature())), v.body());
        assertEquals(RegistryWebhookEvent.MODEL_VERSION_TRANSITIONED_STAGE, d.event());
        assertEquals("c5596721253c4b429368cf6f4341b88a", d.webhookId());
        assertEquals(Instant.ofEpochMilli(1767225600000L), d.eventTimestamp());
        assertEquals("churn-classifier", d.modelName());
        assertEquals("8", d.version());
        assertEquals("Production", d.toStage());
        assertEquals("None", d.fromStage());
        assertTrue(d.text().startsWith("Registered model 'churn-classifier' version 8"), d.text());
        assertEquals("8", d.payload().get("version"));

        Vector nonAscii = vectors().get(1);
        WebhookDelivery c = WebhookVerifier.of(nonAscii.secret()).verify(nonAscii.signature(), nonAscii.body());
        assertEquals(RegistryWebhookEvent.COMMENT_CREATED, c.event());
        assertEquals("modèle-prévision", c.modelName());
        assertEquals("Résumé: ça marche — 日本語のコメント 🚀", c.text());
        assertNull(c.toStage());
    }

    @Test
    void rejectsTamperedBodiesAndWrongSecrets() throws IOException {
        for (Vector v : vectors()) {
            byte[] tampered = v.body().length == 0 ? new byte[] {' '} : v.body().clone();
            tampered[tampered.length - 1] ^= 1;
            WebhookVerificationException e = assertThrows(WebhookVerificationException.class,
                    () -> WebhookVerifier.of(v.secret()).verifySignature(v.signature(), tampered), v.name());
            assertTrue(e.getMessage().contains("does not match the body"), e.getMessage());
            assertFalse(WebhookVerifier.of(Secret.of(v.secret().reveal() + "x")).isValid(v.signature(), v.body()), v.name());
        }
    }

    @Test
    void missingOrMalformedHeadersSayWhatIsWrong() throws IOException {
        Vector v = vectors().get(0);
        WebhookVerifier verifier = WebhookVerifier.of(v.secret());
        Map<String, String> expected = new TreeMap<>();
        expected.put("", "missing X-Databricks-Signature header");
        expected.put(v.signature().toUpperCase(Locale.ROOT), "uppercase hex digits");
        expected.put(v.signature().substring(2), "expected 64 lowercase hex digits (HMAC-SHA256), got 62 characters");
        expected.put("sha256=" + v.signature().substring(7), "character 1 is not a hex digit");
        for (Map.Entry<String, String> c : expected.entrySet()) {
            WebhookVerificationException e = assertThrows(WebhookVerificationException.class, () -> verifier.verify(c.getKey(), v.body()));
            assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
            assertFalse(e.getMessage().contains(v.secret().reveal()), e.getMessage());
        }
        WebhookVerificationException none = assertThrows(WebhookVerificationException.class,
                () -> verifier.verify(headers(Map.of()), v.body()));
        assertTrue(none.getMessage().contains("missing X-Databricks-Signature header"), none.getMessage());
    }

    @Test
    void aMatchingSignatureOnANonPayloadSaysSo() throws IOException {
        Vector binary = vectors().stream().filter(v -> v.name().contains("not UTF-8")).findFirst().orElseThrow();
        WebhookVerifier verifier = WebhookVerifier.of(binary.secret());
        verifier.verifySignature(binary.signature(), binary.body());
        WebhookVerificationException e = assertThrows(WebhookVerificationException.class,
                () -> verifier.verify(binary.signature(), binary.body()));
        assertTrue(e.getMessage().contains("the signature matches, but the body is not UTF-8"), e.getMessage());
        Vector empty = vectors().stream().filter(v -> v.name().equals("empty body")).findFirst().orElseThrow();
        WebhookVerificationException e2 = assertThrows(WebhookVerificationException.class,
                () -> WebhookVerifier.of(empty.secret()).verify(empty.signature(), empty.body()));
        assertTrue(e2.getMessage().contains("the body is empty"), e2.getMessage());
    }

    /** A case-insensitive header lookup, as the JDK's HttpServer gives. */
    private static java.util.function.Function<String, String> headers(Map<String, String> values) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.putAll(values);
        return m::get;
    }
}
