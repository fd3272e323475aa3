package io.dataops4j.databricks.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.json.Json;
import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.TestSupport;
import io.dataops4j.databricks.sql.ConnectionDetails.PowerBiMode;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehousesTest {
    @TempDir
    Path home;

    private static String wh(String state) {
        return "{\"id\": \"w1\", \"name\": \"bi\", \"state\": \"" + state + "\", \"odbc_params\": {\"hostname\": "
                + "\"adb-1.azuredatabricks.net\", \"path\": \"/sql/1.0/warehouses/w1\", \"port\": 443, \"protocol\": \"https\"},"
                + " \"jdbc_url\": \"jdbc:spark://adb-1.azuredatabricks.net:443/default;transportMode=http;ssl=1;AuthMech=3;httpPath=/sql/1.0/warehouses/w1;\"}";
    }

    @Test
    void ensureRunningStartsAStoppedWarehouseAndWaits() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "get", "when": {"method": "GET", "path": "/api/2.0/sql/warehouses/w1"},
                  "then": [{"body": %s}, {"body": %s}, {"body": %s}]},
                 {"name": "start", "when": {"method": "POST", "path": "/api/2.0/sql/warehouses/w1/start", "body": {}}, "then": {"body": {}}}]"""
                .formatted(wh("STOPPED"), wh("STARTING"), wh("RUNNING"))).build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            Warehouse w = dbx.sql().warehouses().ensureRunning("w1", Duration.ofMinutes(10));
            assertEquals(WarehouseState.RUNNING, w.state());
            fixtures.assertAllUsed();
            fixtures.assertAllMatched();
        }
    }

    @Test
    void aWarehouseThatStopsWhileStartingFails() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "get", "when": {"method": "GET", "path": "/api/2.0/sql/warehouses/w1"},
                  "then": [{"body": %s}, {"body": {"id": "w1", "state": "STOPPED", "health": {"status": "FAILED", "summary": "quota exceeded"}}}]}]"""
                .formatted(wh("STARTING"))).build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            OperationFailedException e = assertThrows(OperationFailedException.class,
                    () -> dbx.sql().warehouses().ensureRunning("w1", Duration.ofMinutes(10)));
            assertEquals("SQL warehouse w1 start failed: it is STOPPED (quota exceeded)", e.getMessage());
        }
    }

    @Test
    void stopWaitsUntilStopped() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "stop", "when": {"method": "POST", "path": "/api/2.0/sql/warehouses/w1/stop", "body": {}}, "then": {"body": {}}},
                 {"name": "get", "when": {"method": "GET", "path": "/api/2.0/sql/warehouses/w1"},
                  "then": [{"body": %s}, {"body": %s}]}]""".formatted(wh("STOPPING"), wh("STOPPED"))).build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            assertEquals(WarehouseState.STOPPED, dbx.sql().warehouses().stop("w1").waitForCompletion(Duration.ofMinutes(5)).state());
        }
    }

    @Test
    void connectionDetailsAndPowerBiFile() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "get", "when": {"method": "GET", "path": "/api/2.0/sql/warehouses/w1"}, "then": {"body": %s}}]"""
                .formatted(wh("RUNNING"))).build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            ConnectionDetails c = dbx.sql().warehouses().connectionDetails("w1");
            assertEquals("adb-1.azuredatabricks.net", c.hostname());
            assertEquals("/sql/1.0/warehouses/w1", c.httpPath());
            assertEquals(443, c.port());
            assertTrue(c.jdbcUrl().startsWith("jdbc:spark://adb-1.azuredatabricks.net:443/"), c.jdbcUrl());
            assertEquals("Host=adb-1.azuredatabricks.net;Port=443;HTTPPath=/sql/1.0/warehouses/w1;SSL=1;ThriftTransport=2;"
                    + "AuthMech=3;UID=token;", c.odbcConnectionString());
            Object pbids = Json.shared().parseValue(c.pbids(PowerBiMode.DIRECT_QUERY, "main", "sales"));
            assertEquals(Map.of("version", "0.1", "connections", List.of(Map.of(
                    "details", Map.of("protocol", "databricks-sql",
                            "address", Map.of("host", "adb-1.azuredatabricks.net", "path", "/sql/1.0/warehouses/w1")),
                    "options", Map.of("Catalog", "main", "Database", "sales"),
                    "mode", "DirectQuery"))), pbids);
            Object imported = Json.shared().parseValue(c.pbids(PowerBiMode.IMPORT, null, null));
            assertEquals("Import", ((Map<?, ?>) ((List<?>) ((Map<?, ?>) imported).get("connections")).get(0)).get("mode"));
        }
    }

    @Test
    void detailsWithoutOdbcParamsAreBuiltFromTheHost() {
        Warehouse w = Json.shared().fromJson("{\"id\":\"w9\",\"state\":\"RUNNING\"}", Warehouse.class);
        ConnectionDetails c = ConnectionDetails.of(w, "https://adb-9.azuredatabricks.net");
        assertEquals("adb-9.azuredatabricks.net", c.hostname());
        assertEquals("/sql/1.0/warehouses/w9", c.httpPath());
        assertEquals("jdbc:databricks://adb-9.azuredatabricks.net:443/default;transportMode=http;ssl=1;AuthMech=3;"
                + "httpPath=/sql/1.0/warehouses/w9;", c.jdbcUrl());
    }

    @Test
    void warehouseSpecsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WarehouseSpec.builder()
                .clusterSize("Huge").autoStopMins(5).minNumClusters(3).maxNumClusters(2).warehouseType("FAST").build());
        assertTrue(e.getMessage().contains("cluster_size 'Huge' is not one of"), e.getMessage());
        assertTrue(e.getMessage().contains("auto_stop_mins must be 0 (never) or at least 10, but was 5"), e.getMessage());
        assertTrue(e.getMessage().contains("min_num_clusters 3 is more than max_num_clusters 2"), e.getMessage());
        assertTrue(e.getMessage().contains("warehouse_type must be CLASSIC or PRO"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WarehouseSpec.builder().maxNumClusters(41).build());
        WarehouseSpec.builder().autoStopMins(0).clusterSize("2X-Small").build();
    }
}
