package io.dataops4j.cli.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.CliHarness;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dataops4j adf ...} end to end: validate and apply-config offline on a small factory (a copy of sdk-adf's
 * adf-mini fixture), plan, deploy and run-pipeline against an ARM fake on MockWebServer.
 */
class AdfCommandsTest {
    @TempDir
    Path home;

    @TempDir
    Path work;

    private ArmFake fake;

    @BeforeEach
    void startFake() throws Exception {
        fake = new ArmFake();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private static Path mini() throws Exception {
        return Path.of(AdfCommandsTest.class.getResource("/adf/adf-mini").toURI());
    }

    private CliHarness cli() {
        return CliHarness.in(home).env("STAGE", "prod").env("ADF_TOKEN", ArmFake.TOKEN);
    }

    /** The command, then the target options: the fake, a token from the environment, fast polls. */
    private String[] target(String... more) {
        List<String> args = new ArrayList<>(Arrays.asList(more));
        args.addAll(List.of("--subscription", "sub1", "--resource-group", "rg1", "--factory", "adf-prod",
                "--arm-endpoint", fake.endpoint(), "--token-env", "ADF_TOKEN", "--poll-interval", "1ms"));
        return args.toArray(String[]::new);
    }

    private static String[] args(String[] first, String... rest) {
        List<String> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(Arrays.asList(rest));
        return all.toArray(String[]::new);
    }

    private void assertNoToken(CliHarness.Result r) {
        assertFalse(r.out().contains(ArmFake.TOKEN) || r.err().contains(ArmFake.TOKEN), "the token never shows: " + r);
    }

    @Test
    void validatePassesAGoodFactoryAndConfig() throws Exception {
        CliHarness.Result r = cli().run("adf", "validate", "--root", mini().toString(),
                "--config", mini().resolve("deployment/config-test.csv").toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("config-test.csv: ok"), r.toString());
        assertTrue(r.out().contains("adf-mini: 8 objects, 0 error(s)"), r.toString());
    }

    @Test
    void validateExitsWith2OnErrorsAndListsThemAsJson() throws Exception {
        CliHarness.Result plain = cli().run("adf", "validate", "--root", mini().toString());
        assertEquals(ExitCodes.USAGE, plain.code(), plain.toString());
        assertTrue(plain.out().contains("config-errors.csv: FAILED"), plain.toString());
        assertTrue(plain.out().contains("config-errors.csv:2: error ADFT0007"), plain.toString());

        CliHarness.Result json = cli().run("--json", "adf", "validate", "--root", mini().toString());
        assertEquals(ExitCodes.USAGE, json.code(), json.toString());
        Map<String, Object> doc = json.json();
        assertEquals("adf-mini", doc.get("factory"));
        assertEquals(2.0, ((Number) doc.get("errorCount")).doubleValue(), json.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> configs = (List<Map<String, Object>>) doc.get("configs");
        assertEquals(List.of(false, false, true, true), configs.stream().map(c -> c.get("ok")).toList(), json.toString());

        CliHarness.Result missing = cli().run("adf", "validate", "--root", work.resolve("nope").toString());
        assertEquals(ExitCodes.USAGE, missing.code(), missing.toString());
        assertTrue(missing.err().contains("ADFT0019"), missing.toString());
    }

    @Test
    void applyConfigWritesTheFactoryAsTheStageWouldDeployIt() throws Exception {
        Path out = work.resolve("out");
        CliHarness.Result r = cli().run("adf", "apply-config", "--root", mini().toString(), "--stage", "test", "--output", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        String kv = Files.readString(out.resolve("linkedService/LS_KeyVault.json"), StandardCharsets.UTF_8);
        assertTrue(kv.contains("https://kv-prod.vault.azure.net/"), kv);
        String trigger = Files.readString(out.resolve("trigger/TR_Daily.json"), StandardCharsets.UTF_8);
        assertTrue(trigger.contains("\"runtimeState\": \"Started\"") && trigger.contains("2024-02-01T06:00:00+02:00"), trigger);
        assertTrue(r.out().startsWith("Wrote 8 objects of adf-mini to "), r.toString());

        CliHarness.Result again = cli().run("adf", "apply-config", "--root", mini().toString(), "--stage", "test", "--output", out.toString());
        assertEquals(ExitCodes.USAGE, again.code(), again.toString());
        assertTrue(again.err().contains("is not empty"), again.toString());

        CliHarness.Result json = cli().run("--json", "adf", "apply-config", "--root", mini().toString(), "--stage", "test",
                "--output", out.toString(), "--overwrite");
        assertEquals(ExitCodes.OK, json.code(), json.toString());
        @SuppressWarnings("unchecked")
        List<String> modified = (List<String>) json.json().get("modified");
        assertTrue(modified.contains("linkedService.LS_KeyVault") && modified.contains("trigger.TR_Daily"), modified.toString());
    }

    @Test
    void applyConfigReportsEveryConfigErrorWithFileAndLine() throws Exception {
        CliHarness.Result r = cli().run("adf", "apply-config", "--root", mini().toString(), "--stage", "errors", "--output",
                work.resolve("out").toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("config-errors.csv:2: error ADFT0007"), r.toString());
        assertTrue(r.err().contains("config-errors.csv:3: error ADFT0010"), r.toString());
        assertFalse(Files.exists(work.resolve("out")), "nothing is written");

        CliHarness.Result json = cli().run("--json", "adf", "apply-config", "--root", mini().toString(), "--stage", "errors", "--output",
                work.resolve("out").toString());
        assertEquals(ExitCodes.USAGE, json.code(), json.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) json.errJson().get("error");
        assertEquals("input", error.get("kind"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) error.get("findings");
        Map<String, Object> first = findings.stream().filter(f -> f.get("severity").equals("error")).findFirst().orElseThrow();
        assertEquals("ADFT0007", first.get("code"));
        assertEquals(2.0, ((Number) first.get("line")).doubleValue());
        assertTrue(findings.stream().anyMatch(f -> f.get("severity").equals("warning")), "warnings are listed too");
    }

    @Test
    void planPrintsWhatADeploymentWouldDoAndWritesNothing() throws Exception {
        fake.put("pipelines", "PL_Old", "{\"properties\":{\"activities\":[]}}");
        CliHarness.Result r = cli().run(args(target("adf", "plan", "--root", mini().toString(), "--stage", "test", "--delete-not-in-source")));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("+ pipeline.PL_Copy"), r.toString());
        assertTrue(r.out().contains("- pipeline.PL_Old"), r.toString());
        assertTrue(r.out().contains("Plan: 8 to add, 0 to change, 1 to destroy."), r.toString());
        assertTrue(fake.calls.stream().allMatch(c -> c.startsWith("GET ")), "a plan only reads: " + fake.calls);
        assertTrue(fake.authorizations.stream().allMatch(a -> a.equals("Bearer " + ArmFake.TOKEN)), fake.authorizations.toString());
        assertNoToken(r);

        CliHarness.Result json = cli().run(args(new String[] {"--json"}, target("adf", "plan", "--root", mini().toString(), "--stage", "test")));
        assertEquals(ExitCodes.OK, json.code(), json.toString());
        Map<String, Object> doc = json.json();
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) doc.get("summary");
        assertEquals(8.0, ((Number) summary.get("add")).doubleValue(), json.toString());
        assertEquals(true, summary.get("hasChanges"));
        assertEquals(List.of("TR_Daily"), doc.get("triggersToStart"));
        assertEquals(ArmFake.BASE, doc.get("target"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) doc.get("changes");
        Map<String, Object> copy = changes.stream().filter(c -> c.get("address").equals("pipeline.PL_Copy")).findFirst().orElseThrow();
        assertEquals("create", copy.get("action"));
    }

    @Test
    void deployAppliesThePlanThenAPlanShowsNoChange() throws Exception {
        Path state = work.resolve("state");
        Files.createDirectories(state);
        CliHarness.Result r = cli().run(args(target("adf", "deploy", "--root", mini().toString(), "--stage", "test",
                "--incremental", state.toString())));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("Apply complete: 8 deployed, 0 deleted; triggers 0 stopped, 1 started [TR_Daily]."), r.toString());
        assertTrue(r.err().contains("progress: "), "progress on stderr: " + r);
        assertEquals("Started", fake.runtimeState("TR_Daily"));
        assertEquals("\"prod\"", Json.shared().toJson(((Map<?, ?>) fake.globalParameters.get("Env")).get("value")));
        assertTrue(fake.calls.contains("POST /triggers/TR_Daily/start"), fake.calls.toString());
        assertTrue(Files.exists(state.resolve("adf-prod.adftools_deployment_state.json")), "the incremental state is saved");
        assertNoToken(r);

        CliHarness.Result again = cli().run(args(new String[] {"--json"}, target("adf", "deploy", "--root", mini().toString(), "--stage",
                "test", "--trigger-stop", "deployable-only", "--incremental", state.toString())));
        assertEquals(ExitCodes.OK, again.code(), again.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) ((Map<String, Object>) again.json().get("plan")).get("summary");
        assertEquals(false, summary.get("hasChanges"), again.toString());
        assertEquals(7.0, ((Number) summary.get("unchanged")).doubleValue() - 1, again.toString());
    }

    @Test
    void deployWithJsonPrintsPlanAndResultAndProgressLines() throws Exception {
        fake.put("pipelines", "PL_Old", "{\"properties\":{\"activities\":[]}}");
        CliHarness.Result r = cli().run(args(new String[] {"--json"}, target("adf", "deploy", "--root", mini().toString(), "--stage", "test",
                "--delete-not-in-source", "--exclude", "integrationRuntime.*", "--ignore-missing-references")));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) r.json().get("result");
        assertEquals(List.of("pipeline.PL_Old"), result.get("deleted"));
        @SuppressWarnings("unchecked")
        List<String> deployed = (List<String>) result.get("deployed");
        assertFalse(deployed.contains("integrationRuntime.IR_Managed"), deployed.toString());
        assertNull(fake.get("integrationruntimes", "IR_Managed"));
        assertNull(fake.get("pipelines", "PL_Old"));
        for (String line : r.err().strip().split("\n")) {
            assertEquals("progress", ((Map<?, ?>) Json.shared().parseValue(line)).get("event"), line);
        }
    }

    @Test
    void anIncrementalStateInABlobByASasUrlFromTheEnvironmentNeverShowsTheSignature() throws Exception {
        String sig = "c2lnbmF0dXJlLWZvci1jbGktdGVzdHM%3D";
        String sas = fake.endpoint() + "blob/acct/state?sv=2022-11-02&sr=c&sp=rwc&sig=" + sig;
        CliHarness.Result r = cli().env("STATE_URL", sas).run(args(new String[] {"--verbose"}, target("adf", "deploy", "--root",
                mini().toString(), "--stage", "test", "--incremental", "env:STATE_URL")));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(fake.calls.contains("PUT /blob/acct/state/adf-prod.adftools_deployment_state.json (SAS)"), fake.calls.toString());
        assertTrue(fake.blobs.containsKey("/blob/acct/state/adf-prod.adftools_deployment_state.json"));
        assertFalse(r.out().contains(sig) || r.err().contains(sig) || r.err().contains("c2lnbmF0dXJlLWZvci1jbGktdGVzdHM="),
                "the SAS signature never shows, even with --verbose: " + r);
        assertNoToken(r);

        CliHarness.Result unset = cli().run(args(target("adf", "plan", "--root", mini().toString(), "--incremental", "env:NOPE")));
        assertEquals(ExitCodes.USAGE, unset.code(), unset.toString());
        assertTrue(unset.err().contains("--incremental env:NOPE: the environment variable is not set"), unset.toString());
    }

    @Test
    void runPipelineStartsARunWaitsForItAndListsItsActivities() {
        CliHarness.Result r = cli().run(args(target("adf", "run-pipeline", "PL_Copy", "--param", "date=2026-01-01", "--param-json", "n=2",
                "--param-json", "opts={\"a\":[1,true]}", "--wait")));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().startsWith("Run run-1 of pipeline PL_Copy: Succeeded"), r.toString());
        assertTrue(r.out().contains("Notebook1 (DatabricksNotebook): Succeeded https://adb-1.azuredatabricks.net/run/1"), r.toString());
        int create = fake.calls.indexOf("POST /pipelines/PL_Copy/createRun");
        assertEquals("{\"date\":\"2026-01-01\",\"n\":2,\"opts\":{\"a\":[1,true]}}", fake.bodies.get(create),
                "strings with --param, typed JSON with --param-json");
        assertNoToken(r);

        CliHarness.Result noWait = cli().run(args(new String[] {"--json"}, target("adf", "run-pipeline", "PL_Copy")));
        assertEquals(ExitCodes.OK, noWait.code(), noWait.toString());
        assertEquals("run-2", noWait.json().get("runId"));
        assertNull(noWait.json().get("status"));

        CliHarness.Result failed = cli().run(args(new String[] {"--json"}, target("adf", "run-pipeline", "PL_Fail", "--wait")));
        assertEquals(ExitCodes.FAILED, failed.code(), failed.toString());
        assertEquals("Failed", failed.json().get("status"));
        assertEquals("Operation on target Notebook1 failed", failed.json().get("message"));
    }

    @Test
    void aServiceErrorExitsWith1AndNamesTheService() throws Exception {
        CliHarness.Result r = cli().env("ADF_TOKEN", "a-token-the-service-refuses").run(args(new String[] {"--json"},
                target("adf", "plan", "--root", mini().toString())));
        assertEquals(ExitCodes.FAILED, r.code(), r.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) r.errJson().get("error");
        assertEquals("service", error.get("kind"));
        assertEquals("AuthenticationFailed", error.get("errorCode"));
        assertFalse(r.err().contains("a-token-the-service-refuses"), r.toString());
    }

    @Test
    void badUsageAndMissingSettingsExitWith2() throws Exception {
        String root = mini().toString();
        CliHarness.Result noFactory = cli().run("adf", "plan", "--root", root, "--resource-group", "rg1");
        assertEquals(ExitCodes.USAGE, noFactory.code(), noFactory.toString());
        assertTrue(noFactory.err().contains("--factory"), noFactory.toString());

        CliHarness.Result unsetToken = CliHarness.in(home).run(args(target("adf", "plan", "--root", root)));
        assertEquals(ExitCodes.USAGE, unsetToken.code(), unsetToken.toString());
        assertTrue(unsetToken.err().contains("--token-env ADF_TOKEN: the environment variable is not set"), unsetToken.toString());

        CliHarness.Result badMethod = cli().run(args(target("adf", "deploy", "--root", root, "--trigger-stop", "some")));
        assertEquals(ExitCodes.USAGE, badMethod.code(), badMethod.toString());
        assertTrue(badMethod.err().contains("expected all-enabled or deployable-only"), badMethod.toString());

        CliHarness.Result noSubscription = cli().run("adf", "plan", "--root", root, "-g", "rg1", "--factory", "adf-prod",
                "--arm-endpoint", fake.endpoint(), "--token-env", "ADF_TOKEN");
        assertEquals(ExitCodes.USAGE, noSubscription.code(), noSubscription.toString());
        assertTrue(noSubscription.err().contains("environment variable AZURE_SUBSCRIPTION_ID"), noSubscription.toString());

        CliHarness.Result fromEnv = cli().env("AZURE_SUBSCRIPTION_ID", "sub1").run("adf", "plan", "--root", root, "-g", "rg1",
                "--factory", "adf-prod", "--arm-endpoint", fake.endpoint(), "--token-env", "ADF_TOKEN", "--poll-interval", "1ms");
        assertEquals(ExitCodes.OK, fromEnv.code(), fromEnv.toString());

        CliHarness.Result badFilter = cli().run(args(target("adf", "plan", "--root", root, "--filter", work.resolve("none.txt").toString())));
        assertEquals(ExitCodes.USAGE, badFilter.code(), badFilter.toString());
        assertTrue(badFilter.err().contains("ADFT0026"), badFilter.toString());

        CliHarness.Result group = cli().run("adf");
        assertEquals(ExitCodes.USAGE, group.code(), group.toString());
        assertTrue(group.err().contains("run-pipeline"), group.toString());
    }
}
