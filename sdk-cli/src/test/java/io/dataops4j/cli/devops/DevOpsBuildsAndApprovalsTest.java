package io.dataops4j.cli.devops;

import io.dataops4j.cli.CliHarness;
import io.dataops4j.core.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code devops builds queue|get} and {@code devops releases approve|reject} against MockWebServer. */
class DevOpsBuildsAndApprovalsTest {
    private static final String PAT = "cli-pat-builds-71";
    @TempDir
    Path home;
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
    }

    private CliHarness.Result devops(String... args) {
        String[] all = new String[args.length + 7];
        all[0] = "devops";
        System.arraycopy(args, 0, all, 1, args.length);
        int i = args.length + 1;
        all[i++] = "--org";
        all[i++] = server.url("/myorg").toString();
        all[i++] = "--release-url";
        all[i++] = server.url("/vsrm/myorg").toString();
        all[i++] = "--project";
        all[i] = "proj";
        return CliHarness.in(home).env("AZURE_DEVOPS_EXT_PAT", PAT).run(all);
    }

    @Test
    void buildsQueueAndWaitEndsWithTheResult() throws Exception {
        server.enqueue(json("{\"id\":99,\"buildNumber\":\"20261128.2\",\"status\":\"notStarted\",\"definition\":{\"id\":7}}"));
        server.enqueue(json("{\"id\":99,\"buildNumber\":\"20261128.2\",\"status\":\"inProgress\"}"));
        server.enqueue(json("{\"id\":99,\"buildNumber\":\"20261128.2\",\"status\":\"completed\",\"result\":\"succeeded\"}"));
        CliHarness.Result r = devops("builds", "queue", "--definition-id", "7", "--branch", "refs/heads/main", "--var", "MODEL_NAME=churn",
                "--wait", "--poll-interval", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("build 99 20261128.2 completed succeeded"), r.out());
        RecordedRequest queue = server.takeRequest();
        assertEquals("POST", queue.getMethod());
        assertEquals("/myorg/proj/_apis/build/builds", queue.getTarget());
        assertEquals(Map.of("definition", Map.of("id", 7L), "sourceBranch", "refs/heads/main", "parameters", "{\"MODEL_NAME\":\"churn\"}"),
                Json.shared().parseValue(queue.getBody().utf8()));
        assertEquals("/myorg/proj/_apis/build/builds/99", server.takeRequest().getTarget());

        // a failed build: exit code 1, the result named
        server.enqueue(json("{\"id\":100,\"buildNumber\":\"20261128.3\",\"status\":\"notStarted\"}"));
        server.enqueue(json("{\"id\":100,\"buildNumber\":\"20261128.3\",\"status\":\"completed\",\"result\":\"failed\"}"));
        CliHarness.Result failed = devops("builds", "queue", "--definition-id", "7", "--wait", "--poll-interval", "0");
        assertEquals(1, failed.code(), failed.out());
        assertTrue(failed.err().contains("failed"), failed.err());

        server.enqueue(json("{\"id\":100,\"buildNumber\":\"20261128.3\",\"status\":\"completed\",\"result\":\"partiallySucceeded\"}"));
        CliHarness.Result gotJson = CliHarness.in(home).env("AZURE_DEVOPS_EXT_PAT", PAT).run("--json", "devops", "builds", "get",
                "--build-id", "100", "--org", server.url("/myorg").toString(), "--project", "proj");
        assertEquals(0, gotJson.code(), gotJson.err());
        assertEquals("partiallySucceeded", gotJson.json().get("result"));
        assertFalse(gotJson.out().contains(PAT) || gotJson.err().contains(PAT));
    }

    @Test
    void approveAndRejectSendTheStatusAndComments() throws Exception {
        server.enqueue(json("{\"id\":8,\"status\":\"approved\",\"comments\":\"ok\"}"));
        CliHarness.Result ok = devops("releases", "approve", "--approval-id", "8", "--comment", "ok");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("approval 8 approved"), ok.out());
        RecordedRequest approve = server.takeRequest();
        assertEquals("PATCH", approve.getMethod());
        assertEquals("/vsrm/myorg/proj/_apis/release/approvals/8", approve.getTarget());
        assertEquals("application/json;api-version=7.1-preview.3", approve.getHeaders().get("Accept"));
        assertEquals(Map.of("status", "approved", "comments", "ok"), Json.shared().parseValue(approve.getBody().utf8()));

        server.enqueue(json("{\"id\":9,\"status\":\"rejected\",\"comments\":\"not now\"}"));
        CliHarness.Result no = devops("releases", "reject", "--approval-id", "9", "--comment", "not now");
        assertEquals(0, no.code(), no.err());
        assertTrue(no.out().contains("approval 9 rejected"), no.out());
        RecordedRequest reject = server.takeRequest();
        assertEquals("/vsrm/myorg/proj/_apis/release/approvals/9", reject.getTarget());
        assertEquals(Map.of("status", "rejected", "comments", "not now"), Json.shared().parseValue(reject.getBody().utf8()));
    }
}
