package io.dataops4j.cli.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.CliHarness;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataops4j databricks webhooks create|list|update|test|delete} against a MockWebServer. */
class WebhooksCommandTest {
    private static final String TOKEN = "dapi-cli-hooks-0001";
    private static final String HOOK_SECRET = "whsec-cli-test-0123456789";
    private static final String JOB_TOKEN = "dapi-cli-job-token-0001";
    private static final String API = "/api/2.0/mlflow/registry-webhooks/";

    @TempDir
    Path home;

    private MockWebServer server;
    private FixtureDispatcher fixtures;

    @BeforeEach
    void start() throws Exception {
        String hook = """
                {"id": "wh-1", "model_name": "churn", "status": "%s", "events": ["MODEL_VERSION_TRANSITIONED_TO_PRODUCTION"],
                 "http_url_spec": {"url": "https://ci.example.com/hook", "enable_ssl_verification": true},
                 "creation_timestamp": 1767225600000, "last_updated_timestamp": 1767225600000}""";
        fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "create http", "when": {"method": "POST", "path": "%1$screate",
                    "headers": {"Authorization": "Bearer %2$s"},
                    "body": {"model_name": "churn", "events": ["MODEL_VERSION_TRANSITIONED_TO_PRODUCTION"], "status": "TEST_MODE",
                             "description": "notify CI",
                             "http_url_spec": {"url": "https://ci.example.com/hook", "secret": "%3$s"}}},
                  "then": {"body": {"webhook": %5$s}}},
                 {"name": "create job", "when": {"method": "POST", "path": "%1$screate",
                    "body": {"events": ["REGISTERED_MODEL_CREATED"],
                             "job_spec": {"job_id": "11", "access_token": "%4$s", "workspace_url": "https://adb-2.azuredatabricks.net"}}},
                  "then": {"body": {"webhook": {"id": "wh-2", "status": "ACTIVE", "events": ["REGISTERED_MODEL_CREATED"],
                     "job_spec": {"job_id": "11", "workspace_url": "https://adb-2.azuredatabricks.net"}}}}},
                 {"name": "list page 1", "when": {"method": "GET", "path": "%1$slist", "query": {"model_name": "churn"}, "strictQuery": true},
                  "then": {"body": {"webhooks": [%5$s], "next_page_token": "p2"}}},
                 {"name": "list page 2", "when": {"method": "GET", "path": "%1$slist", "query": {"model_name": "churn", "page_token": "p2"},
                    "strictQuery": true},
                  "then": {"body": {"webhooks": [{"id": "wh-3", "model_name": "churn", "status": "DISABLED", "events": ["COMMENT_CREATED"],
                     "http_url_spec": {"url": "https://ci.example.com/other"}}]}}},
                 {"name": "activate", "when": {"method": "PATCH", "path": "%1$supdate", "body": {"id": "wh-1", "status": "ACTIVE"}},
                  "then": {"body": {"webhook": %6$s}}},
                 {"name": "disable", "when": {"method": "PATCH", "path": "%1$supdate", "body": {"id": "wh-1", "status": "DISABLED"}},
                  "then": {"body": {"webhook": %7$s}}},
                 {"name": "test ok", "when": {"method": "POST", "path": "%1$stest",
                    "body": {"id": "wh-1", "event": "MODEL_VERSION_TRANSITIONED_TO_PRODUCTION"}},
                  "then": {"body": {"status_code": 200, "body": "{\\"ok\\": true}"}}},
                 {"name": "test refused", "when": {"method": "POST", "path": "%1$stest", "body": {"id": "wh-2"}},
                  "then": {"body": {"status_code": 401, "body": "bad signature"}}},
                 {"name": "delete", "when": {"method": "DELETE", "path": "%1$sdelete", "query": {"id": "wh-1"}, "strictQuery": true},
                  "then": {"body": {}}}]
                """.formatted(API, TOKEN, HOOK_SECRET, JOB_TOKEN, hook.formatted("TEST_MODE"), hook.formatted("ACTIVE"),
                hook.formatted("DISABLED"))).build();
        server = new MockWebServer();
        server.setDispatcher(fixtures);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private CliHarness cli() {
        return CliHarness.in(home).env("DATABRICKS_HOST", server.url("/").toString()).env("DATABRICKS_TOKEN", TOKEN)
                .env("HOOK_SECRET", HOOK_SECRET).env("JOB_TOKEN", JOB_TOKEN);
    }

    @Test
    void createListUpdateTestDelete() {
        CliHarness.Result created = cli().run("--json", "databricks", "webhooks", "create", "--model", "churn",
                "--event", "model_version_transitioned_to_production", "--description", "notify CI", "--status", "TEST_MODE",
                "--url", "https://ci.example.com/hook", "--secret-env", "HOOK_SECRET");
        assertEquals(ExitCodes.OK, created.code(), created::toString);
        Map<String, Object> doc = created.json();
        assertEquals("wh-1", doc.get("id"));
        assertEquals("TEST_MODE", doc.get("status"));
        assertEquals("2026-01-01T00:00:00Z", doc.get("creation_timestamp"));

        CliHarness.Result job = cli().run("databricks", "webhooks", "create", "--event", "REGISTERED_MODEL_CREATED",
                "--job-id", "11", "--job-token-env", "JOB_TOKEN", "--workspace-url", "https://adb-2.azuredatabricks.net");
        assertEquals(ExitCodes.OK, job.code(), job::toString);
        assertTrue(job.out().contains("wh-2: ACTIVE (registry-wide) -> job 11 in https://adb-2.azuredatabricks.net"), job.out());

        CliHarness.Result list = cli().run("databricks", "webhooks", "list", "--model", "churn");
        assertEquals(ExitCodes.OK, list.code(), list::toString);
        assertTrue(list.out().contains("wh-1") && list.out().contains("wh-3") && list.out().contains("DISABLED"), list.out());
        assertEquals(1, fixtures.servedCount("list page 2"), "the second page was followed");

        for (String[] step : List.of(new String[] {"ACTIVE", "activate"}, new String[] {"DISABLED", "disable"})) {
            CliHarness.Result u = cli().run("databricks", "webhooks", "update", "wh-1", "--status", step[0]);
            assertEquals(ExitCodes.OK, u.code(), u::toString);
            assertTrue(u.out().startsWith("wh-1: " + step[0]), u.out());
            assertEquals(1, fixtures.servedCount(step[1]));
        }

        CliHarness.Result tested = cli().run("--json", "databricks", "webhooks", "test", "wh-1", "--event",
                "MODEL_VERSION_TRANSITIONED_TO_PRODUCTION");
        assertEquals(ExitCodes.OK, tested.code(), tested::toString);
        assertEquals(200, ((Number) tested.json().get("status_code")).intValue());
        assertEquals("{\"ok\": true}", tested.json().get("body"));
        CliHarness.Result refused = cli().run("databricks", "webhooks", "test", "wh-2");
        assertEquals(ExitCodes.FAILED, refused.code(), refused::toString);
        assertTrue(refused.out().contains("receiver answered HTTP 401") && refused.out().contains("bad signature"), refused.out());

        CliHarness.Result deleted = cli().run("databricks", "webhooks", "delete", "wh-1");
        assertEquals(ExitCodes.OK, deleted.code(), deleted::toString);
        assertEquals("wh-1: deleted", deleted.out().strip());
        fixtures.assertAllMatched();
        fixtures.assertAllUsed();
        for (CliHarness.Result r : List.of(created, job, list, tested, refused, deleted)) {
            assertFalse(r.out().contains(HOOK_SECRET) || r.err().contains(HOOK_SECRET) || r.out().contains(JOB_TOKEN)
                    || r.err().contains(JOB_TOKEN), r::toString);
        }
    }

    @Test
    void badInputIsAUsageErrorAndSendsNothing() {
        CliHarness.Result noSecret = CliHarness.in(home).env("DATABRICKS_HOST", server.url("/").toString()).env("DATABRICKS_TOKEN", TOKEN)
                .run("databricks", "webhooks", "create", "--model", "churn", "--event", "MODEL_VERSION_CREATED",
                        "--url", "https://ci.example.com/hook", "--secret-env", "MISSING_SECRET");
        assertEquals(ExitCodes.USAGE, noSecret.code(), noSecret::toString);
        assertTrue(noSecret.err().contains("webhook secret not set; looked in: environment variable MISSING_SECRET"), noSecret.err());

        CliHarness.Result badEvent = cli().run("databricks", "webhooks", "create", "--event", "MODEL_DEPLOYED", "--url", "https://x.example.com");
        assertEquals(ExitCodes.USAGE, badEvent.code(), badEvent::toString);
        assertTrue(badEvent.err().contains("unknown webhook event 'MODEL_DEPLOYED'"), badEvent.err());

        CliHarness.Result noTarget = cli().run("databricks", "webhooks", "create", "--event", "MODEL_VERSION_CREATED");
        assertEquals(ExitCodes.USAGE, noTarget.code(), noTarget::toString);
        assertTrue(noTarget.err().contains("a webhook needs --url URL or --job-id ID"), noTarget.err());

        CliHarness.Result wide = cli().run("databricks", "webhooks", "create", "--model", "churn", "--event", "REGISTERED_MODEL_CREATED",
                "--url", "https://x.example.com");
        assertEquals(ExitCodes.USAGE, wide.code(), wide::toString);
        assertTrue(wide.err().contains("REGISTERED_MODEL_CREATED is only allowed on a registry-wide webhook"), wide.err());

        CliHarness.Result nothing = cli().run("databricks", "webhooks", "update", "wh-1");
        assertEquals(ExitCodes.USAGE, nothing.code(), nothing::toString);
        assertTrue(nothing.err().contains("nothing to change"), nothing.err());

        CliHarness.Result onCommandLine = cli().run("databricks", "webhooks", "create", "--event", "MODEL_VERSION_CREATED",
                "--url", "https://x.example.com", "--secret", HOOK_SECRET);
        assertEquals(ExitCodes.USAGE, onCommandLine.code(), "no option takes a secret on the command line");
        assertTrue(onCommandLine.err().contains("did you mean '--secret-env'?"), onCommandLine.err());
        assertEquals(0, fixtures.requestCount(), "nothing was sent");
    }
}
