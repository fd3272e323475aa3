package io.dataops4j.databricks.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.paging.Page;
import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.TestSupport;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@link RegistryWebhooks} through the intents the official Python client (databricks-sdk 0.162.0,
 * ModelRegistryAPI) was recorded doing (fixtures/recorded/registry-webhooks.json, recorder/record_webhooks.sh): every
 * request must match the recorded one exactly (method, path, strict query, Authorization, JSON body by value), and
 * every recorded exchange must be used.
 */
class RegistryWebhooksRecordedTest {
    private static final String URL = "https://ci.example.com/hooks/databricks";

    @TempDir
    Path home;

    private FixtureDispatcher replay(Consumer<RegistryWebhooks> scenario, String... only) throws Exception {
        FixtureDispatcher all = FixtureDispatcher.fromClasspath("fixtures/recorded/registry-webhooks.json");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(all);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            scenario.accept(dbx.registryWebhooks());
            all.assertAllMatched();
            for (String name : only) {
                assertEquals(1, all.servedCount(name), name + " served once");
            }
        }
        return all;
    }

    static CreateRegistryWebhook httpHook() {
        return CreateRegistryWebhook.builder()
                .events(RegistryWebhookEvent.MODEL_VERSION_CREATED, RegistryWebhookEvent.MODEL_VERSION_TRANSITIONED_TO_PRODUCTION,
                        RegistryWebhookEvent.TRANSITION_REQUEST_TO_PRODUCTION_CREATED)
                .modelName("churn-classifier")
                .description("notify CI")
                .status(RegistryWebhookStatus.TEST_MODE)
                .httpUrl(HttpUrlSpec.of(URL).withSecret(Secret.of("whsec-test-0123456789"))
                        .withAuthorization(Secret.of("Bearer ci-token-0123456789")).withSslVerification(true))
                .build();
    }

    @Test
    void everyCallMatchesThePythonClient() throws Exception {
        FixtureDispatcher fixtures = replay(hooks -> {
            RegistryWebhook created = hooks.create(httpHook());
            assertEquals("wh-0001", created.id());
            assertEquals(RegistryWebhookStatus.TEST_MODE, created.status());
            assertEquals(URL, created.httpUrlSpec().url());
            assertEquals(Boolean.TRUE, created.httpUrlSpec().enableSslVerification());
            assertEquals(Instant.ofEpochMilli(1767225600000L), created.creationTimestamp());
            assertEquals(List.of(RegistryWebhookEvent.MODEL_VERSION_CREATED, RegistryWebhookEvent.MODEL_VERSION_TRANSITIONED_TO_PRODUCTION,
                    RegistryWebhookEvent.TRANSITION_REQUEST_TO_PRODUCTION_CREATED), created.events());
            assertFalse(created.registryWide());

            RegistryWebhook job = hooks.create(CreateRegistryWebhook.builder()
                    .events(RegistryWebhookEvent.REGISTERED_MODEL_CREATED, RegistryWebhookEvent.COMMENT_CREATED)
                    .job(WebhookJobSpec.of("11", Secret.of("dapi-job-token-0123456789")).inWorkspace("https://adb-2.azuredatabricks.net"))
                    .build());
            assertEquals("wh-0002", job.id());
            assertTrue(job.registryWide());
            assertEquals("11", job.jobSpec().jobId());
            assertEquals("https://adb-2.azuredatabricks.net", job.jobSpec().workspaceUrl());
            assertNull(job.httpUrlSpec());

            assertEquals(List.of("wh-0001", "wh-0003"), hooks.list("churn-classifier").stream().map(RegistryWebhook::id).toList());
            assertEquals(List.of("wh-0001", "wh-0002"), hooks.list(ListRegistryWebhooks.all()
                    .events(RegistryWebhookEvent.MODEL_VERSION_CREATED, RegistryWebhookEvent.COMMENT_CREATED).maxResults(10))
                    .stream().map(RegistryWebhook::id).toList());

            RegistryWebhook active = hooks.setStatus("wh-0001", RegistryWebhookStatus.ACTIVE);
            assertEquals(RegistryWebhookStatus.ACTIVE, active.status());
            RegistryWebhook disabled = hooks.update(UpdateRegistryWebhook.of("wh-0001").status(RegistryWebhookStatus.DISABLED)
                    .description("paused").events(RegistryWebhookEvent.MODEL_VERSION_TRANSITIONED_STAGE)
                    .httpUrl(HttpUrlSpec.of(URL + "-v2").withSecret(Secret.of("whsec-test-rotated-0001")).withSslVerification(false)));
            assertEquals(RegistryWebhookStatus.DISABLED, disabled.status());
            assertEquals("paused", disabled.description());
            assertEquals(Boolean.FALSE, disabled.httpUrlSpec().enableSslVerification());

            WebhookTestResult tested = hooks.test("wh-0001", RegistryWebhookEvent.MODEL_VERSION_TRANSITIONED_TO_PRODUCTION);
            assertEquals(200, tested.statusCode());
            assertEquals("{\"received\": true}", tested.body());
            assertTrue(tested.succeeded());
            assertEquals(200, hooks.test("wh-0001").statusCode());
            hooks.delete("wh-0001");
        });
        fixtures.assertAllUsed();
    }

    @Test
    void listingIsLazyAndFollowsPageTokens() throws Exception {
        replay(hooks -> {
            List<Page<RegistryWebhook>> pages = new ArrayList<>();
            for (Page<RegistryWebhook> p : hooks.list("churn-classifier").byPage()) {
                pages.add(p);
            }
            assertEquals(2, pages.size());
            assertEquals("wh-p2", pages.get(0).nextToken());
            assertEquals(RegistryWebhookStatus.ACTIVE, pages.get(0).items().get(0).status());
            assertEquals(RegistryWebhookStatus.DISABLED, pages.get(1).items().get(0).status());
            assertNull(pages.get(1).nextToken());
            // resuming from a saved token fetches only the second page
            assertEquals(List.of("wh-0003"), hooks.list("churn-classifier").resumeFrom("wh-p2").stream()
                    .map(RegistryWebhook::id).toList());
        });
    }

    @Test
    void firstFetchesOnePage() throws Exception {
        FixtureDispatcher f = replay(hooks -> assertEquals("wh-0001", hooks.list("churn-classifier").first().orElseThrow().id()));
        assertEquals(1, f.servedCount("webhook-list-model"));
        assertEquals(0, f.servedCount("webhook-list-model #2"), "the second page is never fetched");
    }

    @Test
    void statusLifecycleTestModeActiveDisabled() throws Exception {
        replay(hooks -> {
            List<RegistryWebhookStatus> seen = new ArrayList<>();
            seen.add(hooks.create(httpHook()).status());
            seen.add(hooks.setStatus("wh-0001", RegistryWebhookStatus.ACTIVE).status());
            seen.add(hooks.update(UpdateRegistryWebhook.of("wh-0001").status(RegistryWebhookStatus.DISABLED).description("paused")
                    .events(RegistryWebhookEvent.MODEL_VERSION_TRANSITIONED_STAGE)
                    .httpUrl(HttpUrlSpec.of(URL + "-v2").withSecret(Secret.of("whsec-test-rotated-0001")).withSslVerification(false)))
                    .status());
            assertEquals(List.of(RegistryWebhookStatus.TEST_MODE, RegistryWebhookStatus.ACTIVE, RegistryWebhookStatus.DISABLED), seen);
        }, "webhook-create-http", "webhook-update-active", "webhook-update-disabled");
    }

    @Test
    void serviceErrorsAndUnknownValues() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "gone", "when": {"method": "DELETE", "path": "/api/2.0/mlflow/registry-webhooks/delete", "query": {"id": "nope"}},
                  "then": {"status": 404, "body": {"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Webhook nope does not exist."}}},
                 {"name": "empty", "when": {"method": "GET", "path": "/api/2.0/mlflow/registry-webhooks/list", "query": {"model_name": "none"}},
                  "then": {"body": {}}},
                 {"name": "future", "when": {"method": "GET", "path": "/api/2.0/mlflow/registry-webhooks/list"},
                  "then": {"body": {"webhooks": [{"id": "wh-9", "events": ["MODEL_VERSION_DEPLOYED", "COMMENT_CREATED"], "status": "PAUSED_BY_ADMIN"}]}}}]""").build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            RegistryWebhooks hooks = TestSupport.client(server, home, TestSupport.clock()).registryWebhooks();
            ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> hooks.delete("nope"));
            assertTrue(e.getMessage().contains("RESOURCE_DOES_NOT_EXIST") && e.getMessage().contains("Webhook nope does not exist"),
                    e.getMessage());
            assertEquals(List.of(), hooks.list("none").toList());
            RegistryWebhook future = hooks.list().first().orElseThrow();
            assertEquals(List.of(RegistryWebhookEvent.UNKNOWN, RegistryWebhookEvent.COMMENT_CREATED), future.events());
            assertEquals(RegistryWebhookStatus.UNKNOWN, future.statusOrUnknown());
            assertEquals(3, fixtures.requestCount());
        }
    }
}
