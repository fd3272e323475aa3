package io.dataops4j.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.auth.AccessToken;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.auth.TokenCredential;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.databricks.internal.Auth;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings found as the Databricks CLI finds them. */
class ConfigTest {
    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private DatabricksConfig resolve(String profile, Map<String, String> explicit) {
        return DatabricksConfig.resolve(Environment.of(env), home, profile, explicit);
    }

    private void cfg(String text) throws Exception {
        Files.writeString(home.resolve(".databrickscfg"), text);
    }

    @Test
    void builderThenEnvironmentThenProfile() throws Exception {
        cfg("""
                [DEFAULT]
                host = https://adb-1.azuredatabricks.net
                token = dapi-from-profile-0001
                """);
        DatabricksConfig c = resolve(null, Map.of());
        assertEquals("https://adb-1.azuredatabricks.net", c.host());
        assertEquals("pat", c.authType());
        assertEquals(java.util.List.of("profile DEFAULT in " + home.resolve(".databrickscfg")), c.credentialSources());

        env.put("DATABRICKS_HOST", "adb-2.azuredatabricks.net/");
        c = resolve(null, Map.of());
        assertEquals("https://adb-2.azuredatabricks.net", c.host(), "scheme added and trailing slash removed, as the CLI does");
        assertEquals("environment DATABRICKS_HOST", c.find(DatabricksConfig.HOST).orElseThrow().source());

        c = resolve(null, Map.of("host", "https://adb-3.azuredatabricks.net"));
        assertEquals("https://adb-3.azuredatabricks.net", c.host());
        assertEquals("builder", c.find(DatabricksConfig.HOST).orElseThrow().source());
    }

    @Test
    void profileChosenExplicitlyThenByEnvironmentThenDefaultProfileThenDefault() throws Exception {
        cfg("""
                [__settings__]
                default_profile = team

                [DEFAULT]
                host = https://adb-default.azuredatabricks.net

                [team]
                host = https://adb-team.azuredatabricks.net
                client_id = sp-id
                client_secret = sp-secret-0001

                [prod]
                host = https://adb-prod.azuredatabricks.net
                token = dapi-prod-0001
                """);
        assertEquals("https://adb-team.azuredatabricks.net", resolve(null, Map.of()).host());
        assertEquals("oauth-m2m", resolve(null, Map.of()).authType());
        env.put("DATABRICKS_CONFIG_PROFILE", "prod");
        assertEquals("https://adb-prod.azuredatabricks.net", resolve(null, Map.of()).host());
        assertEquals("https://adb-default.azuredatabricks.net", resolve("DEFAULT", Map.of()).host());
        DatabricksConfig missing = resolve("nope", Map.of());
        assertTrue(missing.problems().stream().anyMatch(p -> p.startsWith("profile [nope] is not in")), missing.problems().toString());
    }

    @Test
    void configFileMovedByEnvironment() throws Exception {
        Path other = home.resolve("conf/dbx.cfg");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "[DEFAULT]\nhost = https://adb-6.azuredatabricks.net\ntoken = dapi-6-0001\n");
        env.put("DATABRICKS_CONFIG_FILE", "~/conf/dbx.cfg");
        DatabricksConfig c = resolve(null, Map.of());
        assertEquals(other, c.configFile());
        assertEquals("https://adb-6.azuredatabricks.net", c.host());
    }

    @Test
    void credentialKindsInTheSdkOrder() {
        env.put("DATABRICKS_HOST", "https://adb-1.azuredatabricks.net");
        assertEquals("azure-cli", resolve(null, Map.of()).authType(), "an Azure workspace falls back to the Azure CLI");
        env.put("ARM_CLIENT_ID", "a");
        env.put("ARM_CLIENT_SECRET", "arm-secret-0001");
        env.put("ARM_TENANT_ID", "t");
        assertEquals("azure-client-secret", resolve(null, Map.of()).authType());
        env.put("ARM_USE_MSI", "true");
        assertEquals("azure-msi", resolve(null, Map.of()).authType());
        env.put("DATABRICKS_CLIENT_ID", "c");
        env.put("DATABRICKS_CLIENT_SECRET", "m2m-secret-0001");
        assertEquals("oauth-m2m", resolve(null, Map.of()).authType());
        env.put("DATABRICKS_TOKEN", "dapi-0001");
        assertEquals("pat", resolve(null, Map.of()).authType());
        env.put("DATABRICKS_AUTH_TYPE", "oauth-m2m");
        assertEquals("oauth-m2m", resolve(null, Map.of()).authType(), "auth_type wins");
        env.put("DATABRICKS_AUTH_TYPE", "azure-client-secret");
        env.remove("ARM_TENANT_ID");
        assertTrue(resolve(null, Map.of()).problems().contains(
                "auth_type azure-client-secret needs azure_tenant_id (ARM_TENANT_ID or 'azure_tenant_id' in the profile)"));
    }

    @Test
    void aMissingHostNamesEveryPlaceSearched() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> DatabricksClient.builder()
                .environment(Environment.of(env)).home(home).token(Secret.of("dapi-0002-xyz")).build());
        assertEquals("Databricks workspace URL is not set; looked in: builder option .host(...), environment variable "
                + "DATABRICKS_HOST, profile [DEFAULT] of " + home.resolve(".databrickscfg") + " (file not found)", e.getMessage());
        ConfigurationException noCred = assertThrows(ConfigurationException.class, () -> DatabricksClient.builder()
                .environment(Environment.of(Map.of("DATABRICKS_HOST", "https://dbc-1.cloud.databricks.com"))).home(home).build());
        assertTrue(noCred.getMessage().startsWith("Databricks credential not found for https://dbc-1.cloud.databricks.com"),
                noCred.getMessage());
    }

    @Test
    void fromAProfileTheClientSendsTheProfilesToken() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "get", "when": {"method": "GET", "path": "/api/2.2/jobs/get", "headers": {"Authorization": "Bearer dapi-prod-9999"}},
                  "then": {"body": {"job_id": 1}}}]""").build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            cfg("[prod]\nhost = " + server.url("/") + "\ntoken = dapi-prod-9999\n");
            DatabricksClient dbx = DatabricksClient.builder().environment(Environment.of(env)).home(home).profile("prod").build();
            assertEquals(1, dbx.jobs().get(1).jobId());
            fixtures.assertAllMatched();
        }
    }

    @Test
    void azureServicePrincipalSendsTheWorkspaceHeaders() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "get", "when": {"method": "GET", "path": "/api/2.2/jobs/get", "headers": {
                    "Authorization": "Bearer entra-databricks-token",
                    "X-Databricks-Azure-SP-Management-Token": "entra-management-token",
                    "X-Databricks-Azure-Workspace-Resource-Id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w"}},
                  "then": {"body": {"job_id": 1}}}]""").build();
        TokenCredential databricks = TokenCredential.of("entra-id",
                () -> new AccessToken(Secret.of("entra-databricks-token"), Instant.now().plusSeconds(3600)));
        TokenCredential management = TokenCredential.of("entra-id",
                () -> new AccessToken(Secret.of("entra-management-token"), Instant.now().plusSeconds(3600)));
        Credential sp = Auth.azureServicePrincipal(databricks, management,
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/w");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.builder(server, home, TestSupport.clock()).credential(sp).build();
            dbx.jobs().get(1);
            fixtures.assertAllMatched();
            assertFalse(sp.toString().contains("-token"), sp.toString());
        }
    }
}
