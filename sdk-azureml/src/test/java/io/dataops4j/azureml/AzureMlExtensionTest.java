package io.dataops4j.azureml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.arm.ResourceId;
import io.dataops4j.core.json.RawJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureMlExtensionTest {
    private static ManagedCluster cluster(int nodes) {
        String json = "{\"id\":\"" + FakeArm.AKS_ID + "\",\"location\":\"EastUS\",\"properties\":{\"agentPoolProfiles\":"
                + "[{\"name\":\"p\",\"count\":" + nodes + "}]}}";
        return ManagedCluster.from(new RawJson(json));
    }

    @Test
    void seedsOldHaKeyIsMappedToItsCurrentName() {
        AzureMlExtension ext = AzureMlExtension.builder().enableTraining(true).enableInference(true)
                .settings(Map.of("inferenceRouterServiceType", "LoadBalancer", "allowInsecureConnections", "True",
                        "inferenceLoadBalancerHA", "False"))
                .build();
        assertEquals("False", ext.settings().get("inferenceRouterHA"));
        assertFalse(ext.settings().containsKey("inferenceLoadBalancerHA"));
        assertEquals(AzureMlExtension.seed().settings(), ext.settings());
    }

    @Test
    void aksSettingsAreThoseTheCliAdds() {
        ExtensionSpec spec = AzureMlExtension.seed().spec(cluster(2));
        Map<String, String> s = spec.configurationSettings();
        assertEquals("DevTest", s.get("clusterPurpose"));
        assertEquals(FakeArm.AKS_ID, s.get("cluster_name"));
        assertEquals(FakeArm.AKS_ID, s.get("clusterId"));
        assertEquals(FakeArm.AKS_ID, s.get("prometheus.prometheusSpec.externalLabels.cluster_name"));
        assertEquals("eastus.cloudapp.azure.com", s.get("domain"));
        assertEquals("eastus", s.get("location"));
        assertEquals("eastus", s.get("jobSchedulerLocation"));
        assertEquals("aks1", s.get("cluster_name_friendly"));
        assertEquals("false", s.get("servicebus.enabled"));
        assertEquals("false", s.get("relayserver.enabled"));
        assertEquals("true", s.get("nginxIngress.enabled"));
        assertEquals("azureml", spec.releaseNamespace());
        assertEquals("stable", spec.releaseTrain());
        assertEquals("microsoft.azureml.kubernetes", spec.extensionType());

        Map<String, String> big = AzureMlExtension.builder().enableTraining(true).build().spec(cluster(3)).configurationSettings();
        assertFalse(big.containsKey("clusterPurpose"), "3 nodes is not a small cluster");
        assertFalse(big.containsKey("inferenceRouterHA"));
        assertEquals("False", big.get("enableInference"));
    }

    @Test
    void checksAsTheCliDoes() {
        assertThrows(IllegalArgumentException.class, () -> AzureMlExtension.builder().enableTraining(false).enableInference(false).build());
        IllegalArgumentException noType = assertThrows(IllegalArgumentException.class,
                () -> AzureMlExtension.builder().enableInference(true).allowInsecureConnections(true).build());
        assertTrue(noType.getMessage().contains("inferenceRouterServiceType"), noType.getMessage());
        IllegalArgumentException insecure = assertThrows(IllegalArgumentException.class,
                () -> AzureMlExtension.builder().enableInference(true).inferenceRouterServiceType("ClusterIP").build());
        assertTrue(insecure.getMessage().contains("allowInsecureConnections"), insecure.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AzureMlExtension.builder().enableInference(true)
                .inferenceRouterServiceType("LoadBalancer").setting("sslSecret", "tls").build());
        AzureMlExtension ssl = AzureMlExtension.builder().enableInference(true).inferenceRouterServiceType("LoadBalancer")
                .setting("sslSecret", "tls").setting("sslCname", "ml.example.com").build();
        assertEquals("tls", ssl.settings().get("scoringFe.sslSecret"));
        AzureMlExtension nodePort = AzureMlExtension.builder().enableInference(true).inferenceRouterServiceType("NodePort")
                .allowInsecureConnections(true).build();
        assertEquals("True", nodePort.settings().get("scoringFe.serviceType.nodePort"));
        assertThrows(IllegalArgumentException.class, () -> AzureMlExtension.builder().enableInference(true)
                .inferenceRouterServiceType("NodePort").allowInsecureConnections(true).setting("internalLoadBalancerProvider", "azure").build());
    }

    @Test
    void differencesIgnoreCaseOfFlagsAndExtraSettings() {
        ExtensionSpec spec = AzureMlExtension.seed().spec(cluster(2));
        Map<String, Object> props = new java.util.LinkedHashMap<>();
        Map<String, String> settings = new java.util.LinkedHashMap<>(spec.configurationSettings());
        settings.put("enableTraining", "true");
        settings.put("added.by.service", "x");
        props.put("extensionType", "Microsoft.AzureML.Kubernetes");
        props.put("releaseTrain", "Stable");
        props.put("scope", Map.of("cluster", Map.of("releaseNamespace", "azureml")));
        props.put("configurationSettings", settings);
        props.put("provisioningState", "Succeeded");
        ClusterExtension installed = ClusterExtension.from(RawJson.from(Map.of("id", "x", "name", "azureml", "properties", props)));
        assertEquals(List.of(), spec.differences(installed));
        settings.put("allowInsecureConnections", "False");
        ClusterExtension changed = ClusterExtension.from(RawJson.from(Map.of("id", "x", "name", "azureml", "properties", props)));
        assertEquals(List.of("allowInsecureConnections is 'False', wanted 'True'"), spec.differences(changed));
    }

    @Test
    void clusterIdParsesBackToTheSamePath() {
        assertEquals(FakeArm.AKS_ID, ResourceId.parse(FakeArm.AKS_ID).path());
    }
}
