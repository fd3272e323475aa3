package io.dataops4j.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.CliHarness;
import io.dataops4j.core.Versions;
import io.dataops4j.core.config.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private DoctorContext context() {
        return new DoctorContext(Environment.of(env), home, true);
    }

    private ServiceReport databricks() {
        return new DatabricksConfig().inspect(context());
    }

    private void databrickscfg(String text) throws IOException {
        Files.writeString(home.resolve(".databrickscfg"), text);
    }

    private String cfgSource(String profile) {
        return "profile " + profile + " in " + home.resolve(".databrickscfg");
    }

    // ---- Databricks

    @Test
    void nothingConfigured() {
        ServiceReport r = databricks();
        assertFalse(r.ready());
        SettingReport host = r.setting("host");
        assertFalse(host.set());
        assertNull(host.source());
        assertEquals(List.of("environment variable DATABRICKS_HOST",
                "profile [DEFAULT] of " + home.resolve(".databrickscfg") + " (file not found)"), host.searched());
        assertEquals("default", r.setting("config_file").source());
        assertEquals(home.resolve(".databrickscfg").toString(), r.setting("config_file").value());
        assertEquals("DEFAULT", r.setting("profile").value());
        assertEquals("none", r.credential().kind());
        // the library's own message, without the builder option a command line does not have
        assertTrue(r.problems().contains("Databricks workspace URL is not set; looked in: environment variable DATABRICKS_HOST, "
                + "profile [DEFAULT] of " + home.resolve(".databrickscfg") + " (file not found)"), r::toString);
    }

    @Test
    void patFromEnvironment() {
        env.put("DATABRICKS_HOST", "https://adb-1.azuredatabricks.net");
        env.put("DATABRICKS_TOKEN", "dapi0123456789");
        ServiceReport r = databricks();
        assertTrue(r.ready(), r::toString);
        assertEquals("environment DATABRICKS_HOST", r.setting("host").source());
        assertEquals("https://adb-1.azuredatabricks.net", r.setting("host").value());
        SettingReport token = r.setting("token");
        assertTrue(token.set());
        assertTrue(token.secret());
        assertNull(token.value());
        assertEquals("environment DATABRICKS_TOKEN", token.source());
        assertEquals("set (environment DATABRICKS_TOKEN)", token.display());
        assertEquals("pat", r.credential().kind());
        assertEquals(List.of("environment DATABRICKS_TOKEN"), r.credential().from());
    }

    @Test
    void profileFileDefaultSection() throws IOException {
        databrickscfg("""
                [DEFAULT]
                host = https://adb-2.azuredatabricks.net
                token = dapi-from-file-0001
                """);
        ServiceReport r = databricks();
        assertTrue(r.ready(), r::toString);
        assertEquals(cfgSource("DEFAULT"), r.setting("host").source());
        assertEquals(cfgSource("DEFAULT"), r.setting("token").source());
        assertEquals("pat", r.credential().kind());
        assertEquals(List.of(cfgSource("DEFAULT")), r.credential().from());
    }

    @Test
    void environmentWinsOverProfile() throws IOException {
        databrickscfg("""
                [DEFAULT]
                host = https://adb-2.azuredatabricks.net
                token = dapi-from-file-0001
                """);
        env.put("DATABRICKS_HOST", "https://adb-3.azuredatabricks.net");
        ServiceReport r = databricks();
        assertEquals("environment DATABRICKS_HOST", r.setting("host").source());
        assertEquals("https://adb-3.azuredatabricks.net", r.setting("host").value());
        assertEquals(cfgSource("DEFAULT"), r.setting("token").source());
    }

    @Test
    void profileChosenByEnvironment() throws IOException {
        databrickscfg("""
                [DEFAULT]
                host = https://adb-2.azuredatabricks.net
                [staging]
                host = https://adb-4.azuredatabricks.net
                client_id = 11111111-2222
                client_secret = dose-staging-secret
                """);
        env.put("DATABRICKS_CONFIG_PROFILE", "staging");
        ServiceReport r = databricks();
        assertTrue(r.ready(), r::toString);
        assertEquals("staging", r.setting("profile").value());
        assertEquals("environment DATABRICKS_CONFIG_PROFILE", r.setting("profile").source());
        assertEquals("https://adb-4.azuredatabricks.net", r.setting("host").value());
        assertEquals(cfgSource("staging"), r.setting("host").source());
        assertEquals("oauth-m2m", r.credential().kind());
        assertEquals(List.of(cfgSource("staging")), r.credential().from());
    }

    @Test
    void defaultProfileFromSettingsSection() throws IOException {
        databrickscfg("""
                [__settings__]
                default_profile = prod
                [prod]
                host = https://adb-5.azuredatabricks.net
                token = dapi-prod-0001
                """);
        ServiceReport r = databricks();
        assertEquals("prod", r.setting("profile").value());
        assertEquals(cfgSource("__settings__"), r.setting("profile").source());
        assertEquals(cfgSource("prod"), r.setting("host").source());
        assertTrue(r.ready(), r::toString);
    }

    @Test
    void missingChosenProfileIsAProblem() throws IOException {
        databrickscfg("""
                [DEFAULT]
                host = https://adb-2.azuredatabricks.net
                token = dapi-from-file-0001
                """);
        env.put("DATABRICKS_CONFIG_PROFILE", "nope");
        ServiceReport r = databricks();
        assertFalse(r.ready());
        assertTrue(r.problems().contains("profile [nope] is not in " + home.resolve(".databrickscfg") + " (it has [DEFAULT])"),
                r::toString);
    }

    @Test
    void configFileFromEnvironmentWithTilde() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/dbx.cfg"), "[DEFAULT]\nhost = https://adb-6.azuredatabricks.net\ntoken = dapi-6-0001\n");
        env.put("DATABRICKS_CONFIG_FILE", "~/conf/dbx.cfg");
        ServiceReport r = databricks();
        assertEquals("environment DATABRICKS_CONFIG_FILE", r.setting("config_file").source());
        assertEquals("profile DEFAULT in " + home.resolve("conf/dbx.cfg"), r.setting("host").source());
        assertTrue(r.ready(), r::toString);
    }

    @Test
    void malformedProfileFileIsAProblemNotACrash() throws IOException {
        databrickscfg("[DEFAULT]\nthis line has no separator\n");
        env.put("DATABRICKS_HOST", "https://adb-1.azuredatabricks.net");
        env.put("DATABRICKS_TOKEN", "dapi0123456789");
        ServiceReport r = databricks();
        assertFalse(r.ready());
        assertTrue(r.problems().get(0).startsWith(home.resolve(".databrickscfg") + ":2: expected 'key = value'"), r::toString);
        assertEquals("pat", r.credential().kind());
    }

    @Test
    void azureServicePrincipal() {
        env.put("DATABRICKS_HOST", "https://adb-1.azuredatabricks.net");
        env.put("ARM_CLIENT_ID", "app-id");
        env.put("ARM_CLIENT_SECRET", "arm-secret-value");
        env.put("ARM_TENANT_ID", "tenant-id");
        ServiceReport r = databricks();
        assertTrue(r.ready(), r::toString);
        assertEquals("azure-client-secret", r.credential().kind());
        assertEquals(List.of("environment ARM_CLIENT_ID", "environment ARM_CLIENT_SECRET", "environment ARM_TENANT_ID"),
                r.credential().from());
        assertEquals(Boolean.TRUE, r.credential().azureIdentity());
    }

    @Test
    void azureWorkspaceWithoutCredentialUsesTheAzureCliAsTheLibraryDoes() {
        env.put("DATABRICKS_HOST", "https://adb-1.azuredatabricks.net");
        ServiceReport r = databricks();
        assertTrue(r.ready(), r::toString);
        assertEquals("azure-cli", r.credential().kind());
        assertEquals("Entra ID token of the signed-in Azure CLI user", r.credential().description());
        assertEquals(Boolean.TRUE, r.credential().azureIdentity());

        ServiceReport without = new DatabricksConfig().inspect(new DoctorContext(Environment.of(env), home, false));
        assertFalse(without.ready());
        assertEquals(Boolean.FALSE, without.credential().azureIdentity());
        assertTrue(without.problems().get(0).contains("azure-identity"), without::toString);
    }

    @Test
    void theDoctorReportsWhatTheLibraryResolves() throws IOException {
        // kinds and checks the doctor once missed: basic, managed identity, an unknown auth_type, a profile given by
        // DATABRICKS_CONFIG_FILE with default_profile; each compared with DatabricksConfig.resolve itself
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/dbx.cfg"), """
                [__settings__]
                default_profile = ops
                [ops]
                host = adb-7.azuredatabricks.net
                username = svc
                password = pw-from-file-0001
                """);
        env.put("DATABRICKS_CONFIG_FILE", "~/conf/dbx.cfg");
        ServiceReport basic = databricks();
        assertTrue(basic.ready(), basic::toString);
        assertEquals("basic", basic.credential().kind());
        assertEquals("ops", basic.setting("profile").value());
        assertEquals("profile __settings__ in " + home.resolve("conf/dbx.cfg"), basic.setting("profile").source());
        assertEquals("set (profile ops in " + home.resolve("conf/dbx.cfg") + ")", basic.setting("password").display());
        assertEquals(List.of("profile ops in " + home.resolve("conf/dbx.cfg")), basic.credential().from());

        env.put("ARM_USE_MSI", "true");
        env.put("DATABRICKS_AUTH_TYPE", "azure-msi");
        ServiceReport msi = databricks();
        assertEquals("azure-msi", msi.credential().kind());
        assertEquals(List.of("environment DATABRICKS_AUTH_TYPE", "environment ARM_USE_MSI"), msi.credential().from());

        env.put("DATABRICKS_AUTH_TYPE", "github-oidc");
        ServiceReport unknown = databricks();
        assertFalse(unknown.ready(), "a client would refuse it");
        assertTrue(unknown.problems().stream().anyMatch(p -> p.startsWith("auth_type github-oidc (from environment DATABRICKS_AUTH_TYPE)"
                + " is not one dataops4j knows")), unknown::toString);

        for (ServiceReport r : List.of(basic, msi, unknown)) {
            assertTrue(r.problems().stream().noneMatch(p -> p.contains("builder option")), r::toString);
        }
        io.dataops4j.databricks.DatabricksConfig library = io.dataops4j.databricks.DatabricksConfig.resolve(Environment.of(env), home,
                null, Map.of());
        assertEquals(library.authType(), unknown.credential().kind());
        assertEquals(library.problems().size(), unknown.problems().size());
        assertEquals(library.host(), "https://" + unknown.setting("host").value(), "the same host, before the scheme is added");
    }

    @Test
    void otherCloudWithoutCredentialIsNotReady() {
        env.put("DATABRICKS_HOST", "https://dbc-1234.cloud.databricks.com");
        ServiceReport r = databricks();
        assertFalse(r.ready());
        assertEquals("none", r.credential().kind());
    }

    @Test
    void authTypeChoosesTheCredential() throws IOException {
        databrickscfg("""
                [DEFAULT]
                host = https://adb-2.azuredatabricks.net
                token = dapi-from-file-0001
                auth_type = azure-cli
                """);
        ServiceReport r = databricks();
        assertEquals("azure-cli", r.credential().kind());
        assertEquals(List.of(cfgSource("DEFAULT")), r.credential().from());
        assertTrue(r.ready(), r::toString);

        env.put("DATABRICKS_AUTH_TYPE", "oauth-m2m");
        ServiceReport m2m = databricks();
        assertEquals("oauth-m2m", m2m.credential().kind());
        assertEquals("environment DATABRICKS_AUTH_TYPE", m2m.setting("auth_type").source());
        assertFalse(m2m.ready());
        assertTrue(m2m.problems().contains("auth_type oauth-m2m needs client_id (DATABRICKS_CLIENT_ID or 'client_id' in the profile)"),
                m2m::toString);
    }

    // ---- MLflow

    @Test
    void mlflowToken() {
        env.put("MLFLOW_TRACKING_URI", "https://mlflow.example.com");
        env.put("MLFLOW_TRACKING_TOKEN", "mlflow-token-0001");
        env.put("MLFLOW_TRACKING_USERNAME", "me");
        ServiceReport r = new MlflowConfig().inspect(context());
        assertTrue(r.ready(), r::toString);
        assertEquals("bearer", r.credential().kind());
        assertEquals(List.of("environment MLFLOW_TRACKING_TOKEN"), r.credential().from());
        assertTrue(r.notes().contains("the token wins over user name and password"), r::toString);
    }

    @Test
    void mlflowBasicAndAnonymous() {
        env.put("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000");
        assertEquals("none", new MlflowConfig().inspect(context()).credential().kind());
        assertTrue(new MlflowConfig().inspect(context()).ready());

        env.put("MLFLOW_TRACKING_USERNAME", "me");
        ServiceReport half = new MlflowConfig().inspect(context());
        assertFalse(half.ready());
        assertEquals(List.of("username is set without password"), half.problems());

        env.put("MLFLOW_TRACKING_PASSWORD", "mlflow-password-0001");
        ServiceReport r = new MlflowConfig().inspect(context());
        assertEquals("basic", r.credential().kind());
        assertEquals("me", r.setting("username").value());
        assertNull(r.setting("password").value());
    }

    @Test
    void mlflowOnDatabricksUsesTheWorkspaceProfile() throws IOException {
        databrickscfg("""
                [prod]
                host = https://adb-5.azuredatabricks.net
                token = dapi-prod-0001
                """);
        env.put("MLFLOW_TRACKING_URI", "databricks://prod");
        ServiceReport r = new MlflowConfig().inspect(context());
        assertTrue(r.ready(), r::toString);
        assertEquals("databricks", r.credential().kind());
        assertTrue(r.credential().description().contains("pat"), r::toString);
        assertEquals(List.of(cfgSource("prod")), r.credential().from());

        env.put("MLFLOW_TRACKING_URI", "databricks");          // DEFAULT profile: not in the file
        ServiceReport missing = new MlflowConfig().inspect(context());
        assertFalse(missing.ready());
        assertTrue(missing.problems().stream().allMatch(p -> p.startsWith("Databricks: ")), missing::toString);
    }

    @Test
    void mlflowLocalStoreAndInsecureTls() {
        env.put("MLFLOW_TRACKING_URI", "file:///tmp/mlruns");
        env.put("MLFLOW_TRACKING_INSECURE_TLS", "true");
        ServiceReport r = new MlflowConfig().inspect(context());
        assertFalse(r.ready());
        assertEquals("environment MLFLOW_TRACKING_INSECURE_TLS", r.setting("insecure_tls").source());
        assertTrue(r.notes().contains("TLS certificates are not checked (environment MLFLOW_TRACKING_INSECURE_TLS)"), r::toString);
    }

    // ---- Azure Resource Manager

    @Test
    void armServicePrincipalOrDefaultChain() {
        ServiceReport chain = new AzureConfig().inspect(context());
        assertTrue(chain.ready(), chain::toString);
        assertEquals("default-azure-credential", chain.credential().kind());
        assertEquals(Boolean.TRUE, chain.credential().azureIdentity());
        assertEquals("Data Factory, Azure ML", chain.covers());

        env.put("AZURE_CLIENT_ID", "app-id");
        ServiceReport clientIdOnly = new AzureConfig().inspect(context());
        assertEquals("default-azure-credential", clientIdOnly.credential().kind());
        assertEquals(List.of("environment AZURE_CLIENT_ID"), clientIdOnly.credential().from());

        env.put("AZURE_CLIENT_SECRET", "azure-secret-value-0001");
        ServiceReport noTenant = new AzureConfig().inspect(context());
        assertFalse(noTenant.ready());
        assertEquals(List.of("client_secret is set, but a service principal also needs tenant_id"), noTenant.problems());

        env.put("AZURE_TENANT_ID", "tenant-id");
        env.put("AZURE_SUBSCRIPTION_ID", "sub-id");
        ServiceReport sp = new AzureConfig().inspect(context());
        assertTrue(sp.ready(), sp::toString);
        assertEquals("azure-client-secret", sp.credential().kind());
        assertEquals("sub-id", sp.setting("subscription_id").value());
        assertTrue(sp.notes().isEmpty(), sp::toString);
    }

    @Test
    void armWithoutAzureIdentity() {
        ServiceReport r = new AzureConfig().inspect(new DoctorContext(Environment.of(env), home, false));
        assertFalse(r.ready());
        assertEquals(Boolean.FALSE, r.credential().azureIdentity());
    }

    // ---- Dataiku DSS, Azure DevOps

    @Test
    void dataiku() {
        env.put("DKU_DSS_URL", "https://dss.example.com");
        ServiceReport half = new DataikuConfig().inspect(context());
        assertFalse(half.ready());
        assertEquals(List.of("api_key (API key) is not set; looked in: environment variable DKU_API_KEY"), half.problems());
        env.put("DKU_API_KEY", "dss-api-key-0001");
        ServiceReport r = new DataikuConfig().inspect(context());
        assertTrue(r.ready());
        assertEquals("api-key", r.credential().kind());
        assertEquals(List.of("environment DKU_API_KEY"), r.credential().from());
    }

    @Test
    void devops() {
        env.put("SYSTEM_COLLECTIONURI", "https://dev.azure.com/contoso/");
        ServiceReport entra = new DevOpsConfig().inspect(context());
        assertTrue(entra.ready());
        assertEquals("default-azure-credential", entra.credential().kind());

        env.put("SYSTEM_ACCESSTOKEN", "job-token-0001");
        assertEquals("system-access-token", new DevOpsConfig().inspect(context()).credential().kind());

        env.put("AZURE_DEVOPS_EXT_PAT", "devops-pat-0001");
        ServiceReport pat = new DevOpsConfig().inspect(context());
        assertEquals("pat", pat.credential().kind());
        assertEquals(List.of("environment AZURE_DEVOPS_EXT_PAT"), pat.credential().from());
        assertEquals(1, pat.notes().size());
    }

    // ---- the command

    @Test
    void textAndJsonTellTheSameFacts() {
        CliHarness h = CliHarness.in(home)
                .env("DATABRICKS_HOST", "https://adb-1.azuredatabricks.net")
                .env("DATABRICKS_TOKEN", "dapi0123456789")
                .env("DKU_DSS_URL", "https://dss.example.com");
        CliHarness.Result text = h.run("doctor");
        assertEquals(0, text.code(), text::toString);
        assertEquals("", text.err());
        assertTrue(text.out().startsWith("Databricks: ready\n"), text::toString);
        assertTrue(text.out().contains("\n  host" + " ".repeat(26) + "https://adb-1.azuredatabricks.net (environment DATABRICKS_HOST)\n"), text::toString);
        assertTrue(text.out().contains("\n  token" + " ".repeat(25) + "set (environment DATABRICKS_TOKEN)\n"), text::toString);
        assertTrue(text.out().contains("\n  credential" + " ".repeat(20) + "pat - personal access token (bearer) (from environment DATABRICKS_TOKEN)\n"), text::toString);
        assertTrue(text.out().contains("\nDataiku DSS: not ready\n"), text::toString);
        assertTrue(text.out().contains("\n  api_key" + " ".repeat(23) + "not set\n"), text::toString);
        assertTrue(text.out().contains("\nAzure Resource Manager (Data Factory, Azure ML): ready\n"), text::toString);

        CliHarness.Result json = h.run("--json", "doctor");
        assertEquals(0, json.code());
        assertEquals("", json.err());
        Map<String, Object> doc = json.json();
        assertEquals(Versions.sdk(), doc.get("dataops4j"));
        List<?> services = (List<?>) doc.get("services");
        assertEquals(List.of("Databricks", "MLflow", "Azure Resource Manager", "Dataiku DSS", "Azure DevOps"),
                services.stream().map(s -> ((Map<?, ?>) s).get("service")).toList());
        Map<?, ?> dbx = (Map<?, ?>) services.get(0);
        assertEquals(true, dbx.get("ready"));
        Map<?, ?> token = setting(dbx, "token");
        assertEquals(true, token.get("set"));
        assertEquals(true, token.get("secret"));
        assertEquals("environment DATABRICKS_TOKEN", token.get("source"));
        assertFalse(token.containsKey("value"));
        assertEquals("https://adb-1.azuredatabricks.net", setting(dbx, "host").get("value"));
        assertEquals("pat", ((Map<?, ?>) dbx.get("credential")).get("kind"));
        Map<?, ?> dss = (Map<?, ?>) services.get(3);
        assertEquals(false, dss.get("ready"));
        assertEquals(List.of("environment variable DKU_API_KEY"), setting(dss, "api_key").get("searched"));
    }

    private static Map<?, ?> setting(Map<?, ?> service, String name) {
        return ((List<?>) service.get("settings")).stream().map(s -> (Map<?, ?>) s)
                .filter(s -> s.get("name").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void secretsNeverAppear() throws IOException {
        Map<String, String> secrets = Map.of(
                "DATABRICKS_TOKEN", "S1-databricks-token-zq",
                "DATABRICKS_CLIENT_SECRET", "S2-databricks-client-secret-zq",
                "ARM_CLIENT_SECRET", "S3-arm-client-secret-zq",
                "MLFLOW_TRACKING_TOKEN", "S4-mlflow-token-zq",
                "MLFLOW_TRACKING_PASSWORD", "S5-mlflow-password-zq",
                "AZURE_CLIENT_SECRET", "S6-azure-client-secret-zq",
                "DKU_API_KEY", "S7-dss-api-key-zq",
                "AZURE_DEVOPS_EXT_PAT", "S8-devops-pat-zq",
                "SYSTEM_ACCESSTOKEN", "S9-system-access-token-zq");
        String fileSecret = "S10-profile-token-zq";
        String fileClientSecret = "S11-profile-client-secret-zq";
        String fileAzureSecret = "S12-profile-azure-secret-zq";
        String uriPassword = "S13-uri-password-zq";
        databrickscfg("[DEFAULT]\nhost = https://adb-1.azuredatabricks.net\ntoken = " + fileSecret + "\n"
                + "[other]\nclient_secret = " + fileClientSecret + "\nazure_client_secret = " + fileAzureSecret + "\n");
        CliHarness h = CliHarness.in(home).env(secrets)
                .env("DATABRICKS_HOST", "https://adb-1.azuredatabricks.net")
                .env("MLFLOW_TRACKING_URI", "https://me:" + uriPassword + "@mlflow.example.com")
                .env("MLFLOW_TRACKING_USERNAME", "me")
                .env("DKU_DSS_URL", "https://dss.example.com")
                .env("SYSTEM_COLLECTIONURI", "https://dev.azure.com/contoso/");
        List<String> all = new java.util.ArrayList<>(secrets.values());
        all.addAll(List.of(fileSecret, fileClientSecret, fileAzureSecret, uriPassword));
        for (String[] args : new String[][] {{"doctor"}, {"--json", "doctor"}, {"--verbose", "doctor"}, {"--json", "--verbose", "doctor"}}) {
            CliHarness.Result r = h.run(args);
            assertEquals(0, r.code(), r::toString);
            for (String secret : all) {
                assertFalse(r.out().contains(secret), () -> secret + " in stdout of " + String.join(" ", args) + ":\n" + r);
                assertFalse(r.err().contains(secret), () -> secret + " in stderr of " + String.join(" ", args) + ":\n" + r);
            }
            assertTrue(r.out().contains("mlflow.example.com"), r::toString);
        }
        // the profile with the other secrets, chosen, shows them as set but not their values
        CliHarness.Result other = CliHarness.in(home).env("DATABRICKS_CONFIG_PROFILE", "other").run("doctor");
        assertTrue(other.out().contains("client_secret                 set (profile other in "), other::toString);
        for (String secret : all) {
            assertFalse(other.out().contains(secret), other::toString);
        }
    }
}
