package io.dataops4j.dataiku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.json.Json;
import io.dataops4j.dataiku.connections.AzureBlobConnection;
import io.dataops4j.dataiku.connections.ConnectionSpec;
import io.dataops4j.dataiku.connections.SqlServerConnection;
import io.dataops4j.dataiku.connections.SqlServerJdbcUrl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed builders write the parameter names of DSS's connection forms (reference notes, dataikuapi fixtures). */
class ConnectionBuildersTest {
    private static final Secret ACCESS_KEY = Secret.of("ZmFrZS1zdG9yYWdlLWFjY291bnQta2V5LWZpeHR1cmU=");
    private static final Secret CLIENT_SECRET = Secret.of("fixture-sp-secret-9z8y7x");
    private static final Secret JDBC_SECRET = Secret.of("fixture-jdbc-property-secret");

    /** The spec's params as they would be sent, by creating it against a server that echoes nothing. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sentParams(ConnectionSpec spec) {
        String getter = "[{\"name\":\"post\",\"when\":{\"method\":\"POST\",\"path\":\"/public/api/admin/connections/\"},"
                + "\"then\":{\"bodyText\":\"\"}},{\"name\":\"get\",\"when\":{\"method\":\"GET\",\"pathRegex\":\"/public/api/admin/connections/.*\"},"
                + "\"then\":{\"body\":{\"name\":\"x\"}}}]";
        try (DssFixtures f = DssFixtures.ofJson(getter)) {
            f.client(DssFixtures.NEW).connections().create(spec);
            Map<String, Object> body = (Map<String, Object>) Json.shared().parseValue(f.fixtures.requests().get(0).getBody().utf8());
            return (Map<String, Object>) body.get("params");
        }
    }

    @Test
    void azureWithSharedKey() {
        ConnectionSpec spec = AzureBlobConnection.builder("blob", "acct").sharedKey(ACCESS_KEY).build();
        Map<String, Object> p = sentParams(spec);
        assertEquals("SHARED_KEY", p.get("authType"));
        assertEquals(ACCESS_KEY.reveal(), p.get("accessKey"));
        assertEquals("dataiku", p.get("defaultManagedContainer"), "the default managed container");
        assertEquals("/dataiku", p.get("defaultManagedPath"));
        assertEquals(true, p.get("useSSL"));
        assertFalse(p.containsKey("chcontainer"));
        assertFalse(spec.toString().contains(ACCESS_KEY.reveal()), spec.toString());
        assertTrue(spec.toString().contains("acct"));
    }

    @Test
    void azureNeedsAnAuthAndAContainerForAPath() {
        assertThrows(IllegalStateException.class, () -> AzureBlobConnection.builder("blob", "acct").build());
        assertThrows(IllegalStateException.class, () -> AzureBlobConnection.builder("blob", "acct").sharedKey(ACCESS_KEY)
                .restrictToPath("/x").build());
        ConnectionSpec restricted = AzureBlobConnection.builder("blob", "acct").sharedKey(ACCESS_KEY)
                .restrictToContainer("dataiku").restrictToPath("/landing").defaultManaged("managed", "/out")
                .param("metastoreSynchronizationMode", "NO_SYNC").build();
        assertEquals("/landing", restricted.params().get("chroot"));
        assertEquals("managed", restricted.params().get("defaultManagedContainer"));
        assertEquals("NO_SYNC", restricted.params().get("metastoreSynchronizationMode"));
    }

    @Test
    void synapseWithCustomUrlKeepsThePasswordOutOfTheUrl() {
        SqlServerJdbcUrl url = SqlServerJdbcUrl.parse(ConnectionsTest.PORTAL_URL);
        Map<String, Object> p = sentParams(SqlServerConnection.synapse("syn").customJdbcUrl(url).build());
        assertEquals(true, p.get("useURL"));
        assertFalse(String.valueOf(p.get("url")).contains("Passw0rd"), String.valueOf(p.get("url")));
        assertTrue(String.valueOf(p.get("url")).startsWith("jdbc:sqlserver://dataopsws.sql.azuresynapse.net:1433;database=dw"));
        assertEquals("Fixture-Passw0rd!", p.get("password"));
        assertEquals("loader@dataopsws", p.get("user"));
        assertEquals(true, p.get("azureDWH"));
        assertEquals(true, p.get("autocommitMode"));
    }

    @Test
    void sqlServerWithServicePrincipalAndSecretProperty() {
        ConnectionSpec spec = SqlServerConnection.sqlServer("sql").host("srv.database.windows.net").database("db")
                .servicePrincipal("tenant-1", "client-1", CLIENT_SECRET)
                .jdbcProperty("encrypt", "true").secretJdbcProperty("keyStoreSecret", JDBC_SECRET).build();
        Map<String, Object> p = sentParams(spec);
        assertEquals(true, p.get("azureOAuthLoginEnabled"));
        assertEquals("https://login.microsoftonline.com/tenant-1/oauth2/token", p.get("azureOAuthLoginSTS"));
        assertEquals("client-1", p.get("azureOAuthLoginClientId"));
        assertEquals(CLIENT_SECRET.reveal(), p.get("azureOAuthLoginClientSecret"));
        assertFalse(p.containsKey("azureDWH"), "SQLServer is not Synapse");
        assertFalse(p.containsKey("password"));
        assertEquals(1433L, p.get("port"));
        assertEquals(List.of(Map.of("name", "encrypt", "value", "true", "secret", false),
                Map.of("name", "keyStoreSecret", "value", JDBC_SECRET.reveal(), "secret", true)), p.get("properties"));
        String shown = spec.toString();
        assertFalse(shown.contains(CLIENT_SECRET.reveal()) || shown.contains(JDBC_SECRET.reveal()), shown);
        assertThrows(IllegalStateException.class, () -> SqlServerConnection.synapse("x").build());
    }
}
