package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.mlflow.tracking.Experiment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MlflowClientConfigTest {
    /** GetExperiment.Response as MLflow 3.8.1 writes it (captured from the real server). */
    private static final String EXPERIMENT = """
            {"experiment": {"experiment_id": "0", "name": "Default", "artifact_location": "mlflow-artifacts:/0",
             "lifecycle_stage": "active", "last_update_time": 1795880669376, "creation_time": 1795880669376}}""";

    @Test
    void fromEnvironmentReachesTheRealServerWithoutCredentials() {
        MlflowClient c = MlflowClient.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", TestSupport.server().trackingUri()));
        Experiment e = c.experiments().get("0");
        assertEquals("Default", e.name());
        assertEquals("none", c.http().credential().kind());
        assertEquals(TestSupport.server().trackingUri() + "/", c.trackingUri().toString());
    }

    @Test
    void tokenFromTheEnvironmentIsSentAsBearer() throws Exception {
        try (LocalHttp http = new LocalHttp(r -> LocalHttp.Answer.json(200, EXPERIMENT))) {
            MlflowClient c = MlflowClient.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", http.url(),
                    "MLFLOW_TRACKING_TOKEN", "tok-env-123456"));
            assertEquals("Default", c.experiments().get("0").name());
            LocalHttp.Received r = http.next(5);
            assertEquals("Bearer tok-env-123456", r.header("Authorization"));
            assertEquals("/api/2.0/mlflow/experiments/get", r.path());
            assertEquals("experiment_id=0", r.query());
            assertFalse(c.toString().contains("tok-env-123456"), c.toString());
        }
    }

    @Test
    void userAndPasswordWinOverTheTokenAsInMlflowsOwnClient() throws Exception {
        try (LocalHttp http = new LocalHttp(r -> LocalHttp.Answer.json(200, EXPERIMENT))) {
            Map<String, String> env = new HashMap<>();
            env.put("MLFLOW_TRACKING_URI", http.url());
            env.put("MLFLOW_TRACKING_TOKEN", "ignored-token-999");
            env.put("MLFLOW_TRACKING_USERNAME", "alice");
            env.put("MLFLOW_TRACKING_PASSWORD", "pw-s3cret-42");
            MlflowClient c = MlflowClient.fromEnvironment(env);
            c.experiments().get("0");
            String expected = "Basic " + Base64.getEncoder().encodeToString("alice:pw-s3cret-42".getBytes(StandardCharsets.UTF_8));
            assertEquals(expected, http.next(5).header("Authorization"));
            assertEquals("basic", c.http().credential().kind());
        }
    }

    @Test
    void environmentLookupIsAFunction() {
        Function<String, String> env = name -> switch (name) {
            case "MLFLOW_TRACKING_URI" -> TestSupport.server().trackingUri();
            case "MLFLOW_TRACKING_INSECURE_TLS" -> "true";
            case "MLFLOW_ENABLE_PROXY_MULTIPART_UPLOAD" -> "false";
            default -> null;
        };
        MlflowClient c = MlflowClient.builder().fromEnvironment(env).build();
        assertEquals("Default", c.experiments().get("0").name());
    }

    @Test
    void invalidEnvironmentValuesFailWithTheVariableName() {
        ConfigurationException tls = assertThrows(ConfigurationException.class, () -> MlflowClient.fromEnvironment(
                Map.of("MLFLOW_TRACKING_URI", "http://127.0.0.1:1", "MLFLOW_TRACKING_INSECURE_TLS", "maybe")));
        assertTrue(tls.getMessage().contains("MLFLOW_TRACKING_INSECURE_TLS"), tls.getMessage());
        ConfigurationException half = assertThrows(ConfigurationException.class, () -> MlflowClient.fromEnvironment(
                Map.of("MLFLOW_TRACKING_URI", "http://127.0.0.1:1", "MLFLOW_TRACKING_USERNAME", "bob")));
        assertTrue(half.getMessage().contains("MLFLOW_TRACKING_PASSWORD"), half.getMessage());
        ConfigurationException size = assertThrows(ConfigurationException.class, () -> MlflowClient.fromEnvironment(
                Map.of("MLFLOW_TRACKING_URI", "http://127.0.0.1:1", "MLFLOW_MULTIPART_UPLOAD_CHUNK_SIZE", "ten")));
        assertTrue(size.getMessage().contains("MLFLOW_MULTIPART_UPLOAD_CHUNK_SIZE"), size.getMessage());
    }

    @Test
    void missingTrackingUriNamesWhereItWasSearched() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MlflowClient.fromEnvironment(Map.of()));
        assertTrue(e.getMessage().contains("MLFLOW_TRACKING_URI"), e.getMessage());
        assertTrue(e.getMessage().contains("trackingUri("), e.getMessage());
    }

    @Test
    void plainHttpToARemoteHostNeedsOptInOnlyWhenACredentialWouldTravel() {
        MlflowClient anonymous = MlflowClient.builder().trackingUri("http://mlflow.example.internal:5000").build();
        assertEquals("http://mlflow.example.internal:5000/", anonymous.trackingUri().toString());
        assertThrows(ConfigurationException.class, () -> MlflowClient.builder().trackingUri("http://mlflow.example.internal:5000")
                .bearerToken(Secret.of("remote-token-1")).build());
        MlflowClient optedIn = MlflowClient.builder().trackingUri("http://mlflow.example.internal:5000")
                .bearerToken(Secret.of("remote-token-1")).allowInsecureHttp(true).build();
        assertEquals("bearer", optedIn.http().credential().kind());
    }

    @Test
    void aPlatformGivenToTheBuilderConfiguresTheClient() {
        MlflowPlatform platform = new MlflowPlatform() {
            @Override
            public String name() {
                return "acme";
            }

            @Override
            public boolean supports(String uri) {
                return uri.startsWith("acme://");
            }

            @Override
            public void configure(String uri, Function<String, String> env, MlflowClient.Builder b) {
                b.trackingUri(env.apply("ACME_HOST"));
            }
        };
        MlflowClient c = MlflowClient.builder().fromEnvironment(Map.of("MLFLOW_TRACKING_URI", "acme://workspace",
                "ACME_HOST", TestSupport.server().trackingUri())::get).platform(platform).build();
        assertEquals("Default", c.experiments().get("0").name());
    }

    @Test
    void platformsAreFoundWithServiceLoader() {
        // src/test/resources/META-INF/services/io.dataops4j.mlflow.MlflowPlatform lists TestPlatform ("testplatform:")
        MlflowClient c = MlflowClient.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", "testplatform:shared",
                "TEST_PLATFORM_URL", TestSupport.server().trackingUri()));
        assertEquals("Default", c.experiments().get("0").name());
        assertEquals("bearer", c.http().credential().kind());
    }

    @Test
    void anUnknownPlatformFailsWithAHint() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> MlflowClient.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", "databricks")));
        assertTrue(e.getMessage().contains("databricks") && e.getMessage().contains("sdk-databricks"), e.getMessage());
        assertTrue(e.getMessage().contains("testplatform"), "names the platforms found: " + e.getMessage());
    }

    @Test
    void secretsNeverShowInToString() {
        MlflowClient c = MlflowClient.builder().trackingUri("https://mlflow.example.com")
                .basicAuth("carol", Secret.of("hunter2-hunter2")).build();
        assertFalse(c.toString().contains("hunter2"), c.toString());
        assertFalse(c.http().toString().contains("hunter2"), c.http().toString());
    }

    /** A platform found through META-INF/services. */
    public static final class TestPlatform implements MlflowPlatform {
        @Override
        public String name() {
            return "testplatform";
        }

        @Override
        public boolean supports(String trackingUri) {
            return trackingUri.startsWith("testplatform:");
        }

        @Override
        public void configure(String trackingUri, Function<String, String> environment, MlflowClient.Builder builder) {
            builder.trackingUri(environment.apply("TEST_PLATFORM_URL")).bearerToken(Secret.of("platform-token-1"));
        }
    }
}
