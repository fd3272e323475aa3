package io.dataops4j.cli.azureml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.CliHarness;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dataops4j azureml ...} against ARM fixtures (src/test/resources/azureml), whose shapes are sdk-azureml's
 * recorded ones (the official Python clients' requests, the REST specs' example answers).
 */
class AzureMlCommandsTest {
    private static final String TOKEN = "arm-token-for-azureml-cli-tests";

    @TempDir
    Path home;

    private MockWebServer server;
    private FixtureDispatcher fixtures;

    private void serve(String resource) throws Exception {
        fixtures = FixtureDispatcher.builder().classpath("azureml/" + resource).build();
        server = new MockWebServer();
        server.setDispatcher(fixtures);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private CliHarness cli() {
        return CliHarness.in(home).env("ARM_TEST_TOKEN", TOKEN);
    }

    private String[] args(String... more) {
        List<String> a = new ArrayList<>(Arrays.asList(more));
        a.addAll(List.of("--subscription", "sub1", "--arm-endpoint", server.url("/").toString(), "--token-env", "ARM_TEST_TOKEN",
                "--poll-interval", "1ms"));
        return a.toArray(String[]::new);
    }

    private static final String[] ATTACH = {"azureml", "attach-kubernetes", "--resource-group", "rg1", "--workspace", "ws1",
        "--aks-cluster", "aks1", "--compute-name", "k8s-compute", "--namespace", "ml-jobs"};

    private static String[] concat(String[] a, String... b) {
        List<String> out = new ArrayList<>(Arrays.asList(a));
        out.addAll(Arrays.asList(b));
        return out.toArray(String[]::new);
    }

    private List<String> writes() {
        return fixtures.requests().stream().filter(r -> !r.getMethod().equals("GET")).map(RecordedRequest::getMethod).toList();
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        serve("attach-nothing-installed.json");
        CliHarness.Result r = cli().run(args(concat(ATTACH, "--dry-run")));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("CREATE"), r.out());
        assertTrue(r.out().contains("ATTACH"), r.out());
        assertTrue(r.out().contains("managed identity SystemAssigned"), r.out());
        assertTrue(r.out().contains("2 step(s) will change something"), r.out());
        assertTrue(r.out().contains("dry run: nothing applied"), r.out());
        assertTrue(writes().isEmpty(), "a dry run only reads");
        fixtures.assertAllMatched();
    }

    @Test
    void dryRunAsJson() throws Exception {
        serve("attach-nothing-installed.json");
        CliHarness.Result r = cli().run(args(concat(new String[] {"--json"}, concat(ATTACH, "--dry-run"))));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        Map<String, Object> json = r.json();
        assertEquals(true, json.get("dryRun"));
        assertEquals(2L, ((Number) json.get("changes")).longValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> plan = (List<Map<String, Object>>) json.get("plan");
        assertEquals(List.of("NONE", "NONE", "NONE", "NONE", "CREATE", "ATTACH"), plan.stream().map(s -> s.get("action")).toList());
        assertFalse(r.out().contains(TOKEN) || r.err().contains(TOKEN));
    }

    @Test
    void everythingInPlaceChangesNothing() throws Exception {
        serve("attach-all-in-place.json");
        CliHarness.Result r = cli().run(args(ATTACH));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("everything is in place"), r.out());
        assertTrue(r.out().contains("nothing changed"), r.out());
        assertTrue(writes().isEmpty());
        fixtures.assertAllMatched();
    }

    @Test
    void anExtensionWithOtherSettingsIsReportedAndFails() throws Exception {
        serve("attach-other-settings.json");
        CliHarness.Result r = cli().run(args(ATTACH));
        assertEquals(ExitCodes.FAILED, r.code(), r.toString());
        assertTrue(r.out().contains("CONFLICT"), r.out());
        assertTrue(r.err().contains("inferenceRouterServiceType is 'NodePort', wanted 'LoadBalancer'"), r.err());
        assertTrue(writes().isEmpty());
    }

    @Test
    void computesListGetDetach() throws Exception {
        serve("computes.json");
        CliHarness.Result list = cli().run(args("azureml", "computes", "list", "-g", "rg1", "--workspace", "ws1"));
        assertEquals(ExitCodes.OK, list.code(), list.toString());
        assertTrue(list.out().contains("k8s-compute") && list.out().contains("namespace ml-jobs") && list.out().contains("aks-infer"), list.out());

        CliHarness.Result get = cli().run(args("--json", "azureml", "computes", "get", "k8s-compute", "-g", "rg1", "--workspace", "ws1"));
        assertEquals(ExitCodes.OK, get.code(), get.toString());
        assertEquals("k8s-compute", get.json().get("name"));

        CliHarness.Result detach = cli().run(args("azureml", "computes", "detach", "k8s-compute", "-g", "rg1", "--workspace", "ws1"));
        assertEquals(ExitCodes.OK, detach.code(), detach.toString());
        assertTrue(detach.out().contains("detached k8s-compute"), detach.out());
        RecordedRequest delete = fixtures.requests().stream().filter(q -> q.getMethod().equals("DELETE")).findFirst().orElseThrow();
        assertEquals("Detach", delete.getUrl().queryParameter("underlyingResourceAction"));
        fixtures.assertAllMatched();
        fixtures.assertAllUsed();
    }

    @Test
    void providersRegisterWaitsForRegistered() throws Exception {
        serve("providers.json");
        CliHarness.Result r = cli().run(args("--json", "azureml", "providers", "register", "--namespace",
                "Microsoft.KubernetesConfiguration", "Microsoft.ContainerService"));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(Map.of("providers", List.of(
                Map.of("namespace", "Microsoft.KubernetesConfiguration", "registrationState", "Registered", "changed", true),
                Map.of("namespace", "Microsoft.ContainerService", "registrationState", "Registered", "changed", false))), r.json());
        assertEquals(List.of("POST"), writes());
        fixtures.assertAllMatched();
        fixtures.assertAllUsed();
    }

    @Test
    void aMissingTokenVariableIsAUsageError() throws Exception {
        serve("providers.json");
        CliHarness.Result r = CliHarness.in(home).run(args("azureml", "providers", "register", "--namespace", "Microsoft.ContainerService"));
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("--token-env ARM_TEST_TOKEN"), r.err());
    }
}
