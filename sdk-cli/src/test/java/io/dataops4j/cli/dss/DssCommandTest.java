package io.dataops4j.cli.dss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.CliHarness;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.testkit.FixtureDispatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dss commands against a MockWebServer answering from the exchanges recorded from dataikuapi
 * (sdk-dataiku/src/test/resources/fixtures/dss, written by wire/record-dss.py).
 */
class DssCommandTest {
    private static final Path FIXTURES = Path.of("../sdk-dataiku/src/test/resources/fixtures/dss");
    private static final String API_KEY = "fixture-dss-api-key-0001";
    private static final String APP_SECRET = "fixture-app-secret-0a1b2c";
    private static final String PORTAL_URL = "jdbc:sqlserver://dataopsws.sql.azuresynapse.net:1433;database=dw;"
            + "user=loader@dataopsws;password=Fixture-Passw0rd!;encrypt=true;trustServerCertificate=false;"
            + "hostNameInCertificate=*.sql.azuresynapse.net;loginTimeout=30;";

    @TempDir
    Path home;
    private MockWebServer server;
    private FixtureDispatcher fixtures;

    private CliHarness dss(String... ops) throws IOException {
        FixtureDispatcher.Builder b = FixtureDispatcher.builder();
        for (String op : ops) {
            b.path(FIXTURES.resolve(op + ".json"));
        }
        fixtures = b.build();
        server = new MockWebServer();
        server.setDispatcher(fixtures);
        server.start();
        String url = server.url("/").toString();
        return CliHarness.in(home).env(Map.of("DKU_DSS_URL", url.substring(0, url.length() - 1), "DKU_API_KEY", API_KEY));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listsConnections() throws IOException {
        CliHarness.Result text = dss("connections-list").run("dss", "connections", "list");
        assertEquals(ExitCodes.OK, text.code(), text.toString());
        assertTrue(text.out().startsWith("NAME"), text.out());
        assertTrue(text.out().contains("azure-blob-dataiku  Azure    ALLOWED data-engineers  NONE"), text.out());
        CliHarness.Result json = CliHarness.in(home).env(Map.of("DKU_DSS_URL", server.url("/").toString(), "DKU_API_KEY", API_KEY))
                .run("--json", "dss", "connections", "list");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) json.json().get("connections");
        assertEquals("synapse-dw", all.get(1).get("name"));
        assertEquals("ALL", all.get(1).get("usableBy"));
        fixtures.assertAllMatched();
    }

    @Test
    void getMasksSecrets() throws IOException {
        CliHarness.Result r = dss("connections-get").run("dss", "connections", "get", "azure-blob-dataiku");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("\"storageAccount\": \"dataopsfixture\""), r.out());
        assertFalse(r.out().contains("encrypted-by-dss-fixture-value"), r.out());
    }

    @Test
    void createsAnAzureBlobConnectionWithTheSecretFromTheEnvironment() throws IOException {
        CliHarness.Result r = dss("connections-create-azure").env("AZURE_CLIENT_SECRET", APP_SECRET).run("dss", "connections",
                "create-azure-blob", "--name", "azure-blob-dataiku", "--storage-account", "dataopsfixture",
                "--tenant-id", "00000000-0000-0000-0000-00000000aaaa", "--app-id", "00000000-0000-0000-0000-00000000bbbb",
                "--container", "dataiku", "--hdfs-interface", "ABFS", "--description", "Blob container dataiku (service principal)",
                "--usable-by", "data-engineers", "--details-readable-by", "dss-admins");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals("created connection azure-blob-dataiku (Azure)\n", r.out());
        assertFalse(r.toString().contains(APP_SECRET));
        fixtures.assertAllMatched();
        fixtures.assertAllUsed();
    }

    @Test
    void missingSecretIsAUsageError() throws IOException {
        CliHarness.Result r = dss().run("dss", "connections", "create-azure-blob", "--name", "x", "--storage-account", "a",
                "--tenant-id", "t", "--app-id", "a");
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("AZURE_CLIENT_SECRET") && r.err().contains("never read from the command line"), r.err());
    }

    @Test
    void createsASynapseConnectionFromThePortalUrl() throws IOException {
        CliHarness.Result r = dss("connections-create-synapse", "connections-update-synapse").env("DSS_JDBC_URL", PORTAL_URL)
                .run("--json", "dss", "connections", "create-synapse", "--name", "synapse-dw", "--jdbc-url-env", "DSS_JDBC_URL");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertFalse(r.toString().contains("Fixture-Passw0rd!"));
        List<RecordedRequest> requests = fixtures.requests();
        assertEquals(List.of("POST", "GET"), requests.stream().map(RecordedRequest::getMethod).toList());
        fixtures.assertAllMatched();
    }

    @Test
    void testsAConnectionOnANewServer() throws IOException {
        CliHarness.Result r = dss("server-version-new", "connections-test-endpoint").run("--json", "dss", "connections", "test", "synapse-dw");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(true, r.json().get("ok"));
        assertEquals("TEST_ENDPOINT", r.json().get("method"));
        assertEquals("14.3.3", r.json().get("serverVersion"));
    }

    @Test
    void failedTestExitsOneWithTheHint() throws IOException {
        CliHarness.Result r = dss("server-version-old", "connections-get-synapse-nodriver",
                "connections-test-fallback-sql-driver-missing").run("dss", "connections", "test", "synapse-nodriver");
        assertEquals(ExitCodes.FAILED, r.code(), r.toString());
        assertTrue(r.out().startsWith("FAILED: connection synapse-nodriver (SQL_QUERY)"), r.out());
        assertTrue(r.out().contains("code: ERR_SQL_CANNOT_LOAD_DRIVER"), r.out());
        assertTrue(r.out().contains("hint: the SQL Server JDBC driver (mssql-jdbc) is missing from DATA_DIR/lib/jdbc"), r.out());
        fixtures.assertAllMatched();
    }

    @Test
    void deletes() throws IOException {
        CliHarness.Result r = dss("connections-delete").run("dss", "connections", "delete", "azure-blob-dataiku");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        fixtures.assertAllUsed();
    }

    @Test
    void importsTables() throws IOException {
        CliHarness.Result r = dss("datasets-import-list-tables", "datasets-import-prepare-execute").run("--json", "dss",
                "--poll-interval", "PT0.001S", "datasets", "import-tables", "--project", "DATAOPS", "--connection", "synapse-dw",
                "--schema", "dbo");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(List.of(Map.of("schema", "dbo", "table", "orders"), Map.of("schema", "dbo", "table", "customers")),
                r.json().get("tables"));
        assertTrue(r.err().contains("\"event\":\"progress\""), r.err());
        fixtures.assertAllUsed();
    }

    @Test
    void buildsAndWaits() throws IOException {
        CliHarness.Result r = dss("jobs-build").run("--json", "dss", "jobs", "build", "--project", "DATAOPS", "--dataset",
                "sales_raw", "--wait", "--poll-interval", "PT0.001S");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals("DONE", r.json().get("state"));
        assertEquals("Build_sales_raw_2026-01-15T10-00-00.000", r.json().get("jobId"));
        fixtures.assertAllUsed();
    }

    @Test
    void runsAScenarioAndWaits() throws IOException {
        CliHarness.Result r = dss("scenarios-run-wait").run("dss", "--poll-interval", "PT0.001S", "scenarios", "run",
                "--project", "DATAOPS", "--scenario", "NIGHTLY", "--param", "day=2026-01-15", "--wait");
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().startsWith("scenario NIGHTLY run 2026-01-15-10-00-05-123: SUCCESS"), r.out());
        assertTrue(r.out().contains("step step-1: SUCCESS jobs Build_sales_raw_2026-01-15T10-00-06.000"), r.out());
        fixtures.assertAllUsed();
    }

    @Test
    void failedScenarioExitsOne() throws IOException {
        CliHarness.Result r = dss("scenarios-run-failed").run("--json", "dss", "scenarios", "run", "--project", "DATAOPS",
                "--scenario", "LOAD", "--wait", "--poll-interval", "PT0.001S");
        assertEquals(ExitCodes.FAILED, r.code(), r.toString());
        // stderr holds the progress lines, then the error document
        String[] lines = r.err().strip().split("\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) io.dataops4j.core.json.Json.shared().parseValue(lines[lines.length - 1]);
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) error.get("error");
        assertEquals("operation", e.get("kind"));
        assertTrue(String.valueOf(e.get("message")).contains("ERR_SQL_CANNOT_LOAD_DRIVER"), r.err());
    }

    @Test
    void missingUrlIsAUsageError() {
        CliHarness.Result r = CliHarness.in(home).run("dss", "connections", "list");
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("DKU_DSS_URL"), r.err());
    }
}
