package io.dataops4j.dataiku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.dataiku.connections.ConnectionTestOptions;
import io.dataops4j.dataiku.connections.ConnectionTestResult;
import io.dataops4j.dataiku.connections.ConnectionTestResult.Method;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Connection tests on both kinds of server: DSS 14.3.3 has {@code /connections/{name}/test} (recorded from
 * dataikuapi 15.2's {@code DSSConnection.test()}); DSS 13.4.2 does not, and the client proves the same another way
 * (recorded from dataikuapi's {@code sql_query}, {@code list_sql_schemas} and {@code create_azure_blob_dataset} +
 * {@code test_and_detect}). The version comes from the {@code DSS-Version} header of {@code GET /projects/}.
 */
class ConnectionTestTest {

    @Test
    void newServerUsesTheTestEndpoint() {
        try (DssFixtures f = DssFixtures.of("server-version-new", "connections-test-endpoint")) {
            DssClient dss = f.client();
            ConnectionTestResult r = dss.connections().test("synapse-dw");
            assertTrue(r.ok());
            assertEquals(Method.TEST_ENDPOINT, r.method());
            assertEquals(DssVersion.of(14, 3, 3), dss.serverVersion().orElseThrow());
            assertEquals(List.of("/public/api/projects/", "/public/api/connections/synapse-dw/test"),
                    f.fixtures.requests().stream().map(q -> q.getUrl().encodedPath()).toList());
            f.verify();
        }
    }

    @Test
    void versionIsReadOnce() {
        try (DssFixtures f = DssFixtures.of("server-version-new", "connections-test-endpoint", "connections-test-endpoint-blob")) {
            DssClient dss = f.client();
            assertTrue(dss.connections().test("synapse-dw").ok());
            assertTrue(dss.connections().test("azure-blob-dataiku").ok());
            assertEquals(1, f.fixtures.servedCount("server-version-new #1"));
            f.verify();
        }
    }

    @Test
    void newServerMapsADriverErrorToAFailedResultWithItsHint() {
        try (DssFixtures f = DssFixtures.of("connections-test-endpoint-driver-missing")) {
            ConnectionTestResult r = f.client(DssFixtures.NEW).connections().test("synapse-nodriver");
            assertFalse(r.ok());
            assertEquals(Method.TEST_ENDPOINT, r.method());
            assertEquals("ERR_SQL_CANNOT_LOAD_DRIVER", r.errorCode());
            assertTrue(r.hint().contains("mssql-jdbc") && r.hint().contains("DATA_DIR/lib/jdbc") && r.hint().contains("restart DSS"),
                    r.hint());
            assertTrue(r.message().contains("Failed to load database driver"), r.message());
            f.verify();
        }
    }

    @Test
    void oldServerTestsSqlWithSelectOne() {
        try (DssFixtures f = DssFixtures.of("server-version-old", "connections-update-synapse", "connections-test-fallback-sql")) {
            ConnectionTestResult r = f.client().connections().test("synapse-dw");
            assertTrue(r.ok(), r.toString());
            assertEquals(Method.SQL_QUERY, r.method());
            List<String> paths = f.fixtures.requests().stream().map(q -> q.getMethod() + " " + q.getUrl().encodedPath()).toList();
            assertEquals(List.of("GET /public/api/projects/", "GET /public/api/admin/connections/synapse-dw",
                    "POST /public/api/sql/queries/", "GET /public/api/sql/queries/q-0001/stream",
                    "GET /public/api/sql/queries/q-0001/finish-streaming"), paths);
            assertFalse(paths.stream().anyMatch(p -> p.endsWith("/test")), "no test endpoint before 14.2");
            f.fixtures.assertAllMatched();
        }
    }

    @Test
    void oldServerMapsTheDriverErrorOfTheQuery() {
        try (DssFixtures f = DssFixtures.of("connections-get-synapse-nodriver", "connections-test-fallback-sql-driver-missing")) {
            ConnectionTestResult r = f.client(DssFixtures.OLD).connections().test("synapse-nodriver");
            assertFalse(r.ok());
            assertEquals(Method.SQL_QUERY, r.method());
            assertEquals("ERR_SQL_CANNOT_LOAD_DRIVER", r.errorCode());
            assertTrue(r.hint().contains("mssql-jdbc"), r.hint());
            f.verify();
        }
    }

    @Test
    void oldServerCanListSchemasInstead() {
        try (DssFixtures f = DssFixtures.of("connections-update-synapse", "connections-test-fallback-schemas")) {
            ConnectionTestResult r = f.client(DssFixtures.OLD).connections()
                    .test("synapse-dw", ConnectionTestOptions.inProject("DATAOPS").withSchemaListing());
            assertTrue(r.ok());
            assertEquals(Method.SCHEMA_LISTING, r.method());
            assertEquals("DSS listed 2 schemas", r.message());
            f.fixtures.assertAllMatched();
        }
    }

    @Test
    void oldServerTestsBlobByListingThroughATemporaryDatasetDeletedAfterwards() {
        try (DssFixtures f = DssFixtures.of("connections-get", "connections-test-fallback-blob")) {
            ConnectionTestResult r = f.client(DssFixtures.OLD).connections()
                    .test("azure-blob-dataiku", ConnectionTestOptions.inProject("DATAOPS"));
            assertTrue(r.ok(), r.toString());
            assertEquals(Method.BLOB_LISTING, r.method());
            List<RecordedRequest> requests = f.fixtures.requests();
            RecordedRequest last = requests.get(requests.size() - 1);
            assertEquals("DELETE", last.getMethod());
            assertEquals("false", last.getUrl().queryParameter("dropData"));
            f.verify();
        }
    }

    @Test
    void blobFallbackNeedsAProject() {
        try (DssFixtures f = DssFixtures.of("connections-get")) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> f.client(DssFixtures.OLD).connections().test("azure-blob-dataiku"));
            assertTrue(e.getMessage().contains("ConnectionTestOptions.inProject"), e.getMessage());
        }
    }

    @Test
    void unknownVersionFallsBack() {
        String json = """
                [{"name":"projects without version","when":{"method":"GET","path":"/public/api/projects/"},"then":{"body":[]}}]""";
        try (DssFixtures f = DssFixtures.ofJson(json, "connections-update-synapse", "connections-test-fallback-sql")) {
            DssClient dss = f.client();
            ConnectionTestResult r = dss.connections().test("synapse-dw");
            assertTrue(dss.serverVersion().isEmpty());
            assertEquals(Method.SQL_QUERY, r.method());
            assertTrue(r.ok());
            assertFalse(f.fixtures.requests().stream().anyMatch(q -> q.getUrl().encodedPath().endsWith("/test")));
            f.fixtures.assertAllMatched();
        }
    }

    @Test
    void forcedFallbackOnANewServer() {
        try (DssFixtures f = DssFixtures.of("connections-update-synapse", "connections-test-fallback-sql")) {
            ConnectionTestResult r = f.client(DssFixtures.NEW).connections()
                    .test("synapse-dw", ConnectionTestOptions.defaults().withForcedFallback());
            assertEquals(Method.SQL_QUERY, r.method());
            assertTrue(r.ok());
            assertNull(r.errorCode());
        }
    }
}
