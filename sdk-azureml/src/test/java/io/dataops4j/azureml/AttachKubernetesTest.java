package io.dataops4j.azureml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.azureml.PlanStep.Action;
import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttachKubernetesTest {
    private FakeArm arm;

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
    }

    @AfterEach
    void stop() throws Exception {
        arm.close();
    }

    static KubernetesAttach attach() {
        return KubernetesAttach.builder().workspace(FakeArm.RG, FakeArm.WS).aksCluster(FakeArm.RG, FakeArm.AKS)
                .computeName(FakeArm.COMPUTE).namespace("ml-jobs").timeout(Duration.ofMinutes(30)).build();
    }

    private static List<Action> actions(AttachPlan plan) {
        return plan.steps().stream().map(PlanStep::action).toList();
    }

    @Test
    void firstRunDoesEveryStepThenASecondRunChangesNothing() {
        AzureMlClient aml = arm.client();
        AttachPlan plan = aml.planAttachKubernetes(attach());
        assertEquals(List.of(Action.REGISTER, Action.REGISTER, Action.REGISTER, Action.ENABLE_MANAGED_IDENTITY, Action.CREATE,
                Action.ATTACH), actions(plan), plan.describe());
        assertEquals(6, plan.changes());
        assertTrue(arm.writes().isEmpty(), "planning changes nothing: " + arm.writes());

        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        AttachReport report = plan.apply((done, total, msg) -> progress.add(done + "/" + total + " " + msg));

        assertTrue(report.changed());
        assertEquals(6, report.steps().stream().filter(AttachReport.Outcome::applied).count());
        assertTrue(progress.contains("6/6 attaching k8s-compute@ws1: done"), progress.toString());
        assertTrue(progress.get(0).startsWith("0/6 "), progress.toString());
        assertTrue(progress.contains("4/6 extension azureml on aks1: InProgress"), progress.toString());
        assertTrue(progress.contains("3/6 managed identity of aks1: InProgress"), progress.toString());
        // providers went Registering -> Registered
        arm.providers.values().forEach(s -> assertEquals("Registered", s));
        assertEquals(List.of("POST /subscriptions/sub1/providers/Microsoft.ContainerService/register",
                "POST /subscriptions/sub1/providers/Microsoft.KubernetesConfiguration/register",
                "POST /subscriptions/sub1/providers/Microsoft.MachineLearningServices/register",
                "PUT {aks}", "PUT {aks}/providers/Microsoft.KubernetesConfiguration/extensions/azureml", "PUT {ws}/computes/k8s-compute"),
                arm.writes());
        assertEquals("SystemAssigned", arm.clusterIdentity.get("type"));
        assertTrue(report.followUps().stream().anyMatch(f -> f.contains("node pools are upgraded")), report.describe());
        assertTrue(report.followUps().stream().anyMatch(f -> f.contains("namespace ml-jobs must exist")), report.describe());
        assertTrue(report.followUps().stream().anyMatch(f -> f.contains("kubectl get pods -n azureml")), report.describe());

        // again: everything is in place
        arm.calls.clear();
        AttachPlan again = aml.planAttachKubernetes(attach());
        assertTrue(actions(again).stream().allMatch(a -> a == Action.NONE), again.describe());
        assertTrue(again.describe().contains("everything is in place"), again.describe());
        AttachReport second = again.apply((d, t, m) -> { });
        assertFalse(second.changed());
        assertTrue(second.followUps().isEmpty());
        assertTrue(arm.writes().isEmpty(), "a second run changes nothing: " + arm.writes());
    }

    @Test
    void providerRegistrationPollsUntilRegistered() {
        AzureMlClient aml = arm.client();
        Provider p = aml.providers().register("Microsoft.KubernetesConfiguration").waitForCompletion(Duration.ofMinutes(5));
        assertEquals("Registered", p.registrationState());
        assertEquals(List.of("GET /subscriptions/sub1/providers/Microsoft.KubernetesConfiguration",
                "POST /subscriptions/sub1/providers/Microsoft.KubernetesConfiguration/register",
                "GET /subscriptions/sub1/providers/Microsoft.KubernetesConfiguration",
                "GET /subscriptions/sub1/providers/Microsoft.KubernetesConfiguration"), arm.calls);
        arm.calls.clear();
        assertTrue(aml.providers().register("Microsoft.KubernetesConfiguration").waitForCompletion(Duration.ofMinutes(1)).registered());
        assertEquals(List.of("GET /subscriptions/sub1/providers/Microsoft.KubernetesConfiguration"), arm.calls, "registered: no POST");
    }

    @Test
    void managedIdentityIsAPutWithIfMatchAndWithoutReadOnlyPropertiesThenALongRunningOperation() throws Exception {
        AzureMlClient aml = arm.client();
        ManagedCluster before = aml.managedClusters().get(FakeArm.RG, FakeArm.AKS);
        assertFalse(before.hasManagedIdentity());
        assertEquals("clientid", before.servicePrincipalClientId());
        assertEquals(2, before.nodeCount());
        ManagedCluster after = aml.managedClusters().enableSystemAssignedIdentity(before).waitForCompletion(Duration.ofMinutes(30));
        assertEquals("SystemAssigned", after.identityType());
        assertEquals(List.of("GET {aks}", "PUT {aks}", "GET /operations/cluster", "GET /operations/cluster", "GET {aks}"), arm.calls);
        RecordedRequest put = arm.requests.get(1);
        assertEquals("\"beywbwei\"", put.getHeaders().get("If-Match"));
        Map<String, Object> body = JsonMaps.cast(Json.shared().parseValue(put.getBody().utf8()));
        for (String readOnly : List.of("id", "name", "type", "eTag")) {
            assertFalse(body.containsKey(readOnly), readOnly + " is read-only: " + body);
        }
        Map<String, Object> props = JsonMaps.cast(body.get("properties"));
        for (String readOnly : List.of("provisioningState", "fqdn", "maxAgentPools", "currentKubernetesVersion")) {
            assertFalse(props.containsKey(readOnly), readOnly + " is read-only: " + props);
        }
        assertFalse(JsonMaps.cast(JsonMaps.list(body, "properties", "agentPoolProfiles").get(0)).containsKey("eTag"));
        assertEquals(Map.of("clientId", "clientid"), props.get("servicePrincipalProfile"), "the service principal stays as az does");

        // a cluster changed since it was read: the service refuses the PUT
        arm.calls.clear();
        var stale = assertThrows(io.dataops4j.core.error.ServiceException.class,
                () -> aml.managedClusters().enableSystemAssignedIdentity(before));
        assertEquals(412, stale.status());
    }

    @Test
    void extensionSucceededButWithAnErrorStatusFailsWithTheStatuses() {
        arm.extensionOutcome = FakeArm.ExtensionOutcome.SUCCEEDED_WITH_ERROR_STATUS;
        AttachFailedException e = assertThrows(AttachFailedException.class,
                () -> arm.client().attachKubernetes(attach(), (d, t, m) -> { }));
        ExtensionInstallException cause = assertInstanceOf(ExtensionInstallException.class, e.getCause());
        assertTrue(e.getMessage().contains("E45005") && e.getMessage().contains("pod healthcheck failed"), e.getMessage());
        assertEquals("Succeeded", cause.extension().provisioningState());
        assertEquals(1, cause.problems().size(), cause.problems().toString());
        assertEquals(List.of(true, true, true, true), e.report().steps().stream().map(AttachReport.Outcome::applied).toList(),
                "providers and identity were done before");
        assertFalse(arm.writes().contains("PUT {ws}/computes/k8s-compute"), "no compute attached to a broken extension");
    }

    @Test
    void extensionFailedCarriesTheOperationErrorAndErrorInfo() {
        arm.allInPlace();
        arm.extension = null;
        arm.computes.clear();
        arm.extensionOutcome = FakeArm.ExtensionOutcome.FAILED;
        AttachFailedException e = assertThrows(AttachFailedException.class,
                () -> arm.client().attachKubernetes(attach(), (d, t, m) -> { }));
        ExtensionInstallException cause = assertInstanceOf(ExtensionInstallException.class, e.getCause());
        assertTrue(e.getMessage().contains("ExtensionOperationFailed"), e.getMessage());
        assertTrue(e.getMessage().contains("errorInfo: ExtensionOperationFailed: Helm installation failed"), e.getMessage());
        assertEquals("Failed", cause.extension().provisioningState());
        assertNotNull(cause.extension().errorInfo());
    }

    @Test
    void extensionSucceededAndHealthyIsVerified() {
        arm.allInPlace();
        arm.extension = null;
        AzureMlClient aml = arm.client();
        ManagedCluster aks = aml.managedClusters().get(FakeArm.RG, FakeArm.AKS);
        ClusterExtension ext = aml.extensions().install(aks.id(), FakeArm.EXT, AzureMlExtension.seed().spec(aks), Duration.ofMinutes(30), null);
        assertTrue(ext.healthy());
        assertEquals("Ready", ext.extensionState());
        assertEquals("1.1.64", ext.currentVersion());
        assertEquals(List.of("GET {aks}", "PUT {aks}/providers/Microsoft.KubernetesConfiguration/extensions/azureml",
                "GET /operations/extension", "GET /operations/extension", "GET {aks}/providers/Microsoft.KubernetesConfiguration/extensions/azureml",
                "GET {aks}/providers/Microsoft.KubernetesConfiguration/extensions/azureml"), arm.calls);
        // an extensionState other than Ready is not healthy
        arm.extensionState = "Pending";
        ClusterExtension pending = aml.extensions().find(aks.id(), FakeArm.EXT).orElseThrow();
        assertEquals(List.of("extensionState is Pending"), pending.problems());
    }

    @Test
    void anExtensionWithOtherSettingsIsReportedOrUpdatedAsChosen() {
        arm.allInPlace();
        JsonMaps.cast(JsonMaps.object(arm.extension, "properties", "configurationSettings")).put("inferenceRouterServiceType", "NodePort");
        AzureMlClient aml = arm.client();
        AttachPlan report = aml.planAttachKubernetes(attach());
        PlanStep ext = report.steps().get(4);
        assertEquals(Action.CONFLICT, ext.action());
        assertTrue(ext.detail().contains("inferenceRouterServiceType is 'NodePort', wanted 'LoadBalancer'"), ext.detail());
        assertThrows(AttachFailedException.class, () -> report.apply((d, t, m) -> { }));
        assertTrue(arm.writes().isEmpty(), "a conflict changes nothing: " + arm.writes());

        KubernetesAttach update = KubernetesAttach.builder().workspace(FakeArm.RG, FakeArm.WS).aksCluster(FakeArm.RG, FakeArm.AKS)
                .computeName(FakeArm.COMPUTE).namespace("ml-jobs").onDifference(KubernetesAttach.OnDifference.UPDATE).build();
        AttachPlan plan = aml.planAttachKubernetes(update);
        assertEquals(Action.UPDATE, plan.steps().get(4).action());
        AttachReport done = plan.apply((d, t, m) -> { });
        assertTrue(done.changed());
        assertEquals(List.of("PUT {aks}/providers/Microsoft.KubernetesConfiguration/extensions/azureml"), arm.writes());
        assertEquals("LoadBalancer", JsonMaps.string(arm.extension, "properties", "configurationSettings", "inferenceRouterServiceType"));
    }

    @Test
    void aComputeInAnotherNamespaceIsAConflict() {
        arm.allInPlace();
        JsonMaps.cast(JsonMaps.object(arm.computes.get(FakeArm.COMPUTE), "properties", "properties")).put("namespace", "default");
        AttachPlan plan = arm.client().planAttachKubernetes(attach());
        assertEquals(Action.CONFLICT, plan.steps().get(5).action());
        assertTrue(plan.steps().get(5).detail().contains("namespace is default, wanted ml-jobs"), plan.steps().get(5).detail());
    }

    @Test
    void throttlingIsRetriedAfterTheServicesRetryAfter() {
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        AzureMlClient aml = arm.builder().timing(java.time.Clock.systemUTC(), sleeps::add).build();
        arm.throttle = 2;
        Provider p = aml.providers().get("Microsoft.ContainerService");
        assertEquals("NotRegistered", p.registrationState());
        assertEquals(3, arm.calls.size(), "two 429s, then the answer");
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(7)), sleeps);
    }

    @Test
    void dryRunPlanReadsOnlyAndPrintsEveryStep() {
        AttachPlan plan = arm.client().planAttachKubernetes(attach());
        String text = plan.describe();
        assertTrue(text.contains("provider  Microsoft.ContainerService"), text);
        assertTrue(text.contains("ENABLE_MANAGED_IDENTITY"), text);
        assertTrue(text.contains("uses service principal clientid"), text);
        assertTrue(text.contains("extension azureml@aks1"), text);
        assertTrue(text.contains("6 step(s) will change something"), text);
        assertTrue(arm.writes().isEmpty());
        assertNull(arm.extension);
    }
}
