package io.dataops4j.cli.devops;

import io.dataops4j.cli.CliHarness;
import io.dataops4j.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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

class DevOpsCommandsTest {
    private static final String PAT = "cli-pat-55k2";
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

    @Test
    void releasesCreateWithVariablesAndWait() throws Exception {
        server.enqueue(json("{\"id\":17,\"name\":\"Release-17\",\"status\":\"active\",\"environments\":[{\"id\":41,\"name\":\"staging\",\"status\":\"inProgress\"}]}"));
        server.enqueue(json("{\"id\":17,\"name\":\"Release-17\",\"status\":\"active\",\"environments\":[{\"id\":41,\"name\":\"staging\",\"status\":\"succeeded\"}]}"));
        CliHarness.Result r = CliHarness.in(home).env("AZURE_DEVOPS_EXT_PAT", PAT).run("--json", "devops", "releases", "create",
                "--org", server.url("/myorg").toString(), "--release-url", server.url("/vsrm/myorg").toString(), "--project", "proj",
                "--definition-id", "5", "--var", "MODEL_NAME=churn", "--var", "MODEL_VERSION=3", "--wait", "--poll-interval", "0");
        assertEquals(0, r.code(), r.err());
        assertEquals("succeeded", ((Map<?, ?>) ((java.util.List<?>) r.json().get("environments")).get(0)).get("status"));
        RecordedRequest create = server.takeRequest();
        assertEquals("/vsrm/myorg/proj/_apis/release/releases", create.getTarget());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((":" + PAT).getBytes(StandardCharsets.UTF_8)), create.getHeaders().get("Authorization"));
        assertEquals(Map.of("definitionId", 5L, "variables", Map.of("MODEL_NAME", Map.of("value", "churn"), "MODEL_VERSION", Map.of("value", "3"))),
                Json.shared().parseValue(create.getBody().utf8()));
        assertFalse(r.out().contains(PAT) || r.err().contains(PAT));
    }

    @Test
    void pipelinesRunWithParams() throws Exception {
        server.enqueue(json("{\"id\":123,\"name\":\"20261128.1\",\"state\":\"inProgress\"}"));
        CliHarness.Result r = CliHarness.in(home).env("SYSTEM_ACCESSTOKEN", "job-token-1").env("SYSTEM_COLLECTIONURI", server.url("/myorg").toString())
                .env("SYSTEM_TEAMPROJECT", "proj").run("devops", "pipelines", "run", "--pipeline-id", "7", "--param", "modelName=churn");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("run 123"), r.out());
        RecordedRequest run = server.takeRequest();
        assertEquals("/myorg/proj/_apis/pipelines/7/runs", run.getTarget());
        assertEquals("Bearer job-token-1", run.getHeaders().get("Authorization"));
        assertEquals(Map.of("templateParameters", Map.of("modelName", "churn")), Json.shared().parseValue(run.getBody().utf8()));
    }

    @Test
    void logicAppInvokeKeepsTheSignatureSecret() throws Exception {
        String sig = "c2lnbmF0dXJlLXNlY3JldA";
        Path body = Files.writeString(home.resolve("body.json"), "{\"model\":\"churn\"}");
        server.enqueue(new MockResponse.Builder().code(202).build());
        CliHarness.Result r = CliHarness.in(home).env("LA_URL", server.url("/workflows/w/triggers/manual/paths/invoke").toString() + "?sv=1.0&sig=" + sig)
                .run("devops", "logicapp", "invoke", "--callback-url-env", "LA_URL", "--body-file", body.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("202"), r.out());
        assertEquals(Map.of("model", "churn"), Json.shared().parseValue(server.takeRequest().getBody().utf8()));
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"code\":\"DirectApiInvalidAuthorizationSignature\",\"message\":\"bad sig\"}}").build());
        CliHarness.Result bad = CliHarness.in(home).env("LA_URL", server.url("/workflows/w/triggers/manual/paths/invoke").toString() + "?sv=1.0&sig=" + sig)
                .run("devops", "logicapp", "invoke", "--callback-url-env", "LA_URL", "--body-file", body.toString());
        assertEquals(1, bad.code());
        assertFalse(bad.out().contains(sig) || bad.err().contains(sig), bad.err());
    }

    @Test
    void relayNeedsAValidConfig() throws Exception {
        Path cfg = Files.writeString(home.resolve("relay.json"), "{\"rules\":[]}");
        CliHarness.Result r = CliHarness.in(home).run("relay", "--config", cfg.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("project"), r.err());
    }
}
