package io.dataops4j.databricks.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.TestSupport;
import io.dataops4j.testkit.FixtureDispatcher;
import io.dataops4j.testkit.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook secrets, authorization values and job tokens never reach a log line (slf4j-simple at TRACE, which logs
 * requests and bodies), an exception message or a toString(), even when the service echoes them back in errors.
 */
class RegistryWebhookSecretLeakTest {
    private static final String SECRET = "whsec-leak-test-7f3a9c21e0";
    private static final String ROTATED = "whsec-leak-rotated-55b1d0e7";
    private static final String AUTH_CRED = "ci-leak-credential-90ab77";
    private static final String JOB_TOKEN = "dapi-leak-job-token-3e8f4c1d";
    private static final String[] LOGGERS = {"io.dataops4j", "io.dataops4j.http", "io.dataops4j.databricks",
        RegistryWebhooks.class.getName()};

    @TempDir
    Path home;

    @Test
    void secretsStayHidden() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "create busy then echo", "when": {"method": "POST", "path": "/api/2.0/mlflow/registry-webhooks/create"},
                  "then": [{"status": 503, "body": {"error_code": "TEMPORARILY_UNAVAILABLE", "message": "busy with secret %1$s"}},
                           {"status": 400, "body": {"error_code": "INVALID_PARAMETER_VALUE",
                             "message": "bad http_url_spec {\\"secret\\": \\"%1$s\\", \\"authorization\\": \\"Bearer %2$s\\"}"}},
                           {"status": 400, "body": {"error_code": "INVALID_PARAMETER_VALUE", "message": "token %3$s cannot run job 11"}},
                           {"body": {"webhook": {"id": "wh-1", "status": "TEST_MODE", "http_url_spec": {"url": "https://ci.example.com/h"}}}}]},
                 {"name": "update", "when": {"method": "PATCH", "path": "/api/2.0/mlflow/registry-webhooks/update"},
                  "then": {"body": {"webhook": {"id": "wh-1", "status": "ACTIVE", "http_url_spec": {"url": "https://ci.example.com/h"}}}}},
                 {"name": "test", "when": {"method": "POST", "path": "/api/2.0/mlflow/registry-webhooks/test"},
                  "then": {"body": {"status_code": 401, "body": "receiver says: wrong Authorization Bearer %2$s"}}}]
                """.formatted(SECRET, AUTH_CRED, JOB_TOKEN)).build();
        List<String> texts = new ArrayList<>();
        // TRACE for these loggers, including ones created by earlier tests in this JVM; put back afterwards
        LogCapture logs = LogCapture.start().trace(LOGGERS);
        try (logs; MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            RegistryWebhooks hooks = dbx.registryWebhooks();
            HttpUrlSpec target = HttpUrlSpec.of("https://ci.example.com/h").withSecret(Secret.of(SECRET))
                    .withAuthorization(Secret.of("Bearer " + AUTH_CRED));
            CreateRegistryWebhook http = CreateRegistryWebhook.builder().modelName("m")
                    .events(RegistryWebhookEvent.MODEL_VERSION_CREATED).httpUrl(target).status(RegistryWebhookStatus.TEST_MODE).build();
            CreateRegistryWebhook job = CreateRegistryWebhook.builder().events(RegistryWebhookEvent.REGISTERED_MODEL_CREATED)
                    .job(WebhookJobSpec.of("11", Secret.of(JOB_TOKEN))).build();
            texts.add(http.toString());
            texts.add(job.toString());
            texts.add(target.toString());

            DataOpsException e1 = assertThrows(DataOpsException.class, () -> hooks.create(http));   // 503 retried, then 400
            texts.add(e1.getMessage());
            texts.add(String.valueOf(e1));
            DataOpsException e2 = assertThrows(DataOpsException.class, () -> hooks.create(job));
            texts.add(e2.getMessage());
            RegistryWebhook created = hooks.create(http);
            texts.add(created.toString());
            UpdateRegistryWebhook rotate = UpdateRegistryWebhook.of("wh-1").status(RegistryWebhookStatus.ACTIVE)
                    .httpUrl(HttpUrlSpec.of("https://ci.example.com/h").withSecret(Secret.of(ROTATED)));
            texts.add(rotate.toString());
            texts.add(hooks.update(rotate).toString());
            texts.add(hooks.test("wh-1").toString().replace(AUTH_CRED, "<echoed by the receiver: the caller's data>"));

            WebhookVerifier verifier = WebhookVerifier.of(Secret.of(SECRET));
            texts.add(verifier.toString());
            texts.add(assertThrows(WebhookVerificationException.class,
                    () -> verifier.verify(verifier.signature(new byte[] {1}), new byte[] {2})).getMessage());
            texts.add(assertThrows(WebhookVerificationException.class,
                    () -> verifier.verify(verifier.signature("x".getBytes(StandardCharsets.UTF_8)), "x".getBytes(StandardCharsets.UTF_8)))
                    .getMessage());
        }
        String log = logs.text();
        assertTrue(log.contains("--> POST") && log.contains("registry-webhooks/create"), "requests were logged:\n" + log);
        assertTrue(log.contains("creating registry webhook"), "the client logged its requests:\n" + log);
        assertTrue(log.contains("retrying"), "the 503 was retried and logged:\n" + log);
        assertEquals(6, fixtures.requestCount());
        texts.add(log);
        for (String t : texts) {
            for (String secret : List.of(SECRET, ROTATED, AUTH_CRED, JOB_TOKEN)) {
                assertFalse(t.contains(secret), secret + " leaked in: " + t);
            }
        }
    }
}
