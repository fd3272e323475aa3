package io.dataops4j.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.databricks.internal.Auth;
import io.dataops4j.databricks.scim.Scim;
import io.dataops4j.databricks.scim.User;
import io.dataops4j.testkit.Faults;
import io.dataops4j.testkit.FixtureDispatcher;
import io.dataops4j.testkit.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account-level clients: {@code account_id} found as the Databricks CLI finds it, OAuth M2M against the accounts
 * console's token endpoint, and account SCIM, replayed against what the official Python client's {@code AccountClient}
 * (databricks-sdk 0.162.0) was recorded sending (fixtures/recorded/account-oauth-m2m.json).
 */
class AccountClientTest {
    private static final String ACCOUNT = "0d2b6a3e-1111-4c2a-9e0f-7a1b2c3d4e5f";
    private static final String SECRET = "sp-secret-value-000";

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private DatabricksConfig resolve(String profile, Map<String, String> explicit) {
        return DatabricksConfig.resolve(Environment.of(env), home, profile, explicit);
    }

    @Test
    void accountIdFromEnvironmentProfileAndBuilder() throws Exception {
        Files.writeString(home.resolve(".databrickscfg"), """
                [DEFAULT]
                host = https://adb-1.azuredatabricks.net
                token = dapi-from-profile-0001

                [acct]
                host = https://accounts.azuredatabricks.net
                account_id = 11111111-2222-3333-4444-555555555555
                client_id = sp-client-id
                client_secret = from-profile
                """);
        DatabricksConfig c = resolve(null, Map.of());
        assertNull(c.accountId());
        assertFalse(c.isAccountsHost());

        c = resolve("acct", Map.of());
        assertEquals("11111111-2222-3333-4444-555555555555", c.accountId());
        assertEquals("profile acct in " + home.resolve(".databrickscfg"), c.find(DatabricksConfig.ACCOUNT_ID).orElseThrow().source());
        assertTrue(c.isAccountsHost());
        assertEquals("oauth-m2m", c.authType());
        assertEquals(List.of(), c.problems());

        env.put("DATABRICKS_ACCOUNT_ID", ACCOUNT);
        c = resolve("acct", Map.of());
        assertEquals(ACCOUNT, c.accountId(), "the environment wins over the profile, as in the CLI");
        assertEquals("environment DATABRICKS_ACCOUNT_ID", c.find(DatabricksConfig.ACCOUNT_ID).orElseThrow().source());

        c = resolve("acct", Map.of("account_id", "explicit-id"));
        assertEquals("explicit-id", c.accountId());
        assertEquals("builder", c.find(DatabricksConfig.ACCOUNT_ID).orElseThrow().source());
    }

    @Test
    void accountsHostIsDecidedByNameAsTheSdksDo() {
        for (String h : List.of("https://accounts.azuredatabricks.net", "accounts.cloud.databricks.com",
                "https://accounts-dod.cloud.databricks.us/", "https://accounts.gcp.databricks.com")) {
            assertTrue(resolve(null, Map.of("host", h)).isAccountsHost(), h);
        }
        for (String h : List.of("https://adb-1.azuredatabricks.net", "http://accounts.example.com", "https://myaccounts.example.com")) {
            assertFalse(resolve(null, Map.of("host", h)).isAccountsHost(), h);
        }
    }

    @Test
    void tokenEndpointIsTheAccountsOneOnAnAccountsHost() {
        DatabricksConfig c = resolve(null, Map.of("host", "https://accounts.azuredatabricks.net", "account_id", ACCOUNT,
                "client_id", "id", "client_secret", "s"));
        assertEquals("https://accounts.azuredatabricks.net/oidc/accounts/" + ACCOUNT + "/v1/token",
                Auth.m2mTokenEndpoint(c, c.host(), c.isAccountsHost()));
        DatabricksConfig w = resolve(null, Map.of("host", "https://adb-1.azuredatabricks.net", "account_id", ACCOUNT));
        assertEquals("https://adb-1.azuredatabricks.net/oidc/v1/token", Auth.m2mTokenEndpoint(w, w.host(), w.isAccountsHost()));
        DatabricksConfig bad = resolve(null, Map.of("host", "https://accounts.azuredatabricks.net", "account_id", "a/../b"));
        assertThrows(ConfigurationException.class, () -> Auth.m2mTokenEndpoint(bad, bad.host(), true));
    }

    @Test
    void oauthM2mOnTheAccountsConsoleNeedsTheAccountId() {
        DatabricksConfig c = resolve(null, Map.of("host", "https://accounts.azuredatabricks.net", "client_id", "id", "client_secret", "s"));
        assertEquals(1, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().get(0).contains("needs account_id"), c.problems().get(0));
        assertTrue(c.problems().get(0).contains("DATABRICKS_ACCOUNT_ID"), c.problems().get(0));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> DatabricksClient.builder()
                .environment(Environment.of(env)).home(home).host("https://accounts.azuredatabricks.net")
                .oauthM2m("id", Secret.of(SECRET)).build());
        assertTrue(e.getMessage().startsWith("Databricks account id is not set; looked in: "), e.getMessage());
        assertTrue(e.getMessage().contains("DATABRICKS_ACCOUNT_ID"), e.getMessage());
        assertTrue(e.getMessage().contains("account_id"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void accountScimWithoutAnAccountIdSaysWhereItLooked() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            assertFalse(dbx.accountLevel());
            ConfigurationException e = assertThrows(ConfigurationException.class, dbx::accountScim);
            assertTrue(e.getMessage().startsWith("Databricks account id is not set; looked in: "), e.getMessage());
            assertTrue(e.getMessage().contains(".accountId(...)") || e.getMessage().contains("builder"), e.getMessage());
            assertTrue(e.getMessage().contains("DATABRICKS_ACCOUNT_ID"), e.getMessage());

            Scim scim = TestSupport.builder(server, home, TestSupport.clock()).token(Secret.of(TestSupport.PAT))
                    .accountId(ACCOUNT).build().accountScim();
            assertEquals(ACCOUNT, scim.accountId());
            assertEquals("api/2.0/accounts/" + ACCOUNT + "/scim/v2/", scim.basePath());
            assertEquals(0, server.getRequestCount());
        }
    }

    /** Our requests match the Python client's byte for byte: token path, Basic header, form body, SCIM path and query. */
    @Test
    void oauthM2mThenAccountUsersMatchThePythonClient() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.fromClasspath("fixtures/recorded/account-oauth-m2m.json");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.builder(server, home, TestSupport.clock())
                    .accountsHost(true).accountId(ACCOUNT).oauthM2m("sp-client-id", Secret.of(SECRET)).build();
            assertTrue(dbx.accountLevel());
            assertEquals("oauth-m2m", dbx.config().authType());
            List<User> users = dbx.accountScim().users().list().stream().toList();
            assertEquals(List.of("ada@example.com"), users.stream().map(User::userName).toList());
            assertEquals("7001", users.get(0).id());
            fixtures.assertAllMatched();
            fixtures.assertAllUsed();
        }
    }

    /** The same exchanges with the account id and credentials from the environment and from a profile. */
    @Test
    void accountSettingsFromEnvironmentOrProfile() throws Exception {
        for (boolean fromProfile : new boolean[] {false, true}) {
            FixtureDispatcher fixtures = FixtureDispatcher.fromClasspath("fixtures/recorded/account-oauth-m2m.json");
            try (MockWebServer server = new MockWebServer()) {
                server.setDispatcher(fixtures);
                server.start();
                Map<String, String> vars = new HashMap<>();
                if (fromProfile) {
                    Files.writeString(home.resolve(".databrickscfg"), "[acct]\nhost = " + server.url("/") + "\naccount_id = "
                            + ACCOUNT + "\nclient_id = sp-client-id\nclient_secret = " + SECRET + "\n");
                } else {
                    vars.putAll(Map.of("DATABRICKS_HOST", server.url("/").toString(), "DATABRICKS_ACCOUNT_ID", ACCOUNT,
                            "DATABRICKS_CLIENT_ID", "sp-client-id", "DATABRICKS_CLIENT_SECRET", SECRET));
                }
                DatabricksClient.Builder b = DatabricksClient.builder().environment(Environment.of(vars)).home(home)
                        .timing(TestSupport.clock(), d -> { }).accountsHost(true);
                DatabricksClient dbx = fromProfile ? b.profile("acct").build() : b.build();
                assertEquals(List.of("ada@example.com"), dbx.accountScim().users().list().stream().map(User::userName).toList());
                fixtures.assertAllMatched();
                fixtures.assertAllUsed();
            }
        }
    }

    /** The client secret never shows: not in toString(), not in logs, not in a token endpoint's error echoing it. */
    @Test
    void clientSecretStaysHidden() throws Exception {
        String secret = "dose0123456789abcdefACCOUNTsecret";
        List<String> texts = new ArrayList<>();
        LogCapture logs = LogCapture.start();
        try (logs; MockWebServer server = new MockWebServer()) {
            server.enqueue(Faults.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + secret + "\"}"));
            server.start();
            DatabricksClient dbx = TestSupport.builder(server, home, TestSupport.clock())
                    .accountsHost(true).accountId(ACCOUNT).oauthM2m("sp-client-id", Secret.of(secret)).build();
            texts.add(dbx.toString());
            texts.add(dbx.config().toString());
            texts.add(dbx.config().values().toString());
            texts.add(dbx.http().toString());
            texts.add(dbx.http().credential().toString());
            texts.add(dbx.accountScim().toString());
            DataOpsException e = assertThrows(DataOpsException.class, () -> dbx.accountScim().users().list().iterator().next());
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(t.getMessage());
                texts.add(String.valueOf(t));
            }
            RecordedRequest token = server.takeRequest();
            assertEquals("/oidc/accounts/" + ACCOUNT + "/v1/token", token.getUrl().encodedPath());
        }
        texts.add(logs.text());
        assertTrue(texts.stream().anyMatch(t -> t.contains("account " + ACCOUNT)), texts.get(0));
        for (String t : texts) {
            assertFalse(t.contains(secret), "client secret leaked in: " + t);
            assertFalse(t.contains("c3AtY2xpZW50LWlkOmRvc2UwMTIzNDU2Nzg5YWJjZGVmQUNDT1VOVHNlY3JldA"), "Basic credentials leaked in: " + t);
        }
    }
}
