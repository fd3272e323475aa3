package io.dataops4j.dataiku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.dataiku.connections.SqlServerJdbcUrl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlServerJdbcUrlTest {
    private static final String PASSWORD = "S3cret;with{braces}";

    @Test
    void parsesThePortalUrl() {
        SqlServerJdbcUrl u = SqlServerJdbcUrl.parse(ConnectionsTest.PORTAL_URL);
        assertEquals("dataopsws.sql.azuresynapse.net", u.host());
        assertEquals(1433, u.port());
        assertEquals("dw", u.database());
        assertEquals("loader@dataopsws", u.user());
        assertEquals("Fixture-Passw0rd!", u.password().reveal());
        assertEquals(Map.of("encrypt", "true", "trustServerCertificate", "false",
                "hostNameInCertificate", "*.sql.azuresynapse.net", "loginTimeout", "30"), u.properties());
        assertEquals(List.of("encrypt", "trustServerCertificate", "hostNameInCertificate", "loginTimeout"),
                List.copyOf(u.properties().keySet()));
        assertEquals(ConnectionsTest.PORTAL_URL, u.reveal(), "built back as the portal writes it");
    }

    @Test
    void buildsTheSynapseUrlAndNeverPrintsThePassword() {
        SqlServerJdbcUrl u = SqlServerJdbcUrl.synapse("myws", "dw", "loader@myws").withPassword(Secret.of(PASSWORD));
        assertEquals("jdbc:sqlserver://myws.sql.azuresynapse.net:1433;database=dw;user=loader@myws;"
                + "password={S3cret;with{braces}}};encrypt=true;trustServerCertificate=false;"
                + "hostNameInCertificate=*.sql.azuresynapse.net;loginTimeout=30;", u.reveal());
        assertFalse(u.toString().contains("S3cret"), u.toString());
        assertTrue(u.toString().contains("password=****"), u.toString());
        assertFalse(u.withoutPassword().contains("password"), u.withoutPassword());
        SqlServerJdbcUrl back = SqlServerJdbcUrl.parse(u.reveal());
        assertEquals(PASSWORD, back.password().reveal(), "braces and semicolons survive");
        assertEquals(u, back);
    }

    @Test
    void portalPlaceholderIsNoPasswordAndSynonymsAreRead() {
        SqlServerJdbcUrl u = SqlServerJdbcUrl.parse("jdbc:sqlserver://srv\\INST:14330;databaseName=db;userName=me;"
                + "password={your_password_here};Encrypt=true");
        assertNull(u.password());
        assertEquals("INST", u.instance());
        assertEquals(14330, u.port());
        assertEquals("db", u.database());
        assertEquals("me", u.user());
        assertEquals(Map.of("Encrypt", "true"), u.properties());
        SqlServerJdbcUrl noPort = SqlServerJdbcUrl.parse("JDBC:SQLSERVER://host;database=d");
        assertEquals(SqlServerJdbcUrl.DEFAULT_PORT, noPort.port());
    }

    @Test
    void invalidUrlsFailWithoutShowingThePassword() {
        IllegalArgumentException notSql = assertThrows(IllegalArgumentException.class,
                () -> SqlServerJdbcUrl.parse("jdbc:postgresql://h/db?password=Hunter2Hunter2"));
        assertFalse(notSql.getMessage().contains("Hunter2Hunter2"), notSql.getMessage());
        IllegalArgumentException badPort = assertThrows(IllegalArgumentException.class,
                () -> SqlServerJdbcUrl.parse("jdbc:sqlserver://h:99999;password=Hunter2Hunter2"));
        assertTrue(badPort.getMessage().contains("port"), badPort.getMessage());
        IllegalArgumentException unclosed = assertThrows(IllegalArgumentException.class,
                () -> SqlServerJdbcUrl.parse("jdbc:sqlserver://h;password={Hunter2Hunter2"));
        assertFalse(unclosed.getMessage().contains("Hunter2Hunter2"), unclosed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SqlServerJdbcUrl.parse("jdbc:sqlserver://;database=x"));
    }
}
