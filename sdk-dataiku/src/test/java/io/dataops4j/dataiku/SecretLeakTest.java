package io.dataops4j.dataiku;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.dataiku.connections.AzureBlobConnection;
import io.dataops4j.dataiku.connections.Connection;
import io.dataops4j.dataiku.connections.ConnectionSecurity;
import io.dataops4j.dataiku.connections.ConnectionSpec;
import io.dataops4j.dataiku.connections.CredentialsMode;
import io.dataops4j.dataiku.connections.SqlServerConnection;
import io.dataops4j.dataiku.connections.SqlServerJdbcUrl;
import io.dataops4j.dataiku.testsupport.CapturingLogs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * Runs the operations that carry secrets (API key, app secret, storage access key, JDBC password, service principal
 * secret) with TRACE logging, then scans every log line, exception message and toString() for each secret.
 */
class SecretLeakTest {
    private static final String API_KEY = DssFixtures.API_KEY;
    private static final String APP_SECRET = "fixture-app-secret-0a1b2c";
    private static final String ACCESS_KEY = "ZmFrZS1zdG9yYWdlLWFjY291bnQta2V5LWZpeHR1cmU=";
    private static final String SQL_PASSWORD = "Fixture-Passw0rd!";
    private static final String SP_SECRET = "sp-secret-leak-check-314159";
    private final List<String> texts = new ArrayList<>();

    @BeforeEach
    void trace() {
        CapturingLogs.clear();
        CapturingLogs.level(Level.TRACE);
    }

    @AfterEach
    void info() {
        CapturingLogs.level(Level.INFO);
    }

    @Test
    void noSecretInLogsMessagesOrToString() {
        try (DssFixtures f = DssFixtures.of("connections-create-azure", "connections-create-synapse", "connections-update-synapse",
                "connections-test-endpoint-driver-missing")) {
            DssClient dss = f.client(DssFixtures.NEW);
            texts.add(dss.toString());
            ConnectionSpec blob = AzureBlobConnection.builder("azure-blob-dataiku", "dataopsfixture")
                    .description("Blob container dataiku (service principal)")
                    .oauthApp("00000000-0000-0000-0000-00000000aaaa", "00000000-0000-0000-0000-00000000bbbb", Secret.of(APP_SECRET))
                    .restrictToContainer("dataiku").hdfsInterface(AzureBlobConnection.HdfsInterface.ABFS)
                    .security(ConnectionSecurity.builder().usableBy("data-engineers").detailsReadableBy("dss-admins")
                            .credentialsMode(CredentialsMode.GLOBAL).build())
                    .build();
            texts.add(blob.toString());
            Connection created = dss.connections().create(blob);
            texts.add(created.toString());
            SqlServerJdbcUrl url = SqlServerJdbcUrl.parse(ConnectionsTest.PORTAL_URL);
            texts.add(url.toString());
            texts.add(url.withoutPassword());
            ConnectionSpec synapse = SqlServerConnection.synapse("synapse-dw").fromJdbcUrl(url).build();
            texts.add(synapse.toString());
            dss.connections().create(synapse);
            texts.add(dss.connections().test("synapse-nodriver").toString());
            texts.add(AzureBlobConnection.builder("k", "acct").sharedKey(Secret.of(ACCESS_KEY)).build().toString());
            texts.add(SqlServerConnection.sqlServer("sp").host("h").servicePrincipal("t", "c", Secret.of(SP_SECRET)).build().toString());
            texts.add(Connection.of(java.util.Map.of("name", "x", "params", java.util.Map.of("password", SQL_PASSWORD,
                    "properties", List.of(java.util.Map.of("name", "p", "value", SP_SECRET, "secret", true))))).toString());
        }
        // a DSS error that echoes a password
        String echo = "[{\"name\":\"echo\",\"when\":{\"path\":\"/public/api/admin/connections/x\"},\"then\":{\"status\":500,"
                + "\"body\":{\"errorType\":\"java.sql.SQLException\",\"message\":\"Login failed: url jdbc:sqlserver://h;password="
                + SQL_PASSWORD + ";\",\"detailedMessage\":\"key " + ACCESS_KEY + "\"}}}]";
        try (DssFixtures f = DssFixtures.ofJson(echo)) {
            ServiceException e = assertThrows(ServiceException.class, () -> f.client(DssFixtures.NEW).connections().get("x"));
            texts.add(e.getMessage());
            texts.add(String.valueOf(e.serviceMessage()));
        }
        texts.addAll(CapturingLogs.lines());
        assertTrue(CapturingLogs.lines().stream().anyMatch(l -> l.contains("--> body")), "request bodies were traced");
        for (String secret : List.of(API_KEY, APP_SECRET, ACCESS_KEY, SQL_PASSWORD, SP_SECRET,
                java.util.Base64.getEncoder().encodeToString((API_KEY + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            for (String t : texts) {
                assertFalse(t.contains(secret), "secret found in: " + t);
            }
        }
    }
}
