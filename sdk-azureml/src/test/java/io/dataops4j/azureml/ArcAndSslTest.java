package io.dataops4j.azureml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.azureml.PlanStep.Action;
import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.Secret;
import io.dataops4j.core.json.Json;
import io.dataops4j.core.progress.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArcAndSslTest {
    static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUcertificate-body-for-tests\n-----END CERTIFICATE-----\n";
    static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49private-key-body-for-tests\n-----END PRIVATE KEY-----\n";
    static final String RELAY = "Endpoint=sb://relay1.servicebus.windows.net/;SharedAccessKeyName=azureml_rw;SharedAccessKey=relay-key-for-tests";

    private FakeArm arm;

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
    }

    @AfterEach
    void stop() throws Exception {
        arm.close();
    }

    private static KubernetesAttach.Builder arc(AzureMlExtension ext) {
        return KubernetesAttach.builder().workspace(FakeArm.RG, FakeArm.WS).arcCluster(FakeArm.RG, FakeArm.ARC)
                .computeName(FakeArm.COMPUTE).namespace("ml-jobs").extension(ext).timeout(Duration.ofMinutes(30));
    }

    private static AzureMlExtension.Builder seedBuilder() {
        return AzureMlExtension.builder().enableTraining(true).enableInference(true).inferenceRouterServiceType("LoadBalancer")
                .allowInsecureConnections(true).inferenceRouterHA(false);
    }

    private static List<Action> actions(AttachPlan plan) {
        return plan.steps().stream().map(PlanStep::action).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(String putBody) {
        return (Map<String, Object>) JsonMaps.cast(Json.shared().parseValue(putBody)).get("properties");
    }

    @Test
    void arcAttachRegistersMicrosoftKubernetesHasNoIdentityStepAndSendsTheCliArcSettings() {
        AzureMlClient aml = arm.client();
        AzureMlExtension ext = seedBuilder().relay(Secret.of(RELAY),
                "/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Relay/namespaces/relay1/hybridConnections/arc1", "arc1").build();
        AttachPlan plan = aml.planAttachKubernetes(arc(ext).build());
        assertEquals(List.of("Microsoft.Kubernetes", "Microsoft.KubernetesConfiguration", "Microsoft.MachineLearningServices"),
                plan.steps().stream().filter(s -> s.kind().equals("provider")).map(PlanStep::target).toList());
        assertTrue(plan.steps().stream().noneMatch(s -> s.kind().equals("identity")), plan.describe());
        assertEquals(List.of(Action.REGISTER, Action.REGISTER, Action.REGISTER, Action.CREATE, Action.ATTACH), actions(plan), plan.describe());
        assertFalse(plan.describe().contains("relay-key-for-tests"), plan.describe());

        AttachReport report = plan.apply(ProgressListener.NONE);
        assertEquals(List.of("POST /subscriptions/sub1/providers/Microsoft.Kubernetes/register",
                "POST /subscriptions/sub1/providers/Microsoft.KubernetesConfiguration/register",
                "POST /subscriptions/sub1/providers/Microsoft.MachineLearningServices/register",
                "PUT {arc}/providers/Microsoft.KubernetesConfiguration/extensions/azureml", "PUT {ws}/computes/k8s-compute"), arm.writes());
        assertTrue(report.followUps().stream().noneMatch(f -> f.contains("node pools")), report.describe());

        Map<String, Object> put = JsonMaps.cast(Json.shared().parseValue(arm.extensionPuts.get(0)));
        assertEquals(Map.of("type", "SystemAssigned"), put.get("identity"), "the CLI gives the extension an identity on Arc");
        assertEquals("westeurope", put.get("location"));
        Map<String, Object> props = props(arm.extensionPuts.get(0));
        Map<String, Object> settings = JsonMaps.cast(props.get("configurationSettings"));
        assertEquals("true", settings.get("relayserver.enabled"));
        assertEquals("false", settings.get("nginxIngress.enabled"));
        assertEquals("false", settings.get("servicebus.enabled"));
        assertEquals(FakeArm.ARC_ID, settings.get("cluster_name"));
        assertEquals(FakeArm.ARC_ID, settings.get("clusterId"));
        assertEquals("westeurope", settings.get("location"));
        assertEquals("westeurope.cloudapp.azure.com", settings.get("domain"));
        assertEquals("arc1", settings.get("cluster_name_friendly"));
        assertEquals("arc1", settings.get("relayserver.hybridConnectionName"));
        assertNull(settings.get("clusterPurpose"), "5 nodes: not a small cluster");
        assertNull(settings.get("openshift"));
        Map<String, Object> secrets = JsonMaps.cast(props.get("configurationProtectedSettings"));
        assertEquals(RELAY, secrets.get("relayServerConnectionString"));
        assertEquals(RELAY, secrets.get("relayserver.relayConnectionString"), "the CLI's dereference");
        assertEquals(Map.of("cluster", Map.of("releaseNamespace", "azureml")), props.get("scope"));
        Map<String, Object> compute = JsonMaps.cast(Json.shared().parseValue(arm.requests.stream()
                .filter(r -> r.getMethod().equals("PUT") && r.getUrl().encodedPath().contains("/computes/")).findFirst().orElseThrow()
                .getBody().utf8()));
        assertEquals(FakeArm.ARC_ID, JsonMaps.string(compute, "properties", "resourceId"));

        // again: ARM returns no protected settings, the fingerprint tells they are the same: nothing to do
        arm.calls.clear();
        AttachPlan again = aml.planAttachKubernetes(arc(ext).build());
        assertTrue(actions(again).stream().allMatch(a -> a == Action.NONE), again.describe());
        assertFalse(again.apply(ProgressListener.NONE).changed());
        assertTrue(arm.writes().isEmpty(), arm.writes().toString());
    }

    @Test
    void arcWithTheRelayOnAndNoRelayGivenIsAConflictThatChangesNothing() {
        AttachPlan plan = arm.client().planAttachKubernetes(arc(AzureMlExtension.seed()).createRelay(false).build());
        PlanStep ext = plan.steps().stream().filter(s -> s.kind().equals("extension")).findFirst().orElseThrow();
        assertEquals(Action.CONFLICT, ext.action());
        assertTrue(ext.detail().contains("Azure Relay"), ext.detail());
        assertThrows(AttachFailedException.class, () -> plan.apply(ProgressListener.NONE));
        assertTrue(arm.writes().isEmpty(), arm.writes().toString());
    }

    @Test
    void smallOpenShiftArcClusterGetsDevTestAndTheOpenShiftFlag() {
        arm.arcNodes = 2;
        arm.arcDistribution = "OpenShift";
        AzureMlExtension ext = seedBuilder().setting("relayserver.enabled", "false").build();
        AzureMlClient aml = arm.client();
        ExtensionSpec spec = ext.spec(aml.connectedClusters().get(FakeArm.RG, FakeArm.ARC));
        assertEquals("DevTest", spec.configurationSettings().get("clusterPurpose"));
        assertEquals("False", spec.configurationSettings().get("inferenceRouterHA"));
        assertEquals("true", spec.configurationSettings().get("openshift"));
        assertEquals("false", spec.configurationSettings().get("relayserver.enabled"));
        assertNull(AzureMlExtension.blocker(spec));
        arm.arcNodes = null;   // not reported: the CLI leaves the purpose alone
        assertNull(ext.spec(aml.connectedClusters().get(FakeArm.RG, FakeArm.ARC)).configurationSettings().get("clusterPurpose"));
    }

    private static AzureMlExtension ssl(String cert) {
        return AzureMlExtension.builder().enableTraining(true).enableInference(true).inferenceRouterServiceType("LoadBalancer")
                .allowInsecureConnections(false).sslCname("scoring.contoso.com")
                .sslCertificate(Secret.of(cert), Secret.of(KEY)).build();
    }

    @Test
    void sslCertificateGoesAsProtectedSettingsAndASameRerunDoesNotReinstall() throws Exception {
        arm.allInPlace();
        AzureMlClient aml = arm.client();
        KubernetesAttach attach = KubernetesAttach.builder().workspace(FakeArm.RG, FakeArm.WS).aksCluster(FakeArm.RG, FakeArm.AKS)
                .computeName(FakeArm.COMPUTE).namespace("ml-jobs").extension(ssl(CERT))
                .onDifference(KubernetesAttach.OnDifference.UPDATE).timeout(Duration.ofMinutes(30)).build();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        AttachPlan plan;
        AttachReport report;
        try {
            plan = aml.planAttachKubernetes(attach);
            report = plan.apply(ProgressListener.NONE);
        } finally {
            System.setErr(err);
        }
        // the extension was installed by the seed (no SSL, no fingerprint): it is updated
        PlanStep ext = plan.steps().stream().filter(s -> s.kind().equals("extension")).findFirst().orElseThrow();
        assertEquals(Action.UPDATE, ext.action(), plan.describe());
        assertNull(JsonMaps.cast(Json.shared().parseValue(arm.extensionPuts.get(0))).get("identity"), "no extension identity on AKS");
        Map<String, Object> props = props(arm.extensionPuts.get(0));
        Map<String, Object> secrets = JsonMaps.cast(props.get("configurationProtectedSettings"));
        assertEquals(Base64.getEncoder().encodeToString(CERT.getBytes(StandardCharsets.US_ASCII)), secrets.get("scoringFe.sslCert"));
        assertEquals(Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.US_ASCII)), secrets.get("scoringFe.sslKey"));
        assertEquals(2, secrets.size(), "no local file paths are sent");
        Map<String, Object> settings = JsonMaps.cast(props.get("configurationSettings"));
        assertEquals("scoring.contoso.com", settings.get("sslCname"));
        assertEquals("False", settings.get("allowInsecureConnections"));
        assertTrue(String.valueOf(settings.get(ExtensionSpec.PROTECTED_FINGERPRINT)).matches("[0-9a-f]{64}"));

        // nowhere: plan, report, toString, logs
        String b64Key = Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.US_ASCII));
        String fingerprint = String.valueOf(settings.get(ExtensionSpec.PROTECTED_FINGERPRINT));
        for (String text : List.of(plan.describe(), plan.toString(), report.describe(), plan.extensionSpec().toString(),
                attach.toString(), attach.extension().toString(), captured.toString(StandardCharsets.UTF_8))) {
            assertFalse(text.contains("private-key-body-for-tests"), text);
            assertFalse(text.contains(b64Key), text);
            assertFalse(text.contains(b64Key.substring(8, 40)), text);
            assertFalse(text.contains(fingerprint), text);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("extensions/azureml"), "the PUT was logged (DEBUG)");

        // the same SSL settings again: nothing to do, nothing sent
        arm.calls.clear();
        AttachPlan again = aml.planAttachKubernetes(attach);
        assertTrue(actions(again).stream().allMatch(a -> a == Action.NONE), again.describe());
        assertFalse(again.apply(ProgressListener.NONE).changed());
        assertTrue(arm.writes().isEmpty(), arm.writes().toString());

        // another certificate: the fingerprint differs, the extension is updated, the plan says so without values
        KubernetesAttach rotated = KubernetesAttach.builder().workspace(FakeArm.RG, FakeArm.WS).aksCluster(FakeArm.RG, FakeArm.AKS)
                .computeName(FakeArm.COMPUTE).namespace("ml-jobs").extension(ssl(CERT.replace("certificate-body", "rotated-body")))
                .onDifference(KubernetesAttach.OnDifference.REPORT).timeout(Duration.ofMinutes(30)).build();
        AttachPlan third = aml.planAttachKubernetes(rotated);
        PlanStep changed = third.steps().stream().filter(s -> s.kind().equals("extension")).findFirst().orElseThrow();
        assertEquals(Action.CONFLICT, changed.action());
        assertTrue(changed.detail().contains("protected settings differ"), changed.detail());
        assertFalse(changed.detail().contains(fingerprint), changed.detail());
    }

    @Test
    void protectedSettingsStayOutOfFailureMessages() {
        arm.extensionOutcome = FakeArm.ExtensionOutcome.FAILED;
        KubernetesAttach attach = KubernetesAttach.builder().workspace(FakeArm.RG, FakeArm.WS).aksCluster(FakeArm.RG, FakeArm.AKS)
                .computeName(FakeArm.COMPUTE).namespace("ml-jobs").extension(ssl(CERT)).timeout(Duration.ofMinutes(30)).build();
        AttachFailedException e = assertThrows(AttachFailedException.class,
                () -> arm.client().planAttachKubernetes(attach).apply(ProgressListener.NONE));
        assertTrue(e.getMessage().contains("ExtensionOperationFailed"), e.getMessage());
        String all = e.getMessage() + e.report().describe() + String.valueOf(e.getCause());
        assertFalse(all.contains("private-key-body-for-tests"), all);
        assertFalse(all.contains(Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.US_ASCII))), all);
    }

    @Test
    void sslValidationFollowsTheCli() {
        IllegalArgumentException insecure = assertThrows(IllegalArgumentException.class, () -> AzureMlExtension.builder()
                .enableInference(true).inferenceRouterServiceType("LoadBalancer").allowInsecureConnections(true)
                .sslCname("x.contoso.com").sslCertificate(Secret.of(CERT), Secret.of(KEY)).build());
        assertTrue(insecure.getMessage().contains("allowInsecureConnections must be False"), insecure.getMessage());
        IllegalArgumentException noCname = assertThrows(IllegalArgumentException.class, () -> AzureMlExtension.builder()
                .enableInference(true).inferenceRouterServiceType("LoadBalancer").allowInsecureConnections(false)
                .sslCertificate(Secret.of(CERT), Secret.of(KEY)).build());
        assertTrue(noCname.getMessage().contains("sslCname"), noCname.getMessage());
        assertFalse(noCname.getMessage().contains("private-key-body-for-tests"));
        assertThrows(IllegalArgumentException.class, () -> AzureMlExtension.builder().enableInference(true)
                .inferenceRouterServiceType("LoadBalancer").allowInsecureConnections(false).build());
        // with a certificate the secret-name route is not used (the CLI takes the files first)
        AzureMlExtension both = AzureMlExtension.builder().enableInference(true).inferenceRouterServiceType("LoadBalancer")
                .allowInsecureConnections(false).sslCname("x.contoso.com").setting("sslSecret", "tls-secret")
                .sslCertificate(Secret.of(CERT), Secret.of(KEY)).build();
        assertNull(both.settings().get("scoringFe.sslSecret"));
        assertEquals(java.util.Set.of("scoringFe.sslCert", "scoringFe.sslKey"), both.protectedSettingKeys());
    }
}
