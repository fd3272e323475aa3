package io.dataops4j.devops;

import io.dataops4j.core.Secret;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.error.UnauthenticatedException;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.core.json.Json;
import io.dataops4j.devops.logicapps.LogicAppTrigger;
import io.dataops4j.devops.pipelines.Build;
import io.dataops4j.devops.pipelines.BuildResult;
import io.dataops4j.devops.pipelines.BuildStatus;
import io.dataops4j.devops.pipelines.Pipeline;
import io.dataops4j.devops.pipelines.PipelineRun;
import io.dataops4j.devops.pipelines.QueueBuild;
import io.dataops4j.devops.pipelines.RunPipeline;
import io.dataops4j.devops.releases.Approval;
import io.dataops4j.devops.releases.ApprovalStatus;
import io.dataops4j.devops.releases.ListReleases;
import io.dataops4j.devops.releases.Artifact;
import io.dataops4j.devops.releases.CreateRelease;
import io.dataops4j.devops.releases.Release;
import io.dataops4j.devops.releases.ReleaseDefinition;
import io.dataops4j.devops.releases.ReleaseEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client against MockWebServer, replaying the exchanges recorded from the official Python client
 * ({@code fixtures/azure-devops-python-7.1.json}, made by {@code fixtures/record_devops.py}).
 */
class DevOpsClientTest {
    private static final String PAT = "fakepat-7q2v";
    private MockWebServer server;
    private DevOpsClient devops;
    private List<Map<String, Object>> exchanges;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        devops = DevOpsClient.builder(server.url("/myorg").toString()).pat(Secret.of(PAT))
                .releaseUrl(server.url("/vsrm/myorg").toString())
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)))
                .timing(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC), d -> { })
                .pollInterval(Duration.ofMillis(1)).build();
        try (InputStream in = getClass().getResourceAsStream("/fixtures/azure-devops-python-7.1.json")) {
            Map<String, Object> f = (Map<String, Object>) Json.shared().parseValue(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            exchanges = new ArrayList<>();
            for (Object e : (List<Object>) f.get("exchanges")) {
                Map<String, Object> m = (Map<String, Object>) e;
                // the Java client does not use resource-area discovery: the hosts and versions are fixed
                if (!"OPTIONS".equals(m.get("method")) && !String.valueOf(m.get("path")).contains("ResourceAreas")) {
                    exchanges.add(m);
                }
            }
        }
    }

    @AfterEach
    void stop() throws IOException {
        devops.close();
        server.close();
    }

    /** Serves the recorded answer of exchange {@code i}, runs the call, and checks the request against the recording. */
    @SuppressWarnings("unchecked")
    private <T> T replay(int i, Supplier<T> call) throws InterruptedException {
        Map<String, Object> ex = exchanges.get(i);
        MockResponse.Builder r = new MockResponse.Builder().code(((Number) ex.get("status")).intValue())
                .setHeader("Content-Type", "application/json; charset=utf-8").body(Json.shared().toJson(ex.get("response")));
        ((Map<String, Object>) ex.get("responseHeaders")).forEach((k, v) -> r.setHeader(k, String.valueOf(v)));
        server.enqueue(r.build());
        T result = call.get();
        RecordedRequest req = server.takeRequest();
        Map<String, Object> headers = (Map<String, Object>) ex.get("headers");
        assertEquals(ex.get("method"), req.getMethod(), "method of " + ex.get("path"));
        assertEquals(decode(ex.get("path").toString()), decode(req.getTarget()), "path and query");
        assertEquals(headers.get("Accept"), req.getHeaders().get("Accept"), "api-version as the official client sends it");
        assertEquals("Suppress", req.getHeaders().get("X-TFS-FedAuthRedirect"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString((":" + PAT).getBytes(StandardCharsets.UTF_8)),
                req.getHeaders().get("Authorization"), "PAT as the Basic password with an empty user");
        if (ex.get("body") != null) {
            assertEquals(ex.get("body"), Json.shared().parseValue(req.getBody().utf8()), "body of " + ex.get("path"));
        }
        return result;
    }

    private static String decode(String target) {
        return java.net.URLDecoder.decode(target, StandardCharsets.UTF_8);
    }

    @Test
    void releasesMatchTheOfficialClient() throws Exception {
        // first page of definitions carries a continuation token; the second page is fetched with it
        List<ReleaseDefinition> defs = new ArrayList<>();
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .setHeader("x-ms-continuationtoken", "6").body("{\"count\":1,\"value\":[{\"id\":5,\"name\":\"deploy-model\"}]}").build());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"count\":1,\"value\":[{\"id\":6,\"name\":\"deploy-other\"}]}").build());
        devops.releases().listDefinitions("proj", "deploy").forEach(defs::add);
        assertEquals(List.of(5L, 6L), defs.stream().map(ReleaseDefinition::id).toList());
        assertEquals("/vsrm/myorg/proj/_apis/release/definitions?searchText=deploy", server.takeRequest().getTarget());
        assertEquals(decode(exchanges.get(1).get("path").toString()).replace("/myorg/proj", "/myorg/proj"),
                decode(server.takeRequest().getTarget()).replace("searchText=deploy&", ""), "continuationToken as the official client sends it");

        ReleaseDefinition def = replay(2, () -> devops.releases().getDefinition("proj", 5));
        assertEquals("deploy-model", def.name());

        Release created = replay(3, () -> devops.releases().create("proj", CreateRelease.builder(5).description("model churn v3")
                .artifact(Artifact.of("_build", "1234", "20261128.1")).draft(false).manualEnvironment("prod")
                .variable("MODEL_NAME", "churn").variable("TOKEN", Variable.secret("s3cr3t")).build()));
        assertEquals(17, created.id());
        assertEquals("inProgress", created.environment("staging").status());

        Release got = replay(4, () -> devops.releases().get("proj", 17));
        assertEquals("deploy-model", got.releaseDefinition().name());

        ReleaseEnvironment started = replay(5, () -> devops.releases().startEnvironment("proj", 17, 42, "go"));
        assertEquals("queued", started.status());

        List<Approval> pending = replay(6, () -> devops.releases().listPendingApprovals("proj", 17L).toList());
        assertEquals(8, pending.get(0).id());
        assertEquals(ApprovalStatus.PENDING, pending.get(0).status());
        Approval approved = replay(7, () -> devops.releases().approve("proj", 8, "ok"));
        assertEquals(ApprovalStatus.APPROVED, approved.status());
    }

    @Test
    void pipelinesAndBuildsMatchTheOfficialClient() throws Exception {
        List<Pipeline> first = replay(8, () -> {
            List<Pipeline> l = new ArrayList<>();
            devops.pipelines().list("proj", 50).byPage().iterator().next().items().forEach(l::add);
            return l;
        });
        assertEquals("deploy", first.get(0).name());
        Pipeline p = replay(10, () -> devops.pipelines().get("proj", 7));
        assertEquals(7, p.id());
        PipelineRun run = replay(11, () -> devops.pipelines().start("proj", 7, RunPipeline.builder().branch("refs/heads/main")
                .templateParameter("modelName", "churn").variable("MODEL_VERSION", "3").stageToSkip("smoke").build()));
        assertEquals(123, run.id());
        assertFalse(run.isCompleted());
        PipelineRun again = replay(12, () -> devops.pipelines().getRun("proj", 7, 123));
        assertEquals("20261128.1", again.name());
        Build queued = replay(13, () -> devops.builds().queueBuild("proj", QueueBuild.of(7, "refs/heads/main", Map.of("MODEL_NAME", "churn"))));
        assertEquals(99, queued.id());
        assertEquals(BuildStatus.NOT_STARTED, queued.status());
        Build b = replay(14, () -> devops.builds().get("proj", 99));
        assertEquals("20261128.2", b.buildNumber());
        assertFalse(b.isCompleted());
        assertNull(b.result());
    }

    @Test
    void approvalRejectReleaseSearchAndCompletedBuildMatchTheOfficialClient() throws Exception {
        Approval rejected = replay(15, () -> devops.releases().reject("proj", 9, "not now"));
        assertEquals(ApprovalStatus.REJECTED, rejected.status());
        assertEquals("not now", rejected.comments());
        assertEquals(42, rejected.releaseEnvironment().id());

        List<Release> found = replay(16, () -> devops.releases().list("proj", ListReleases.builder().definitionId(5)
                .createdAfter(Instant.parse("2026-11-28T09:50:00Z")).pageSize(100).build()).toList());
        assertEquals(List.of(18L, 17L), found.stream().map(Release::id).toList(), "newest first, as the service answers");
        assertTrue(found.get(1).description().endsWith("[dataops4j-relay 0123456789abcdef]"));

        // a completed build with a result other than succeeded ends the poller with OperationFailedException
        OperationFailedException partial = replay(17, () -> assertThrows(OperationFailedException.class,
                () -> devops.builds().poll("proj", 100).waitForCompletion(Duration.ofMinutes(5))));
        Build last = (Build) partial.finalState();
        assertEquals(BuildStatus.COMPLETED, last.status());
        assertEquals(BuildResult.PARTIALLY_SUCCEEDED, last.result());
        assertTrue(partial.getMessage().contains("partially_succeeded"), partial.getMessage());
    }

    @Test
    void buildPollerFollowsStatusToResultAndReadsUnknownValues() {
        // queue (answered as recorded), then notStarted -> a status this SDK does not know -> inProgress -> completed/succeeded
        server.enqueue(json("{\"id\":99,\"buildNumber\":\"20261128.2\",\"status\":\"notStarted\",\"definition\":{\"id\":7}}"));
        server.enqueue(json("{\"id\":99,\"status\":\"notStarted\"}"));
        server.enqueue(json("{\"id\":99,\"status\":\"waitingForAgentPool\"}"));
        server.enqueue(json("{\"id\":99,\"status\":\"inProgress\"}"));
        server.enqueue(json("{\"id\":99,\"status\":\"completed\",\"result\":\"succeeded\",\"finishTime\":\"2026-11-28T10:09:00Z\"}"));
        List<BuildStatus> seen = new ArrayList<>();
        Build done = devops.builds().queue("proj", QueueBuild.of(7, null, null)).onProgress(b -> seen.add(b.status()))
                .waitForCompletion(Duration.ofMinutes(5));
        assertEquals(BuildResult.SUCCEEDED, done.result());
        assertEquals(List.of(BuildStatus.NOT_STARTED, BuildStatus.UNKNOWN, BuildStatus.IN_PROGRESS, BuildStatus.COMPLETED), seen);
        // canceled: the poller ends cancelled; a result this SDK does not know is a failure, not a success
        server.enqueue(json("{\"id\":101,\"status\":\"completed\",\"result\":\"canceled\"}"));
        OperationFailedException canceled = assertThrows(OperationFailedException.class,
                () -> devops.builds().poll("proj", 101).waitForCompletion(Duration.ofMinutes(5)));
        assertTrue(canceled.getMessage().contains("cancelled"), canceled.getMessage());
        server.enqueue(json("{\"id\":102,\"status\":\"completed\",\"result\":\"succeededWithIssues\"}"));
        OperationFailedException unknown = assertThrows(OperationFailedException.class,
                () -> devops.builds().poll("proj", 102).waitForCompletion(Duration.ofMinutes(5)));
        assertEquals(BuildResult.UNKNOWN, ((Build) unknown.finalState()).result());
    }

    @Test
    void pipelinePagingFollowsTheContinuationHeader() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").setHeader("x-ms-continuationtoken", "next-8")
                .body("{\"count\":1,\"value\":[{\"id\":7,\"name\":\"deploy\"}]}").build());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"count\":1,\"value\":[{\"id\":8,\"name\":\"train\"}]}").build());
        assertEquals(List.of("deploy", "train"), devops.pipelines().list("proj").stream().map(Pipeline::name).toList());
        server.takeRequest();
        assertEquals(decode(exchanges.get(9).get("path").toString()), decode(server.takeRequest().getTarget()));
    }

    @Test
    void pollersEndInTheFinalState() {
        // pipeline run: in progress, then completed/succeeded
        server.enqueue(json("{\"id\":123,\"state\":\"inProgress\"}"));
        server.enqueue(json("{\"id\":123,\"state\":\"completed\",\"result\":\"succeeded\"}"));
        PipelineRun done = devops.pipelines().poll("proj", 7, 123).waitForCompletion(Duration.ofMinutes(5));
        assertEquals("succeeded", done.result());
        // a failed run gives OperationFailedException with the final state
        server.enqueue(json("{\"id\":124,\"state\":\"completed\",\"result\":\"failed\"}"));
        OperationFailedException failed = assertThrows(OperationFailedException.class,
                () -> devops.pipelines().poll("proj", 7, 124).waitForCompletion(Duration.ofMinutes(5)));
        assertTrue(failed.getMessage().contains("failed"), failed.getMessage());
        // release: staging in progress, then staging succeeded with prod (manual) never started
        server.enqueue(json("{\"id\":17,\"environments\":[{\"id\":41,\"name\":\"staging\",\"status\":\"inProgress\"},{\"id\":42,\"name\":\"prod\",\"status\":\"notStarted\"}]}"));
        server.enqueue(json("{\"id\":17,\"environments\":[{\"id\":41,\"name\":\"staging\",\"status\":\"succeeded\"},{\"id\":42,\"name\":\"prod\",\"status\":\"notStarted\"}]}"));
        Release r = devops.releases().poll("proj", 17).waitForCompletion(Duration.ofMinutes(5));
        assertEquals("succeeded", r.environment("staging").status());
        // one environment: rejected is a failure
        server.enqueue(json("{\"id\":42,\"name\":\"prod\",\"status\":\"queued\"}"));
        server.enqueue(json("{\"id\":42,\"name\":\"prod\",\"status\":\"rejected\"}"));
        assertThrows(OperationFailedException.class,
                () -> devops.releases().pollEnvironment("proj", 17, 42).waitForCompletion(Duration.ofMinutes(5)));
    }

    @Test
    void devOpsErrorBodiesMapToTheCoreHierarchy() {
        server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json").body(
                "{\"$id\":\"1\",\"innerException\":null,\"message\":\"VS402881: No release found with id 999.\","
                        + "\"typeName\":\"Microsoft.VisualStudio.Services.ReleaseManagement.Data.Exceptions.ReleaseNotFoundException\","
                        + "\"typeKey\":\"ReleaseNotFoundException\",\"errorCode\":0,\"eventId\":3000}").build());
        ResourceNotFoundException nf = assertThrows(ResourceNotFoundException.class, () -> devops.releases().get("proj", 999));
        assertEquals("ReleaseNotFoundException", nf.errorCode());
        assertTrue(nf.getMessage().contains("VS402881"), nf.getMessage());
        // a 401 forces one credential refresh and a second attempt
        server.enqueue(new MockResponse.Builder().code(401).body("").build());
        server.enqueue(new MockResponse.Builder().code(401).body("").build());
        UnauthenticatedException ua = assertThrows(UnauthenticatedException.class, () -> devops.pipelines().get("proj", 7));
        assertFalse(ua.getMessage().contains(PAT), "the PAT never shows");
        assertFalse(devops.toString().contains(PAT));
    }

    @Test
    void releaseHostAndEnvironment() {
        assertEquals(URI.create("https://vsrm.dev.azure.com/contoso/"), DevOpsClient.releaseHost(URI.create("https://dev.azure.com/contoso/")));
        assertEquals(URI.create("https://contoso.vsrm.visualstudio.com/"), DevOpsClient.releaseHost(URI.create("https://contoso.visualstudio.com/")));
        assertEquals("pat", DevOpsClient.credentialFrom(Environment.of(Map.of("AZURE_DEVOPS_EXT_PAT", "p", "SYSTEM_ACCESSTOKEN", "t"))).kind());
        var job = DevOpsClient.credentialFrom(Environment.of(Map.of("SYSTEM_ACCESSTOKEN", "tok-123456")));
        assertEquals(Map.of("Authorization", "Bearer tok-123456"), job.headers(false));
        try (DevOpsClient c = DevOpsClient.fromEnvironment(Environment.of(Map.of("SYSTEM_COLLECTIONURI", "https://dev.azure.com/contoso/",
                "SYSTEM_ACCESSTOKEN", "tok-123456")), null)) {
            assertEquals("https://vsrm.dev.azure.com/contoso/", c.releaseUrl().toString());
        }
        assertThrows(ConfigurationException.class, () -> DevOpsClient.fromEnvironment(Environment.of(Map.of()), null));
        assertEquals("Variable[****]", Variable.secret("s3cr3t").toString());
    }

    @Test
    void logicAppInvokeNeverShowsTheSignature() throws Exception {
        String sig = "Zm9vYmFyc2lnbmF0dXJlMTIz";
        String url = server.url("/workflows/abc/triggers/manual/paths/invoke").toString()
                + "?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + sig;
        LogicAppTrigger trigger = LogicAppTrigger.of(Secret.of(url));
        server.enqueue(new MockResponse.Builder().code(202).build());
        assertEquals(202, trigger.invoke(Map.of("model", "churn")));
        RecordedRequest req = server.takeRequest();
        assertEquals("POST", req.getMethod());
        assertTrue(req.getTarget().endsWith("sig=" + sig), "the URL is sent as given");
        assertNull(req.getHeaders().get("Authorization"), "SAS and OAuth cannot be combined");
        assertEquals(Map.of("model", "churn"), Json.shared().parseValue(req.getBody().utf8()));
        assertFalse(trigger.toString().contains(sig));
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"code\":\"DirectApiInvalidAuthorizationSignature\",\"message\":\"bad\"}}").build());
        RuntimeException e = assertThrows(RuntimeException.class, () -> trigger.invoke(Map.of()));
        assertInstanceOf(UnauthenticatedException.class, e);
        assertFalse(e.getMessage().contains(sig), e.getMessage());
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
    }
}
