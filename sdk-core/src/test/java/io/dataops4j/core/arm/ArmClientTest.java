package io.dataops4j.core.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.error.PollTimeoutException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.poll.PollStatus;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.core.testsupport.CapturingLogs;
import io.dataops4j.core.testsupport.FakeClock;
import io.dataops4j.core.testsupport.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** ARM calls and long-running operations against a local server speaking ARM's conventions. */
class ArmClientTest {
    static final String API = "2025-10-01";
    static final String AKS = "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.ContainerService/managedClusters/aks1";

    private MockWebServer server;
    private FakeClock clock;
    private RecordingSleeper sleeper;
    private ArmClient arm;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        clock = new FakeClock();
        sleeper = new RecordingSleeper(clock);
        arm = ArmClient.builder().endpoint(server.url("/").toString())
                .credential(Credential.bearer(Secret.of("arm-lro-test-token")))
                .pollInterval(Duration.ofSeconds(5))
                .timing(clock, sleeper)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
        CapturingLogs.level(Level.INFO);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    @Test
    void getSendsApiVersionAuthAndArmRequestIdHeader() throws Exception {
        server.enqueue(json(200, "{\"id\":\"" + AKS + "\",\"properties\":{\"provisioningState\":\"Succeeded\"}}"));
        RawJson cluster = arm.get(AKS, API);
        assertEquals("Succeeded", ((Map<?, ?>) cluster.asMap().get("properties")).get("provisioningState"));
        RecordedRequest r = server.takeRequest();
        assertEquals(AKS + "?api-version=" + API, r.getTarget());
        assertEquals("Bearer arm-lro-test-token", r.getHeaders().get("Authorization"));
        assertNotNull(r.getHeaders().get("x-ms-client-request-id"));
        assertTrue(r.getHeaders().get("User-Agent").endsWith(" sdk-core"));
    }

    @Test
    void armErrorBodyBecomesTheException() {
        server.enqueue(json(404, "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource 'aks1' was not found.\"}}"));
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> arm.get(AKS, API));
        assertEquals("ResourceNotFound", e.errorCode());
        assertTrue(e.getMessage().startsWith("ARM 404 ResourceNotFound: The Resource 'aks1' was not found. [GET "), e.getMessage());
    }

    @Test
    void throttlingIsRetriedAndItsHeadersLogged() {
        CapturingLogs.level(Level.DEBUG);
        CapturingLogs.clear();
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "17")
                .addHeader("x-ms-ratelimit-remaining-subscription-reads", "0")
                .body("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"throttled\"}}").build());
        server.enqueue(json(200, "{\"name\":\"aks1\"}").newBuilder().addHeader("x-ms-ratelimit-remaining-subscription-reads", "11999").build());
        assertEquals("{\"name\":\"aks1\"}", arm.get(AKS, API).json());
        assertEquals(List.of(17_000L), sleeper.waitsMillis());
        assertTrue(CapturingLogs.lines().stream().anyMatch(l -> l.contains("x-ms-ratelimit-remaining-subscription-reads: 11999")),
                CapturingLogs.lines().toString());
    }

    @Test
    void putWithAzureAsyncOperationThenFinalGet() throws Exception {
        String op = url("/subscriptions/sub-1/providers/Microsoft.ContainerService/locations/westeurope/operations/op-1?api-version=" + API);
        server.enqueue(json(201, "{\"id\":\"" + AKS + "\",\"properties\":{\"provisioningState\":\"Updating\"}}").newBuilder()
                .addHeader("Azure-AsyncOperation", op).addHeader("Retry-After", "10").build());
        server.enqueue(json(200, "{\"name\":\"op-1\",\"status\":\"InProgress\"}").newBuilder().addHeader("Retry-After", "3").build());
        server.enqueue(json(200, "{\"name\":\"op-1\",\"status\":\"Succeeded\",\"startTime\":\"2026-01-15T10:00:00Z\"}"));
        server.enqueue(json(200, "{\"id\":\"" + AKS + "\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"provisioningState\":\"Succeeded\"}}"));

        Poller<RawJson> poller = arm.beginPut(AKS, API, Map.of("identity", Map.of("type", "SystemAssigned")), "\"etag-1\"");
        List<String> progress = new ArrayList<>();
        poller.onProgress(state -> progress.add(state.asMap().containsKey("status") ? "status " + state.asMap().get("status")
                : "resource " + state.asMap().get("id")));
        assertEquals(PollStatus.IN_PROGRESS, poller.latestResponse().status());
        RawJson result = poller.waitForCompletion(Duration.ofMinutes(30));

        assertEquals("SystemAssigned", ((Map<?, ?>) result.asMap().get("identity")).get("type"));
        assertEquals(List.of(10_000L, 3_000L), sleeper.waitsMillis(), "Retry-After of the PUT, then of the poll");
        assertEquals(List.of("status InProgress", "resource " + AKS), progress, "listeners see the operation, then the resource");
        RecordedRequest put = server.takeRequest();
        assertEquals("PUT", put.getMethod());
        assertEquals(AKS + "?api-version=" + API, put.getTarget());
        assertEquals("\"etag-1\"", put.getHeaders().get("If-Match"));
        assertEquals("{\"identity\":{\"type\":\"SystemAssigned\"}}", put.getBody().utf8());
        assertEquals(op, server.takeRequest().getUrl().toString());
        assertEquals(op, server.takeRequest().getUrl().toString());
        RecordedRequest last = server.takeRequest();
        assertEquals("GET " + AKS + "?api-version=" + API, last.getMethod() + " " + last.getTarget(), "the final GET of the resource");
    }

    @Test
    void locationPolling202Then200() throws Exception {
        String location = url("/subscriptions/sub-1/providers/Microsoft.Resources/locations/x/operationResults/r-1?api-version=" + API);
        server.enqueue(new MockResponse.Builder().code(202).addHeader("Location", location).addHeader("Retry-After", "2").build());
        server.enqueue(new MockResponse.Builder().code(202).addHeader("Location", location).build());
        server.enqueue(json(200, "{\"result\":\"deleted\"}"));
        Poller<RawJson> poller = arm.beginDelete(AKS, API, Map.of("forceDelete", "true"));
        RawJson result = poller.waitForCompletion(Duration.ofMinutes(30));
        assertEquals("{\"result\":\"deleted\"}", result.json());
        assertEquals(List.of(2_000L, 7_500L), sleeper.waitsMillis(), "Retry-After first, then the (growing) poll interval");
        assertEquals(AKS + "?api-version=" + API + "&forceDelete=true", server.takeRequest().getTarget());
        assertEquals(location, server.takeRequest().getUrl().toString());
        assertEquals(location, server.takeRequest().getUrl().toString());
    }

    @Test
    void location204EndsWithoutAValue() {
        String location = url("/operationResults/r-2");
        server.enqueue(new MockResponse.Builder().code(202).addHeader("Location", location).build());
        server.enqueue(new MockResponse.Builder().code(204).build());
        assertNull(arm.beginDelete(AKS, API, null).waitForCompletion(Duration.ofMinutes(1)));
    }

    @Test
    void provisioningStatePollingKeepsGoingThroughUnknownStates() throws Exception {
        server.enqueue(json(200, "{\"name\":\"c1\",\"properties\":{\"provisioningState\":\"Accepted\"}}"));
        server.enqueue(json(200, "{\"name\":\"c1\",\"properties\":{\"provisioningState\":\"Creating\"}}"));
        server.enqueue(json(200, "{\"name\":\"c1\",\"properties\":{\"provisioningState\":\"Provisioning\"}}"));
        server.enqueue(json(200, "{\"name\":\"c1\",\"properties\":{\"provisioningState\":\"succeeded\"}}"));
        String compute = "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.MachineLearningServices/workspaces/ws/computes/c1";
        Poller<RawJson> poller = arm.beginPut(compute, "2025-12-01", Map.of("properties", Map.of("computeType", "Kubernetes")));
        RawJson done = poller.waitForCompletion(Duration.ofMinutes(30));
        assertTrue(done.json().contains("succeeded"));
        assertEquals(4, server.getRequestCount());
        server.takeRequest();
        for (int i = 0; i < 3; i++) {
            RecordedRequest r = server.takeRequest();
            assertEquals("GET " + compute + "?api-version=2025-12-01", r.getMethod() + " " + r.getTarget());
        }
    }

    @Test
    void aResourceWithoutProvisioningStateIsDoneAtOnce() {
        server.enqueue(json(200, "{\"name\":\"tags-only\"}"));
        Poller<RawJson> poller = arm.beginPatch(AKS, API, Map.of("tags", Map.of("a", "b")));
        assertEquals(PollStatus.SUCCEEDED, poller.latestResponse().status());
        assertEquals("{\"name\":\"tags-only\"}", poller.waitForCompletion(Duration.ZERO).json());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void failedOperationCarriesTheErrorCodeAndMessage() {
        String op = url("/operations/op-2");
        server.enqueue(json(201, "{}").newBuilder().addHeader("Azure-AsyncOperation", op).build());
        server.enqueue(json(200, "{\"status\":\"Failed\",\"error\":{\"code\":\"ExtensionOperationFailed\","
                + "\"message\":\"Helm installation failed: pod healthcheck failed\"}}"));
        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> arm.beginPut(AKS + "/providers/Microsoft.KubernetesConfiguration/extensions/azureml", "2025-03-01", Map.of())
                        .waitForCompletion(Duration.ofMinutes(30)));
        assertTrue(e.getMessage().contains("ExtensionOperationFailed"), e.getMessage());
        assertTrue(e.getMessage().contains("Helm installation failed: pod healthcheck failed"), e.getMessage());
        assertTrue(e.getMessage().startsWith("PUT " + url(AKS + "/providers/Microsoft.KubernetesConfiguration/extensions/azureml") + " failed"),
                e.getMessage());
        assertEquals("Failed", ((RawJson) e.finalState()).asMap().get("status"));
    }

    @Test
    void failedProvisioningStateOnTheFirstAnswer() {
        server.enqueue(json(200, "{\"properties\":{\"provisioningState\":\"Failed\",\"error\":{\"code\":\"QuotaExceeded\",\"message\":\"no cores\"}}}"));
        OperationFailedException e = assertThrows(OperationFailedException.class,
                () -> arm.beginPut(AKS, API, Map.of()).waitForCompletion(Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("QuotaExceeded no cores"), e.getMessage());
    }

    @Test
    void canceledOperation() {
        String op = url("/operations/op-3");
        server.enqueue(json(201, "{}").newBuilder().addHeader("Azure-AsyncOperation", op).build());
        server.enqueue(json(200, "{\"status\":\"Canceled\",\"error\":{\"code\":\"OperationCanceled\",\"message\":\"by user\"}}"));
        Poller<RawJson> poller = arm.beginPut(AKS, API, Map.of());
        OperationFailedException e = assertThrows(OperationFailedException.class, () -> poller.waitForCompletion(Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("was cancelled"), e.getMessage());
        assertEquals(PollStatus.CANCELLED, poller.latestResponse().status());
    }

    @Test
    void timeoutWithTheFakeClockCarriesTheLastOperationStatus() {
        String op = url("/operations/op-4");
        server.enqueue(json(201, "{}").newBuilder().addHeader("Azure-AsyncOperation", op).build());
        for (int i = 0; i < 20; i++) {
            server.enqueue(json(200, "{\"status\":\"InProgress\",\"percentComplete\":" + i + "}"));
        }
        Poller<RawJson> poller = arm.beginPut(AKS, API, Map.of());
        PollTimeoutException e = assertThrows(PollTimeoutException.class, () -> poller.waitForCompletion(Duration.ofMinutes(1)));
        assertEquals("InProgress", ((RawJson) e.lastState()).asMap().get("status"));
        assertEquals(60_000L, sleeper.waitsMillis().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void resumeFromThePollerId() throws Exception {
        String op = url("/operations/op-5?api-version=" + API);
        server.enqueue(json(201, "{}").newBuilder().addHeader("Azure-AsyncOperation", op).build());
        Poller<RawJson> first = arm.beginPut(AKS, API, Map.of("tags", Map.of()));
        String id = first.id();
        server.takeRequest();

        // later, perhaps in another process: the same operation from its id
        server.enqueue(json(200, "{\"status\":\"Succeeded\"}"));
        server.enqueue(json(200, "{\"name\":\"aks1\",\"properties\":{\"provisioningState\":\"Succeeded\"}}"));
        Poller<RawJson> again = arm.resume(id);
        assertEquals(id, again.id());
        assertEquals("aks1", again.waitForCompletion(Duration.ofMinutes(5)).asMap().get("name"));
        assertEquals(op, server.takeRequest().getUrl().toString());
        assertEquals(AKS + "?api-version=" + API, server.takeRequest().getTarget());
        assertThrows(IllegalArgumentException.class, () -> arm.resume("garbage"));
    }

    @Test
    void postActionIsNotRetriedButGetIs() {
        server.enqueue(json(503, "{}"));
        assertThrows(ServiceException.class, () -> arm.post("/subscriptions/sub-1/providers/Microsoft.ContainerService/register",
                "2025-04-01", null));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void builderNeedsACredentialAndToStringHidesSecrets() {
        assertThrows(ConfigurationException.class, () -> ArmClient.builder().build());
        assertEquals(ArmClient.PUBLIC_CLOUD, ArmClient.builder().credential(Credential.none()).build().http().baseUrl().toString());
        assertFalse(arm.toString().contains("arm-lro-test-token"));
        assertTrue(arm.toString().startsWith("ArmClient[http://"), arm.toString());
    }
}
