package io.dataops4j.devops.relay;

import io.dataops4j.core.Secret;
import io.dataops4j.core.arm.ArmClient;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.auth.EntraIdCredential;
import io.dataops4j.core.auth.Scopes;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.core.json.Json;
import io.dataops4j.devops.DevOpsClient;
import io.dataops4j.devops.Variable;
import io.dataops4j.devops.logicapps.LogicAppTrigger;
import io.dataops4j.devops.pipelines.RunPipeline;
import io.dataops4j.devops.releases.CreateRelease;
import io.dataops4j.mlflow.webhooks.WebhookVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the client, the Logic App trigger and the relay with every kind of secret while the module logs down to TRACE
 * (set for {@code io.dataops4j} in this module's surefire configuration), captures everything written to standard
 * error and output (slf4j-simple's target) and every exception's message and stack trace, and checks that no secret
 * shows anywhere.
 */
class SecretLogScanTest {
    private static final String PAT = "scan-pat-4Kq9zzT1";
    private static final String ENTRA = "scan-entra-token-B7";
    private static final String ARM_TOKEN = "scan-arm-token-77aaX";
    private static final String JOB_TOKEN = "scan-system-accesstoken-48q";
    private static final String SIG = "scanSigQ1w2e3r4t5y6u7i8o9p0";
    private static final String MLFLOW_SECRET = "scan-mlflow-hook-secret-31";
    private static final String DBX_SECRET = "scan-dbx-hook-secret-62";
    private static final String SECRET_VARIABLE = "scan-secret-variable-93";

    @TempDir
    Path tmp;

    private final List<String> failures = new ArrayList<>();

    /** Runs a call that may fail and keeps its exception's message and stack trace. */
    private void run(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            StringWriter w = new StringWriter();
            e.printStackTrace(new PrintWriter(w));
            failures.add(what + ": " + e + "\n" + w);
        }
    }

    @Test
    void noSecretInLogsMessagesOrToString() throws Exception {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        List<String> shown = new ArrayList<>();
        try {
            exercise(shown);
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        err.println(logs); // kept in the surefire output for a reader
        String all = logs + String.join("\n", failures) + String.join("\n", shown);

        // the scan saw real logging: requests at DEBUG, headers and bodies at TRACE, the relay's own lines, failures
        assertTrue(logs.contains("DEBUG io.dataops4j.http - --> POST"), "DEBUG request lines were captured");
        assertTrue(logs.contains("TRACE io.dataops4j.http - --> Authorization: ****"), "TRACE header lines were captured");
        // bodies with secret variables are marked sensitive: TRACE shows their type and length, never their JSON
        assertTrue(logs.contains("TRACE io.dataops4j.http - --> body: application/json; charset=utf-8 (")
                && logs.contains(" bytes, sensitive: not logged)"), "TRACE body lines of sensitive requests were captured");
        assertFalse(logs.contains("\"isSecret\":true"), "no body with a secret variable was logged");
        assertTrue(logs.contains("relay: refused"), "the relay's refusals were captured");
        assertTrue(logs.contains("attempt 1 failed"), "the relay's retry was captured");
        assertTrue(failures.size() >= 6, "the failures were exercised: " + failures.size());

        String basic = Base64.getEncoder().encodeToString((":" + PAT).getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(PAT, basic, ENTRA, ARM_TOKEN, JOB_TOKEN, SIG, MLFLOW_SECRET, DBX_SECRET, SECRET_VARIABLE)) {
            int at = all.indexOf(secret);
            assertEquals(-1, at, () -> "secret " + secret.substring(0, 8) + "... shows: "
                    + all.substring(Math.max(0, all.lastIndexOf('\n', at) + 1), Math.min(all.length(), at + 120)));
        }
    }

    private void exercise(List<String> shown) throws Exception {
        RelayTestSupport.DevOpsMock devops = new RelayTestSupport.DevOpsMock();
        MockWebServer other = new MockWebServer();
        other.start();
        try {
            // the client with a PAT: a create refused with a 503 (not retried), then created with a secret variable;
            // a run with a secret variable; a 404 with a DevOps error body
            DevOpsClient pat = DevOpsClient.builder(devops.server.url("/myorg").toString()).pat(Secret.of(PAT))
                    .releaseUrl(devops.server.url("/vsrm/myorg").toString())
                    .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2))).build();
            shown.add(pat.toString());
            CreateRelease spec = CreateRelease.builder(5).description("scan").variable("TOKEN", Variable.secret(SECRET_VARIABLE)).build();
            shown.add(spec.toString());
            devops.failures.set(1);
            run("create refused", () -> pat.releases().create("proj", spec));
            run("create", () -> shown.add(pat.releases().create("proj", spec).toString()));
            run("run", () -> pat.pipelines().start("proj", 7, RunPipeline.builder().variable("TOKEN", Variable.secret(SECRET_VARIABLE)).build()));
            run("not found", () -> pat.pipelines().get("proj", 7));
            pat.close();

            // Entra ID: a token refused twice (one refresh), and the pipeline's own token from the environment
            AtomicInteger n = new AtomicInteger();
            com.azure.core.credential.TokenCredential azure = ctx -> Mono.just(new com.azure.core.credential.AccessToken(
                    ENTRA + "-" + n.incrementAndGet(), OffsetDateTime.of(2099, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
            other.enqueue(new MockResponse.Builder().code(401).body("").build());
            other.enqueue(new MockResponse.Builder().code(401).body("").build());
            try (DevOpsClient entra = DevOpsClient.builder(other.url("/myorg").toString())
                    .credential(EntraIdCredential.of(azure, Scopes.DEVOPS)).build()) {
                shown.add(entra.toString());
                run("entra 401", () -> entra.releases().get("proj", 17));
            }
            other.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "application/json")
                    .body("{\"message\":\"TF400813: The user is not authorized to access this resource.\",\"typeKey\":\"UnauthorizedRequestException\"}").build());
            try (DevOpsClient job = DevOpsClient.fromEnvironment(Environment.of(Map.of(DevOpsClient.ENV_SYSTEM_ACCESSTOKEN, JOB_TOKEN,
                    DevOpsClient.ENV_COLLECTION_URI, other.url("/myorg").toString())), null)) {
                shown.add(job.toString());
                run("job 403", () -> job.pipelines().get("proj", 7));
            }

            // a Logic App: the callback URL through ARM, an invocation refused with 401, one accepted, a bad URL
            String invoke = other.url("/workflows/abc/triggers/manual/paths/invoke").toString();
            String callback = invoke + "?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + SIG;
            other.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(Json.shared().toJson(Map.of(
                    "value", callback, "method", "POST", "basePath", invoke, "queries", Map.of("sv", "1.0", "sig", SIG)))).build());
            try (ArmClient arm = ArmClient.builder().endpoint(other.url("/").toString()).credential(Credential.bearer(Secret.of(ARM_TOKEN)))
                    .build()) {
                Secret url = LogicAppTrigger.callbackUrl(arm, "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Logic/workflows/wf", "manual");
                shown.add(url.toString());
                LogicAppTrigger trigger = LogicAppTrigger.of(url);
                shown.add(trigger.toString());
                other.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json").body(
                        "{\"error\":{\"code\":\"DirectApiInvalidAuthorizationSignature\",\"message\":\"The provided signature does not match.\"}}").build());
                run("logic app 401", () -> trigger.invoke(Map.of("model", "churn")));
                other.enqueue(new MockResponse.Builder().code(202).build());
                run("logic app 202", () -> trigger.invoke(Map.of("model", "churn")));
            }
            run("bad callback", () -> LogicAppTrigger.of(Secret.of("no-scheme-here?sig=" + SIG)));

            // the relay from a config and environment variables, with both webhook secrets and the PAT
            Path config = tmp.resolve("relay.json");
            Files.writeString(config, "{\"project\":\"proj\",\"organization\":\"" + devops.server.url("/myorg") + "\",\"releaseUrl\":\""
                    + devops.server.url("/vsrm/myorg") + "\",\"stateFile\":\"" + tmp.resolve("state.jsonl").toString().replace("\\", "/")
                    + "\",\"retryAttempts\":3,\"mlflowSecretEnv\":\"HOOK_MLFLOW\",\"databricksSecretEnv\":\"HOOK_DBX\",\"rules\":["
                    + "{\"event\":\"model_version_alias.created\",\"alias\":\"champion\",\"releaseDefinitionId\":5},"
                    + "{\"event\":\"MODEL_VERSION_TRANSITIONED_STAGE\",\"pipelineId\":7}]}");
            Environment env = Environment.of(Map.of(DevOpsClient.ENV_PAT, PAT, "HOOK_MLFLOW", MLFLOW_SECRET, "HOOK_DBX", DBX_SECRET));
            devops.appliedThenFailed.set(1);
            try (Relay relay = Relay.start(RelayConfig.read(config), env)) {
                shown.add(relay.toString());
                byte[] alias = ("{\"entity\":\"model_version_alias\",\"action\":\"created\",\"timestamp\":\"2026-11-28T10:00:00Z\","
                        + "\"data\":{\"name\":\"churn\",\"version\":\"3\",\"alias\":\"champion\"}}").getBytes(StandardCharsets.UTF_8);
                String id = UUID.randomUUID().toString();
                String ts = String.valueOf(System.currentTimeMillis() / 1000);
                String good = WebhookVerifier.of(Secret.of(MLFLOW_SECRET)).signature(id, ts, alias);
                shown.add(RelayTestSupport.post(relay.url(), Map.of(WebhookVerifier.SIGNATURE_HEADER, good, WebhookVerifier.DELIVERY_ID_HEADER, id,
                        WebhookVerifier.TIMESTAMP_HEADER, ts), alias).body());
                String forged = WebhookVerifier.of(Secret.of("not-" + MLFLOW_SECRET)).signature(id, ts, alias);
                shown.add(RelayTestSupport.post(relay.url(), Map.of(WebhookVerifier.SIGNATURE_HEADER, forged, WebhookVerifier.DELIVERY_ID_HEADER,
                        UUID.randomUUID().toString(), WebhookVerifier.TIMESTAMP_HEADER, ts), alias).body());
                String old = String.valueOf(System.currentTimeMillis() / 1000 - 3600);
                shown.add(RelayTestSupport.post(relay.url(), Map.of(WebhookVerifier.SIGNATURE_HEADER,
                        WebhookVerifier.of(Secret.of(MLFLOW_SECRET)).signature(id, old, alias), WebhookVerifier.DELIVERY_ID_HEADER, id,
                        WebhookVerifier.TIMESTAMP_HEADER, old), alias).body());
                byte[] transition = ("{\"event\":\"MODEL_VERSION_TRANSITIONED_STAGE\",\"event_timestamp\":1623964513742,\"model_name\":\"churn\","
                        + "\"version\":\"3\",\"to_stage\":\"Production\"}").getBytes(StandardCharsets.UTF_8);
                shown.add(RelayTestSupport.post(relay.url(), Map.of(RelayTestSupport.DATABRICKS_SIGNATURE,
                        RelayTestSupport.databricksSignature(DBX_SECRET, transition)), transition).body());
                shown.add(RelayTestSupport.post(relay.url(), Map.of(RelayTestSupport.DATABRICKS_SIGNATURE,
                        RelayTestSupport.databricksSignature("x" + DBX_SECRET, transition)), transition).body());
                RelayTestSupport.awaitActions(relay, 2);
                assertEquals(2, relay.actionsDone(), "a release (found again after the ambiguous 503) and a run");
            }
            run("missing secret variable", () -> Relay.start(RelayConfig.read(config), Environment.of(Map.of(DevOpsClient.ENV_PAT, PAT))));
        } finally {
            devops.server.close();
            other.close();
        }
    }
}
