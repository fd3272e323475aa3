package io.dataops4j.azureml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComputesTest {
    private FakeArm arm;

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm().allInPlace();
    }

    @AfterEach
    void stop() throws Exception {
        arm.close();
    }

    @Test
    void listIsLazyAndFollowsNextLink() {
        for (String name : List.of("cpu-cluster", "gpu-cluster")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("location", "eastus");
            body.put("properties", new LinkedHashMap<>(Map.of("computeType", "AmlCompute")));
            arm.computes.put(name, body);
        }
        arm.computePageSize = 1;
        Computes computes = arm.client().computes(FakeArm.RG, FakeArm.WS);
        arm.calls.clear();
        assertEquals(List.of(FakeArm.COMPUTE), computes.list().stream().limit(1).map(Compute::name).toList());
        assertEquals(List.of("GET {ws}/computes"), arm.calls, "one page for one item");
        assertEquals(List.of(FakeArm.COMPUTE, "cpu-cluster", "gpu-cluster"), computes.list().stream().map(Compute::name).toList());
        assertEquals(List.of("GET {ws}/computes", "GET {ws}/computes", "GET {ws}/computes?$skip", "GET {ws}/computes?$skip"), arm.calls);
    }

    @Test
    void getReadsAKubernetesCompute() {
        Compute c = arm.client().computes(FakeArm.RG, FakeArm.WS).get(FakeArm.COMPUTE);
        assertEquals("Kubernetes", c.computeType());
        assertEquals("ml-jobs", c.namespace());
        assertEquals(FakeArm.AKS_ID, c.resourceId());
        assertEquals(Boolean.TRUE, c.attached());
        assertEquals("Succeeded", c.provisioningState());
        assertTrue(arm.client().computes(FakeArm.RG, FakeArm.WS).find("nope").isEmpty());
    }

    @Test
    void attachThenDetach() {
        arm.computes.clear();
        AzureMlClient aml = arm.client();
        Computes computes = aml.computes(FakeArm.RG, FakeArm.WS);
        KubernetesComputeSpec spec = KubernetesComputeSpec.builder("k8s-2", aml.managedClusters().id(FakeArm.RG, FakeArm.AKS))
                .namespace("team-a").systemAssignedIdentity(true).build();
        arm.calls.clear();
        Compute c = computes.attachKubernetes(spec).waitForCompletion(Duration.ofMinutes(10));
        assertEquals("Succeeded", c.provisioningState());
        assertEquals(List.of("GET {ws}", "PUT {ws}/computes/k8s-2", "GET /operations/compute", "GET /operations/compute",
                "GET {ws}/computes/k8s-2"), arm.calls, "location from the workspace, then the long-running PUT");
        assertEquals(Map.of("type", "SystemAssigned"), arm.computes.get("k8s-2").get("identity"));
        arm.calls.clear();
        computes.detach("k8s-2").waitForCompletion(Duration.ofMinutes(10));
        assertEquals(List.of("DELETE {ws}/computes/k8s-2", "GET /operations/detach", "GET /operations/detach"), arm.calls);
        assertTrue(computes.find("k8s-2").isEmpty());
    }
}
