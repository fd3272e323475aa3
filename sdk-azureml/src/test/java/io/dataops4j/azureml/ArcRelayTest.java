package io.dataops4j.azureml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.azureml.PlanStep.Action;
import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.core.json.Json;
import io.dataops4j.core.progress.ProgressListener;
import io.dataops4j.testkit.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Azure Relay of an Arc cluster's extension, created as the az CLI's k8s-extension does. */
class ArcRelayTest {
    private FakeArm arm;

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
    }

    @AfterEach
    void stop() throws Exception {
        arm.close();
    }

    private static KubernetesAttach.Builder arc() {
        return KubernetesAttach.builder().workspace(FakeArm.RG, FakeArm.WS).arcCluster(FakeArm.RG, FakeArm.ARC)
                .computeName(FakeArm.COMPUTE).namespace("ml-jobs").timeout(Duration.ofMinutes(30));
    }

    private static List<Action> actions(AttachPlan plan, String kind) {
        return plan.steps().stream().filter(s -> s.kind().equals(kind)).map(PlanStep::action).toList();
    }

    @Test
    void namespaceNameFollowsTheCli() {
        assertEquals("arc1sub1rg1relay", ArcRelay.namespaceName("arc1", "sub1", "rg1"));
        // longer than 50 letters and digits: 44 of them and the first 6 hex digits of the MD5 of the whole input
        String sub = "00000000-0000-0000-0000-000000000000";
        String name = ArcRelay.namespaceName("my-arc-cluster", sub, "rg-ml");
        assertEquals(50, name.length());
        assertEquals("myarccluster00000000000000000000000000000000", name.substring(0, 44));
        String md5 = md5Hex("my-arc-cluster-" + sub + "-rg-ml-relay");
        assertEquals(md5.substring(0, 6), name.substring(44));
    }

    private static String md5Hex(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void arcAttachCreatesTheRelayPassesItsConnectionStringAndASecondRunSendsNoPut() {
        AzureMlClient aml = arm.client();
        KubernetesAttach attach = arc().build();
        assertTrue(attach.createsRelay());
        assertTrue(attach.providers().contains("Microsoft.Relay"), attach.providers().toString());
        AttachPlan plan;
        AttachReport report;
        String logs;
        try (LogCapture log = LogCapture.start().trace("io.dataops4j")) {
            plan = aml.planAttachKubernetes(attach);
            assertEquals(List.of(Action.CREATE, Action.CREATE, Action.CREATE), actions(plan, "relay"), plan.describe());
            assertEquals(List.of(Action.CREATE), actions(plan, "extension"), plan.describe());
            report = plan.apply(ProgressListener.NONE);
            logs = log.text();
        }
        assertEquals(List.of("POST /subscriptions/sub1/providers/Microsoft.Kubernetes/register",
                "POST /subscriptions/sub1/providers/Microsoft.KubernetesConfiguration/register",
                "POST /subscriptions/sub1/providers/Microsoft.MachineLearningServices/register",
                "POST /subscriptions/sub1/providers/Microsoft.Relay/register",
                "PUT {relay}", "PUT {relay}/hybridConnections/arc1", "PUT {relay}/hybridConnections/arc1/authorizationRules/azureml_rw",
                "POST {relay}/hybridConnections/arc1/authorizationRules/azureml_rw/listKeys",
                "PUT {arc}/providers/Microsoft.KubernetesConfiguration/extensions/azureml", "PUT {ws}/computes/k8s-compute"), arm.writes());
        // the namespace's LRO was followed to its end
        assertTrue(arm.calls.contains("GET /operations/relay-namespace"), arm.calls.toString());
        // the bodies azure-mgmt-relay sends (wire/relay-recording.jsonl), with the CLI's values
        assertEquals(Map.of("location", "westeurope", "tags", Map.of("created_by", "Azure Arc-enabled ML")),
                Json.shared().parseValue(arm.relayPuts.get("namespace")));
        assertEquals(Map.of("properties", Map.of("requiresClientAuthorization", true)), Json.shared().parseValue(arm.relayPuts.get("hybridConnection")));
        assertEquals(Map.of("properties", Map.of("rights", List.of("Manage", "Send", "Listen"))),
                Json.shared().parseValue(arm.relayPuts.get("authorizationRule")));

        Map<String, Object> props = JsonMaps.object(JsonMaps.cast(Json.shared().parseValue(arm.extensionPuts.get(0))), "properties");
        Map<String, Object> secrets = JsonMaps.cast(props.get("configurationProtectedSettings"));
        assertEquals(FakeArm.RELAY_CONNECTION, secrets.get("relayServerConnectionString"));
        assertEquals(FakeArm.RELAY_CONNECTION, secrets.get("relayserver.relayConnectionString"));
        Map<String, Object> settings = JsonMaps.cast(props.get("configurationSettings"));
        assertEquals(FakeArm.RELAY_HC_ID, settings.get("relayserver.hybridConnectionResourceID"));
        assertEquals("arc1", settings.get("relayserver.hybridConnectionName"));
        assertEquals("true", settings.get("relayserver.enabled"));

        // the connection string and keys: nowhere but on the wire
        List<String> texts = new ArrayList<>(List.of(plan.describe(), plan.toString(), report.describe(), plan.extensionSpec().toString(),
                attach.toString(), logs));
        for (String text : texts) {
            assertFalse(text.contains(FakeArm.RELAY_KEY), text);
            assertFalse(text.contains("relay-secondary-key-for-tests"), text);
        }
        assertTrue(logs.contains("listKeys"), "the listKeys call was logged (TRACE/DEBUG)");

        // again: everything in place; the relay is read (and its keys listed), nothing is PUT
        arm.calls.clear();
        AttachPlan again = aml.planAttachKubernetes(attach);
        assertTrue(again.steps().stream().allMatch(s -> s.action() == Action.NONE), again.describe());
        assertFalse(again.describe().contains(FakeArm.RELAY_KEY));
        assertFalse(again.apply(ProgressListener.NONE).changed());
        assertEquals(List.of("POST {relay}/hybridConnections/arc1/authorizationRules/azureml_rw/listKeys"), arm.writes());
        assertTrue(arm.calls.stream().noneMatch(c -> c.startsWith("PUT ")), arm.calls.toString());
    }

    @Test
    void aPartlyCreatedRelayIsCompletedAndItsResourceGroupCanBeChosen() {
        arm.allInPlace();
        arm.providers.put("Microsoft.Kubernetes", "Registered");
        arm.providers.put("Microsoft.Relay", "Registered");
        arm.relayInPlace();
        arm.relayRule = null;
        AttachPlan plan = arm.client().planAttachKubernetes(arc().onDifference(KubernetesAttach.OnDifference.UPDATE).build());
        assertEquals(List.of(Action.NONE, Action.NONE, Action.CREATE), actions(plan, "relay"), plan.describe());
        plan.apply(ProgressListener.NONE);
        assertEquals(List.of("PUT {relay}/hybridConnections/arc1/authorizationRules/azureml_rw",
                "POST {relay}/hybridConnections/arc1/authorizationRules/azureml_rw/listKeys",
                "PUT {arc}/providers/Microsoft.KubernetesConfiguration/extensions/azureml", "PUT {ws}/computes/k8s-compute"), arm.writes());

        // another resource group: looked up there (nothing there in the fake: all to create)
        KubernetesAttach other = arc().relayResourceGroup("rg-relay").build();
        assertEquals("rg-relay", other.relayResourceGroup());
        assertTrue(arm.client().planAttachKubernetes(other).steps().stream().filter(s -> s.kind().equals("relay"))
                .allMatch(s -> s.action() == Action.CREATE));
        // named as the CLI names it, from "<cluster>-<subscription>-<relay resource group>-relay", letters and digits only
        assertTrue(arm.calls.stream().anyMatch(c -> c.contains("/resourceGroups/rg-relay/providers/Microsoft.Relay/namespaces/arc1sub1rgrelayrelay")),
                arm.calls.toString());
    }

    @Test
    void aGivenRelayOrTheRelayOffCreatesNone() {
        KubernetesAttach off = arc().extension(AzureMlExtension.builder().enableTraining(true).setting("relayserver.enabled", "false").build()).build();
        assertFalse(off.createsRelay());
        assertFalse(off.providers().contains("Microsoft.Relay"));
        AttachPlan plan = arm.client().planAttachKubernetes(off);
        assertTrue(plan.steps().stream().noneMatch(s -> s.kind().equals("relay")), plan.describe());
        assertTrue(arm.calls.stream().noneMatch(c -> c.contains("Microsoft.Relay")), arm.calls.toString());
    }
}
