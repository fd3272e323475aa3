package io.dataops4j.dataiku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.json.Json;
import io.dataops4j.dataiku.connections.AzureBlobConnection;
import io.dataops4j.dataiku.connections.Connection;
import io.dataops4j.dataiku.connections.ConnectionSecurity;
import io.dataops4j.dataiku.connections.CredentialsMode;
import io.dataops4j.dataiku.connections.ReadableBy;
import io.dataops4j.dataiku.connections.SqlServerConnection;
import io.dataops4j.dataiku.connections.SqlServerJdbcUrl;
import io.dataops4j.dataiku.connections.UsableBy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Connections against the exchanges recorded from dataikuapi (fixtures/dss/connections-*.json). */
class ConnectionsTest {
    static final Secret APP_SECRET = Secret.of("fixture-app-secret-0a1b2c");
    static final Secret SQL_PASSWORD = Secret.of("Fixture-Passw0rd!");
    static final String PORTAL_URL = "jdbc:sqlserver://dataopsws.sql.azuresynapse.net:1433;database=dw;user=loader@dataopsws;"
            + "password=Fixture-Passw0rd!;encrypt=true;trustServerCertificate=false;"
            + "hostNameInCertificate=*.sql.azuresynapse.net;loginTimeout=30;";

    @Test
    void listsConnectionsKeyedByName() {
        try (DssFixtures f = DssFixtures.of("connections-list")) {
            List<Connection> all = f.client(DssFixtures.NEW).connections().list().toList();
            assertEquals(List.of("azure-blob-dataiku", "synapse-dw"), all.stream().map(Connection::name).toList());
            assertEquals("Azure", all.get(0).type());
            assertEquals(UsableBy.ALLOWED, all.get(0).usableBy());
            assertEquals(List.of("data-engineers"), all.get(0).allowedGroups());
            assertEquals(ReadableBy.NONE, all.get(1).readableBy());
            f.verify();
        }
    }

    @Test
    void namesOfAType() {
        try (DssFixtures f = DssFixtures.of("connections-names")) {
            assertEquals(List.of("azure-blob-dataiku"), f.client(DssFixtures.NEW).connections().names("Azure"));
            f.verify();
        }
    }

    @Test
    void getsSettingsWithEncryptedSecretsAndMasksThemInToString() {
        try (DssFixtures f = DssFixtures.of("connections-get")) {
            Connection c = f.client(DssFixtures.NEW).connections().get("azure-blob-dataiku");
            assertEquals("dataopsfixture", c.params().get("storageAccount"));
            assertEquals("OAUTH2_APP", c.params().get("authType"));
            assertEquals("dataiku", c.params().get("chcontainer"));
            assertEquals(CredentialsMode.GLOBAL, c.credentialsMode());
            assertFalse(c.toString().contains("encrypted-by-dss-fixture-value"), c.toString());
            assertTrue(c.toString().contains("dataopsfixture"));
            f.verify();
        }
    }

    @Test
    void missingConnectionSentAs500IsNotFound() {
        try (DssFixtures f = DssFixtures.of("connections-get-missing")) {
            ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                    () -> f.client(DssFixtures.NEW).connections().get("missing-conn"));
            assertEquals(500, e.status());
            assertEquals("com.dataiku.dip.server.controllers.NotFoundException", e.errorCode());
            assertTrue(e.getMessage().contains("connection does not exist: missing-conn"), e.getMessage());
            assertEquals(1, f.fixtures.requestCount(), "a 500 from DSS is an application error: not retried");
            f.verify();
        }
    }

    @Test
    void createsAzureBlobConnectionThenAppliesSecurityWithGetMergePut() {
        try (DssFixtures f = DssFixtures.of("connections-create-azure")) {
            Connection created = f.client(DssFixtures.NEW).connections().create(
                    AzureBlobConnection.builder("azure-blob-dataiku", "dataopsfixture")
                            .description("Blob container dataiku (service principal)")
                            .oauthApp("00000000-0000-0000-0000-00000000aaaa", "00000000-0000-0000-0000-00000000bbbb", APP_SECRET)
                            .restrictToContainer("dataiku")
                            .hdfsInterface(AzureBlobConnection.HdfsInterface.ABFS)
                            .security(ConnectionSecurity.builder().usableBy("data-engineers").detailsReadableBy("dss-admins")
                                    .credentialsMode(CredentialsMode.GLOBAL).build())
                            .build());
            assertEquals(ReadableBy.ALLOWED, created.readableBy());
            assertEquals(List.of("dss-admins"), created.readableGroups());
            List<RecordedRequest> requests = f.fixtures.requests();
            assertEquals(List.of("POST", "GET", "PUT"), requests.stream().map(RecordedRequest::getMethod).toList());
            f.verify();
        }
    }

    @Test
    void createsSynapseConnectionFromThePortalJdbcUrl() {
        try (DssFixtures f = DssFixtures.of("connections-create-synapse", "connections-update-synapse")) {
            Connection created = f.client(DssFixtures.NEW).connections().create(
                    SqlServerConnection.synapse("synapse-dw").fromJdbcUrl(SqlServerJdbcUrl.parse(PORTAL_URL)).build());
            assertEquals("Synapse", created.type());
            // POST (recorded create) then the GET that reads what DSS stored; no PUT: nothing else to apply
            assertEquals(List.of("POST", "GET"), f.fixtures.requests().stream().map(RecordedRequest::getMethod).toList());
            f.fixtures.assertAllMatched();
        }
    }

    @Test
    void appliesUsabilityToAnExistingConnection() {
        try (DssFixtures f = DssFixtures.of("connections-update-synapse")) {
            Connection updated = f.client(DssFixtures.NEW).connections().applySecurity("synapse-dw",
                    ConnectionSecurity.builder().usableBy("data-engineers").build());
            assertEquals(UsableBy.ALLOWED, updated.usableBy());
            f.verify();
        }
    }

    @Test
    void deletes() {
        try (DssFixtures f = DssFixtures.of("connections-delete")) {
            f.client(DssFixtures.NEW).connections().delete("azure-blob-dataiku");
            f.verify();
        }
    }

    @Test
    void paramsRoundTripUntouchedUnknownKeysNullsAndExactNumbers() {
        String stored = """
                {"name":"c1","type":"Azure","description":null,
                 "params":{"storageAccount":"acct","futureOption":{"nested":[1,2.50,{"x":null}]},
                           "hugeNumber":123456789012345678901234567890,"ratio":0.1000000000000000055511151231257827,
                           "maxRetries":9007199254740993},
                 "someNewTopLevel":true,"usableBy":"ALL","allowedGroups":[]}""";
        String json = "[{\"name\":\"get\",\"when\":{\"method\":\"GET\",\"path\":\"/public/api/admin/connections/c1\"},"
                + "\"then\":{\"body\":" + stored + "}},"
                + "{\"name\":\"put\",\"when\":{\"method\":\"PUT\",\"path\":\"/public/api/admin/connections/c1\"},"
                + "\"then\":{\"body\":{}}}]";
        try (DssFixtures f = DssFixtures.ofJson(json)) {
            f.client(DssFixtures.NEW).connections().update("c1", c -> c.withParam("chroot", "/landing"));
            String sent = f.fixtures.requests().get(1).getBody().utf8();
            assertTrue(sent.contains("\"hugeNumber\":123456789012345678901234567890"), sent);
            assertTrue(sent.contains("\"ratio\":0.1000000000000000055511151231257827"), sent);
            assertTrue(sent.contains("\"maxRetries\":9007199254740993"), sent);
            assertTrue(sent.contains("\"nested\":[1,2.50,{\"x\":null}]"), sent);
            assertTrue(sent.contains("\"description\":null"), sent);
            assertTrue(sent.contains("\"someNewTopLevel\":true"), sent);
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) ((Map<String, Object>) Json.shared().parseValue(sent)).get("params");
            assertEquals("/landing", params.get("chroot"));
            assertEquals(new BigDecimal("123456789012345678901234567890"), params.get("hugeNumber"));
            // key order kept, the new parameter last
            assertEquals(List.of("storageAccount", "futureOption", "hugeNumber", "ratio", "maxRetries", "chroot"),
                    List.copyOf(params.keySet()));
            f.fixtures.assertAllMatched();
        }
    }

    @Test
    void securityLeavesUnsetPartsAlone() {
        Connection c = Connection.of(Map.of("name", "x", "type", "Azure", "usableBy", "ALLOWED",
                "allowedGroups", List.of("g1"), "credentialsMode", "PER_USER"));
        Connection changed = c.withSecurity(ConnectionSecurity.builder().detailsReadableByNobody().build());
        assertEquals(UsableBy.ALLOWED, changed.usableBy());
        assertEquals(List.of("g1"), changed.allowedGroups());
        assertEquals(CredentialsMode.PER_USER, changed.credentialsMode());
        assertEquals(ReadableBy.NONE, changed.readableBy());
        assertNull(c.readableBy(), "the original is unchanged");
        assertThrows(IllegalArgumentException.class, () -> ConnectionSecurity.builder().build()
                .equals(new ConnectionSecurity(UsableBy.ALLOWED, List.of(), null, List.of(), null)));
    }
}
