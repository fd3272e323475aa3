package io.dataops4j.cli.azureml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.CliHarness;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dataops4j azureml attach-kubernetes --arc-cluster ... --ssl-*} against ARM fixtures
 * (src/test/resources/azureml/attach-arc-nothing-installed.json: the connected cluster shaped after the
 * Microsoft.Kubernetes connectedClusters spec, the rest as in the AKS fixtures).
 */
class AttachArcSslCommandTest {
    private static final String TOKEN = "arm-token-for-azureml-cli-tests";
    private static final String KEY_BODY = "MIGHAgEAMBMGByqGSM49cli-private-key-body";
    private static final String RELAY = "Endpoint=sb://relay1.servicebus.windows.net/;SharedAccessKeyName=azureml_rw;SharedAccessKey=cli-relay-key";

    @TempDir
    Path home;

    private MockWebServer server;
    private FixtureDispatcher fixtures;
    private Path cert;
    private Path key;

    @BeforeEach
    void start() throws Exception {
        fixtures = FixtureDispatcher.builder().classpath("azureml/attach-arc-nothing-installed.json").build();
        server = new MockWebServer();
        server.setDispatcher(fixtures);
        server.start();
        cert = Files.writeString(home.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nMIIBcli-cert-body\n-----END CERTIFICATE-----\n");
        key = Files.writeString(home.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n" + KEY_BODY + "\n-----END PRIVATE KEY-----\n");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private CliHarness cli() {
        return CliHarness.in(home).env("ARM_TEST_TOKEN", TOKEN).env("RELAY_CS", RELAY);
    }

    private String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of("azureml", "attach-kubernetes", "--resource-group", "rg1", "--workspace", "ws1",
                "--compute-name", "k8s-compute", "--namespace", "ml-jobs"));
        a.addAll(Arrays.asList(more));
        a.addAll(List.of("--subscription", "sub1", "--arm-endpoint", server.url("/").toString(), "--token-env", "ARM_TEST_TOKEN",
                "--poll-interval", "1ms"));
        return a.toArray(String[]::new);
    }

    @Test
    void arcDryRunWithSslPlansWithoutAnIdentityStepAndShowsNoSecret() {
        CliHarness.Result r = cli().run(args("--arc-cluster", "arc1", "--dry-run",
                "--ssl-cname", "scoring.contoso.com", "--ssl-cert-pem-file", cert.toString(), "--ssl-key-pem-file", key.toString(),
                "--relay-connection-string-env", "RELAY_CS", "--relay-hybrid-connection-id",
                "/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Relay/namespaces/relay1/hybridConnections/arc1",
                "--relay-hybrid-connection-name", "arc1"));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("azureml@arc1"), r.out());
        assertTrue(r.out().contains("CREATE"), r.out());
        assertTrue(r.out().contains("ATTACH"), r.out());
        assertFalse(r.out().contains("identity"), r.out());
        assertTrue(r.out().contains("dry run: nothing applied"), r.out());
        for (String secret : List.of(KEY_BODY, "cli-relay-key", "cli-cert-body")) {
            assertFalse(r.out().contains(secret) || r.err().contains(secret), r.toString());
        }
        assertTrue(fixtures.requests().stream().anyMatch(q -> q.getUrl().encodedPath().endsWith("/Microsoft.Kubernetes")),
                "the Arc provider is checked");
        assertTrue(fixtures.requests().stream().map(RecordedRequest::getMethod).allMatch("GET"::equals), "a dry run only reads");
    }

    @Test
    void arcPlansTheAzureRelayAsTheAzCliCreatesIt() {
        CliHarness.Result r = cli().run(args("--arc-cluster", "arc1", "--dry-run", "--relay-resource-group", "rg-relay"));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertTrue(r.out().contains("arc1sub1rgrelayrelay"), r.out());
        assertTrue(r.out().contains("azureml_rw"), r.out());
        assertTrue(fixtures.requests().stream().anyMatch(q -> q.getUrl().encodedPath().contains(
                "/resourceGroups/rg-relay/providers/Microsoft.Relay/namespaces/arc1sub1rgrelayrelay")), "looked up where asked");
        assertTrue(fixtures.requests().stream().map(RecordedRequest::getMethod).allMatch("GET"::equals), "a dry run only reads");
    }

    @Test
    void arcWithoutARelayIsReportedAsAConflict() {
        CliHarness.Result r = cli().run(args("--arc-cluster", "arc1", "--dry-run", "--no-create-relay"));
        assertEquals(ExitCodes.FAILED, r.code(), r.toString());
        assertTrue(r.out().contains("CONFLICT"), r.out());
        assertTrue(r.out().contains("Azure Relay"), r.out());
    }

    @Test
    void usageErrorsNameTheProblem() {
        CliHarness.Result both = cli().run(args("--arc-cluster", "arc1", "--aks-cluster", "aks1", "--dry-run"));
        assertEquals(ExitCodes.USAGE, both.code(), both.toString());
        CliHarness.Result none = cli().run(args("--dry-run"));
        assertEquals(ExitCodes.USAGE, none.code(), none.toString());
        CliHarness.Result certOnly = cli().run(args("--aks-cluster", "aks1", "--dry-run", "--ssl-cert-pem-file", cert.toString()));
        assertEquals(ExitCodes.USAGE, certOnly.code(), certOnly.toString());
        assertTrue(certOnly.err().contains("--ssl-key-pem-file"), certOnly.toString());
        CliHarness.Result noCname = cli().run(args("--aks-cluster", "aks1", "--dry-run", "--ssl-cert-pem-file", cert.toString(),
                "--ssl-key-pem-file", key.toString()));
        assertEquals(ExitCodes.USAGE, noCname.code(), noCname.toString());
        assertTrue(noCname.err().contains("sslCname"), noCname.toString());
        assertFalse(noCname.err().contains(KEY_BODY), noCname.toString());
    }
}
