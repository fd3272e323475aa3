package io.dataops4j.databricks.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.json.Json;
import io.dataops4j.databricks.internal.RegistryWire;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation of webhook requests, the wire bodies they make, and secrets kept out of toString(). */
class RegistryWebhookRequestsTest {
    private static final String SECRET = "whsec-requests-test-0001";
    private static final String AUTH = "Bearer auth-requests-test-0001";
    private static final String JOB_TOKEN = "dapi-job-requests-test-0001";

    @Test
    void everyServiceEventIsKnown() {
        // the values of databricks-sdk's RegistryWebhookEvent (ml.py), plus UNKNOWN for values added later
        List<String> service = List.of("COMMENT_CREATED", "MODEL_VERSION_CREATED", "MODEL_VERSION_TAG_SET",
                "MODEL_VERSION_TRANSITIONED_STAGE", "MODEL_VERSION_TRANSITIONED_TO_ARCHIVED", "MODEL_VERSION_TRANSITIONED_TO_PRODUCTION",
                "MODEL_VERSION_TRANSITIONED_TO_STAGING", "REGISTERED_MODEL_CREATED", "TRANSITION_REQUEST_CREATED",
                "TRANSITION_REQUEST_TO_ARCHIVED_CREATED", "TRANSITION_REQUEST_TO_PRODUCTION_CREATED", "TRANSITION_REQUEST_TO_STAGING_CREATED");
        List<String> ours = Arrays.stream(RegistryWebhookEvent.values()).map(Enum::name).filter(n -> !n.equals("UNKNOWN")).sorted().toList();
        assertEquals(service, ours);
        assertEquals(RegistryWebhookEvent.UNKNOWN, Json.shared().fromJson("\"MODEL_VERSION_DEPLOYED\"", RegistryWebhookEvent.class));
        assertEquals(RegistryWebhookStatus.TEST_MODE, Json.shared().fromJson("\"TEST_MODE\"", RegistryWebhookStatus.class));
    }

    @Test
    void createNamesEveryProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CreateRegistryWebhook.builder()
                .modelName("churn").events(RegistryWebhookEvent.REGISTERED_MODEL_CREATED).build());
        assertTrue(e.getMessage().contains("REGISTERED_MODEL_CREATED is only allowed on a registry-wide webhook"), e.getMessage());
        assertTrue(e.getMessage().contains("exactly one target"), e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> CreateRegistryWebhook.builder()
                .httpUrl(HttpUrlSpec.of("https://x.example.com")).build());
        assertTrue(none.getMessage().contains("at least one event"), none.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> CreateRegistryWebhook.builder()
                .events(RegistryWebhookEvent.COMMENT_CREATED).httpUrl(HttpUrlSpec.of("https://x.example.com"))
                .job(WebhookJobSpec.of("1", Secret.of(JOB_TOKEN))).build());
        assertTrue(both.getMessage().contains("exactly one target"), both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UpdateRegistryWebhook.of(" "));
        assertThrows(IllegalArgumentException.class, () -> UpdateRegistryWebhook.of("wh").status(RegistryWebhookStatus.UNKNOWN));
        assertThrows(IllegalArgumentException.class, () -> ListRegistryWebhooks.all().maxResults(0));
        assertTrue(UpdateRegistryWebhook.of("wh").isEmpty());
    }

    @Test
    void bodiesRevealSecretsOnlyOnTheWire() {
        CreateRegistryWebhook c = CreateRegistryWebhook.builder().events(RegistryWebhookEvent.MODEL_VERSION_CREATED)
                .modelName("m").httpUrl(HttpUrlSpec.of("https://x.example.com/hook").withSecret(Secret.of(SECRET))
                        .withAuthorization(Secret.of(AUTH)))
                .build();
        Map<String, Object> body = RegistryWire.createBody(c);
        assertEquals(Map.of("url", "https://x.example.com/hook", "secret", SECRET, "authorization", AUTH), body.get("http_url_spec"));
        assertFalse(body.containsKey("status"), "left to the service's default");
        assertFalse(body.containsKey("job_spec"));
        UpdateRegistryWebhook u = UpdateRegistryWebhook.of("wh").job(WebhookJobSpec.of("7", Secret.of(JOB_TOKEN)));
        assertEquals(Map.of("id", "wh", "job_spec", Map.of("job_id", "7", "access_token", JOB_TOKEN)), RegistryWire.updateBody(u));
        for (String text : List.of(c.toString(), u.toString(), c.httpUrlSpec().toString(), u.jobSpec().toString(),
                WebhookVerifier.of(Secret.of(SECRET)).toString())) {
            assertFalse(text.contains(SECRET) || text.contains(AUTH) || text.contains("auth-requests") || text.contains(JOB_TOKEN), text);
            assertTrue(text.contains("****"), text);
        }
    }
}
