package io.dataops4j.azureml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.azureml.internal.JsonMaps;
import io.dataops4j.azureml.internal.ReadOnlyProperties;
import io.dataops4j.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests this module sends are those the official Python clients sent for the same intents
 * (src/test/resources/wire/python-client-recording.jsonl, made by record.py): same method, path, query, If-Match and
 * JSON body. The ML api-version differs on purpose: azure-ai-ml pins 2023-08-01-preview, this module uses the newest
 * stable 2025-12-01 (the body shape is the same in both).
 */
class RecordedWireTest {
    private static List<Map<String, Object>> recording;
    private FakeArm arm;

    @BeforeAll
    static void load() throws IOException {
        recording = new ArrayList<>();
        try (InputStream in = RecordedWireTest.class.getResourceAsStream("/wire/python-client-recording.jsonl")) {
            assertNotNull(in, "recording on the class path");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    recording.add(JsonMaps.cast(Json.shared().parseValue(line)));
                }
            }
        }
    }

    @BeforeEach
    void start() throws Exception {
        arm = new FakeArm();
    }

    @AfterEach
    void stop() throws Exception {
        arm.close();
    }

    private static Map<String, Object> recorded(String op, String method) {
        return recording.stream().filter(r -> op.equals(r.get("op")) && method.equals(r.get("method"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " of " + op + " in the recording"));
    }

    private RecordedRequest sent(String method, String pathEnd) {
        return arm.requests.stream().filter(r -> r.getMethod().equals(method) && r.getUrl().encodedPath().endsWith(pathEnd))
                .findFirst().orElseThrow(() -> new AssertionError("no " + method + " " + pathEnd + " in " + arm.calls));
    }

    private static Object withoutNulls(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> {
                if (x != null) {
                    out.put(k.toString(), withoutNulls(x));
                }
            });
            return out;
        }
        return v;
    }

    private static Object body(RecordedRequest r) {
        return Json.shared().parseValue(r.getBody().utf8());
    }

    @Test
    void everyCallMatchesTheOfficialClients() {
        AzureMlClient aml = arm.client();
        aml.attachKubernetes(KubernetesAttach.builder().workspace(FakeArm.RG, FakeArm.WS).aksCluster(FakeArm.RG, FakeArm.AKS)
                .computeName(FakeArm.COMPUTE).namespace("ml-jobs").computeDescription("AKS for training")
                .instanceType("defaultinstancetype", InstanceType.of(Map.of("cpu", "1", "memory", "4Gi"), Map.of("cpu", "1", "memory", "4Gi")))
                .defaultInstanceType("defaultinstancetype").build(), (d, t, m) -> { });

        // provider register: POST without a body, same api-version
        Map<String, Object> reg = recorded("providers.register", "POST");
        RecordedRequest register = sent("POST", "/providers/Microsoft.ContainerService/register");
        assertEquals(reg.get("path"), register.getUrl().encodedPath());
        assertEquals(JsonMaps.string(reg, "query", "api-version"), register.getUrl().queryParameter("api-version"));
        assertEquals(0, register.getBody() == null ? 0 : register.getBody().size());

        // managed cluster PUT: the same body (read-only properties left out), If-Match quoted
        Map<String, Object> mc = recorded("managed_clusters.begin_create_or_update", "PUT");
        RecordedRequest put = sent("PUT", "/managedClusters/aks1");
        assertEquals(mc.get("path"), put.getUrl().encodedPath());
        assertEquals(JsonMaps.string(mc, "query", "api-version"), put.getUrl().queryParameter("api-version"));
        assertEquals(JsonMaps.string(mc, "headers", "if-match"), put.getHeaders().get("If-Match"));
        assertEquals(mc.get("body"), body(put));

        // extension PUT: the same body as the CLI's settings produce
        Map<String, Object> ext = recorded("extensions.begin_create", "PUT");
        RecordedRequest extPut = sent("PUT", "/extensions/azureml");
        assertEquals(ext.get("path"), extPut.getUrl().encodedPath());
        assertEquals(JsonMaps.string(ext, "query", "api-version"), extPut.getUrl().queryParameter("api-version"));
        assertEquals(ext.get("body"), body(extPut));

        // compute PUT: the same body as azure-ai-ml's KubernetesCompute (which also writes "nodeSelector": null; the
        // core's JSON codec leaves null members out, which means the same to the service)
        Map<String, Object> compute = recorded("compute.begin_attach", "PUT");
        RecordedRequest computePut = sent("PUT", "/computes/k8s-compute");
        assertEquals(compute.get("path"), computePut.getUrl().encodedPath());
        assertEquals(withoutNulls(compute.get("body")), body(computePut));
        assertEquals("2025-12-01", computePut.getUrl().queryParameter("api-version"));

        // detach: DELETE with underlyingResourceAction=Detach, then the operation
        aml.computes(FakeArm.RG, FakeArm.WS).detach(FakeArm.COMPUTE).waitForCompletion(Duration.ofMinutes(5));
        Map<String, Object> del = recorded("compute.begin_delete.detach", "DELETE");
        RecordedRequest delete = sent("DELETE", "/computes/k8s-compute");
        assertEquals(del.get("path"), delete.getUrl().encodedPath());
        assertEquals("Detach", JsonMaps.string(del, "query", "underlyingResourceAction"));
        assertEquals("Detach", delete.getUrl().queryParameter("underlyingResourceAction"));
        assertTrue(arm.computes.isEmpty());
    }

    @Test
    void theOfficialClientsAskForArmsScopeAndReadTheTrackingUri() {
        assertTrue(recording.stream().filter(r -> "token.scopes".equals(r.get("op")))
                .allMatch(r -> List.of("https://management.azure.com/.default").equals(r.get("scopes"))));
        Map<String, Object> ws = recording.stream().filter(r -> "workspaces.result".equals(r.get("op"))).findFirst().orElseThrow();
        assertEquals(FakeArm.TRACKING_URI, ws.get("mlflow_tracking_uri"));
    }

    @Test
    void readOnlyListCoversWhatThePythonClientLeftOut() {
        List<String> paths = ReadOnlyProperties.managedCluster().paths();
        assertTrue(paths.containsAll(List.of("id", "name", "type", "eTag", "properties.provisioningState", "properties.fqdn",
                "properties.agentPoolProfiles[].eTag", "identity.principalId")), paths.toString());
        Map<String, Object> sample = JsonMaps.cast(Json.shared().parseValue(
                "{\"eTag\":\"x\",\"identity\":{\"type\":\"SystemAssigned\",\"principalId\":\"p\"},"
                        + "\"properties\":{\"addonProfiles\":{\"a\":{\"enabled\":true,\"identity\":{\"clientId\":\"c\"}}}}}"));
        ReadOnlyProperties.managedCluster().strip(sample);
        assertNull(sample.get("eTag"));
        assertEquals(Map.of("type", "SystemAssigned"), sample.get("identity"));
        assertEquals(Map.of("a", Map.of("enabled", true)), JsonMaps.object(sample, "properties", "addonProfiles"));
    }
}
