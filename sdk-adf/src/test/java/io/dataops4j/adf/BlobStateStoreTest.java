package io.dataops4j.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.adf.deploy.AdfDeployment;
import io.dataops4j.adf.deploy.DeploymentListener;
import io.dataops4j.adf.deploy.DeploymentState;
import io.dataops4j.adf.deploy.ObjectChange;
import io.dataops4j.adf.deploy.Plan;
import io.dataops4j.adf.deploy.StateStore;
import io.dataops4j.adf.deploy.TriggerStopMethod;
import io.dataops4j.adf.internal.JsonTree;
import io.dataops4j.core.Secret;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.error.ServiceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental deployment state in Azure Storage, against an in-memory Blob service on MockWebServer that answers
 * as the recorded service does (404 BlobNotFound, 409 BlobAlreadyExists on If-None-Match: *, 412 ConditionNotMet on
 * a stale If-Match, XML error bodies). Request shapes are compared with the official client's
 * (src/test/resources/wire/blob-state-recording.jsonl). The SAS signature never shows in logs or messages.
 */
class BlobStateStoreTest {
    /** A signature as Azure makes them: base64, so with '+', '/' and '=' percent-encoded in the URL. */
    private static final String SIG_DECODED = "k3Yq+Lm9/Zx0PqRsTuVwXyZa1B2c3D4e5F6g7H8i9J0=";
    private static final String SIG = "k3Yq%2BLm9%2FZx0PqRsTuVwXyZa1B2c3D4e5F6g7H8i9J0%3D";
    private static final String SAS = "sv=2022-11-02&ss=b&srt=co&sp=rwc&se=2030-01-01T00%3A00%3A00Z&spr=https&sig=" + SIG;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, byte[]> blobs = new LinkedHashMap<>();
    private final Map<String, String> etags = new LinkedHashMap<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger version = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicBoolean refuseAuth = new AtomicBoolean();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(new FakeAdf.NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return handle(r);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse error(int code, String errorCode, String message) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/xml").setHeader("x-ms-error-code", errorCode)
                .body("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + errorCode + "</Code><Message>" + message
                        + "\nRequestId:00000000-0000-0000-0000-000000000001\nTime:2026-01-01T00:00:00.0000000Z</Message></Error>").build();
    }

    private synchronized MockResponse handle(RecordedRequest r) {
        requests.add(r);
        String path = r.getUrl().encodedPath();
        if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            // x-ms-retry-after-ms rather than Retry-After: 0, which OkHttp itself would retry unseen
            return new MockResponse.Builder().code(503).setHeader("x-ms-retry-after-ms", "1").setHeader("Content-Type", "application/xml")
                    .body("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code><Message>The server is busy.</Message></Error>")
                    .build();
        }
        if (refuseAuth.get()) {
            return error(403, "AuthenticationFailed", "Server failed to authenticate the request " + r.getUrl());
        }
        byte[] have = blobs.get(path);
        switch (r.getMethod()) {
            case "GET" -> {
                if (have == null) {
                    return error(404, "BlobNotFound", "The specified blob does not exist.");
                }
                return new MockResponse.Builder().code(200).setHeader("ETag", etags.get(path)).setHeader("x-ms-blob-type", "BlockBlob")
                        .setHeader("Content-Type", "application/json").body(new String(have, StandardCharsets.UTF_8)).build();
            }
            case "PUT" -> {
                if ("*".equals(r.getHeaders().get("If-None-Match")) && have != null) {
                    return error(409, "BlobAlreadyExists", "The specified blob already exists.");
                }
                String ifMatch = r.getHeaders().get("If-Match");
                if (ifMatch != null && (have == null || !ifMatch.equals(etags.get(path)))) {
                    return error(412, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met.");
                }
                blobs.put(path, r.getBody() == null ? new byte[0] : r.getBody().toByteArray());
                String etag = "\"0x8DC" + version.incrementAndGet() + "\"";
                etags.put(path, etag);
                return new MockResponse.Builder().code(201).setHeader("ETag", etag).build();
            }
            default -> {
                return error(405, "UnsupportedHttpVerb", r.getMethod());
            }
        }
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private static DeploymentState state(String... entries) {
        StringBuilder sb = new StringBuilder("{\"LastUpdate\":\"2026-01-01T00:00:00Z\",\"Deployed\":{");
        for (int i = 0; i < entries.length; i++) {
            sb.append(i > 0 ? "," : "").append('"').append(entries[i]).append("\":\"abc\"");
        }
        return DeploymentState.parse(sb.append("},\"adftoolsVer\":\"x\",\"Algorithm\":\"SHA256-CANONICAL\"}").toString());
    }

    /** The recorded requests of the official client, by operation name. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> recording() throws Exception {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TestSupport.resource("wire/blob-state-recording.jsonl"))) {
            Map<String, Object> e = (Map<String, Object>) JsonTree.parse(line);
            out.putIfAbsent((String) e.get("op"), e);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String recordedHeader(Map<String, Object> op, String name) {
        for (Map.Entry<String, Object> h : ((Map<String, Object>) op.get("headers")).entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return (String) h.getValue();
            }
        }
        return null;
    }

    @Test
    void aSasUrlReadsAndWritesTheStateConditionallyWithTheOfficialClientsShapes() throws Exception {
        StateStore store = StateStore.of(url("/account1/state") + "?" + SAS, () -> {
            throw new AssertionError("no credential is needed with a SAS");
        });
        assertEquals(DeploymentState.empty().deployed(), store.load("adf-prod").deployed());

        store.save("adf-prod", state("pipeline.PL_A").updated(List.of(), List.of(), Instant.parse("2026-01-02T00:00:00Z")));
        DeploymentState read = store.load("adf-prod");
        assertEquals(List.of("pipeline.PL_A"), List.copyOf(read.deployed().keySet()));
        store.save("adf-prod", read.updated(List.of(), List.of("pipeline.PL_A"), Instant.parse("2026-01-03T00:00:00Z")));
        assertEquals(Map.of(), store.load("adf-prod").deployed());

        Map<String, Map<String, Object>> rec = recording();
        RecordedRequest get = requests.get(0);
        RecordedRequest create = requests.get(1);
        RecordedRequest replace = requests.get(3);
        for (RecordedRequest r : List.of(get, create, replace)) {
            assertEquals("/account1/state/adf-prod.adftools_deployment_state.json", r.getUrl().encodedPath(), "the tool's blob name");
            assertEquals(SAS, r.getUrl().encodedQuery(), "the SAS goes on every request as given");
            assertNull(r.getHeaders().get("Authorization"));
            assertTrue(r.getHeaders().get("x-ms-version").compareTo("2017-11-09") >= 0);
            assertNotNull(r.getHeaders().get("x-ms-date"));
            assertNotNull(r.getHeaders().get("x-ms-client-request-id"));
        }
        assertEquals(rec.get("sas.download_missing").get("path"), "/account1/state/adf-prod.adftools_deployment_state.json");
        assertEquals("GET", get.getMethod());
        Map<String, Object> recCreate = rec.get("sas.upload_if_absent");
        Map<String, Object> recReplace = rec.get("sas.upload_if_match");
        assertEquals("PUT", create.getMethod());
        for (String h : List.of("x-ms-blob-type", "x-ms-blob-content-type", "If-None-Match")) {
            assertEquals(recordedHeader(recCreate, h), create.getHeaders().get(h), h);
        }
        assertNull(create.getHeaders().get("If-Match"));
        assertEquals("\"0x8DC1\"", replace.getHeaders().get("If-Match"), "replaced only if unchanged since read");
        assertNotNull(recordedHeader(recReplace, "If-Match"));
        assertEquals(recordedHeader(recReplace, "x-ms-blob-type"), replace.getHeaders().get("x-ms-blob-type"));
        assertNull(replace.getHeaders().get("If-None-Match"));
        @SuppressWarnings("unchecked")
        Map<String, Object> saved = (Map<String, Object>) JsonTree.parse(create.getBody().utf8());
        assertEquals("SHA256-CANONICAL", saved.get("Algorithm"));
        assertEquals("2026-01-02T00:00:00Z", saved.get("LastUpdate"));
    }

    @Test
    void anotherDeploymentsWriteIsNeverOverwrittenAndTheSasNeverShows() {
        StateStore store = StateStore.blob(url("/account1/state/prod-state.json") + "?" + SAS, Credential.none());
        assertFalse(store.location().contains(SIG), store.location());
        assertTrue(store.location().contains("sig=****"), store.location());
        assertFalse(store.toString().contains(SIG));

        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> messages = new ArrayList<>();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            DeploymentState first = store.load("ignored-for-a-json-url");
            DeploymentState second = store.load("ignored-for-a-json-url");
            unavailable.set(1);
            store.save("f", first.updated(List.of(), List.of(), Instant.now()));
            assertEquals(2, requests.stream().filter(r -> r.getMethod().equals("PUT")).count(), "a 503 is retried");
            DataOpsException conflict = assertThrows(DataOpsException.class,
                    () -> store.save("f", second.updated(List.of(), List.of(), Instant.now())));
            messages.add(conflict.getMessage());
            assertTrue(conflict.getMessage().contains("was changed by another deployment"), conflict.getMessage());
            assertTrue(conflict.getMessage().contains("409 BlobAlreadyExists"), conflict.getMessage());

            DeploymentState third = store.load("f");
            store.save("f", third.updated(List.of(), List.of(), Instant.now()));
            DataOpsException stale = assertThrows(DataOpsException.class, () -> store.save("f", third.updated(List.of(), List.of(), Instant.now())));
            messages.add(stale.getMessage());
            assertTrue(stale.getMessage().contains("412 ConditionNotMet"), stale.getMessage());

            refuseAuth.set(true);
            ServiceException denied = assertThrows(ServiceException.class, () -> store.load("f"));
            messages.add(denied.getMessage());
            messages.add(String.valueOf(denied.serviceMessage()));
            assertEquals("AuthenticationFailed", denied.errorCode());
            assertEquals(403, denied.status());
        } finally {
            System.setErr(err);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("retrying PUT"), "the retry was logged: " + logs);
        for (String text : List.of(logs, String.join("\n", messages))) {
            assertFalse(text.contains(SIG), text);
            assertFalse(text.contains(SIG_DECODED), text);
            assertTrue(text.contains("sig=****"), text);
        }
    }

    @Test
    void anEntraTokenForStorageAuthorizesAFolderLocation() {
        StateStore store = StateStore.of(url("/account1/state/adf/"), () -> Credential.bearer(Secret.of("storage-token-for-tests")));
        store.save("adf-uat", state("dataset.DS_A"));
        assertEquals(List.of("dataset.DS_A"), List.copyOf(store.load("adf-uat").deployed().keySet()));
        for (RecordedRequest r : requests) {
            assertEquals("/account1/state/adf/adf-uat.adftools_deployment_state.json", r.getUrl().encodedPath());
            assertEquals("Bearer storage-token-for-tests", r.getHeaders().get("Authorization"));
            assertTrue(r.getHeaders().get("x-ms-version").compareTo("2017-11-09") >= 0, "tokens need 2017-11-09 or later");
            assertNull(r.getUrl().encodedQuery());
        }
        assertEquals("https://storage.azure.com/.default", StateStore.STORAGE_SCOPE);
    }

    @Test
    void aLocalPathIsAFileOrAFolderOfStates() throws Exception {
        StateStore folder = StateStore.of(dir.toString(), () -> {
            throw new AssertionError("no credential for a local path");
        });
        folder.save("adf-prod", state("pipeline.PL_A"));
        assertTrue(Files.exists(dir.resolve("adf-prod.adftools_deployment_state.json")));
        assertEquals(List.of("pipeline.PL_A"), List.copyOf(folder.load("adf-prod").deployed().keySet()));
        StateStore file = StateStore.file(dir.resolve("one.json"));
        assertEquals(Map.of(), file.load("x").deployed());
        file.save("x", state("trigger.T"));
        assertEquals(List.of("trigger.T"), List.copyOf(StateStore.file(dir.resolve("one.json")).load("y").deployed().keySet()));
    }

    @Test
    void incrementalDeploymentKeepsItsStateInTheBlobAndSkipsWhatDidNotChange() throws Exception {
        try (FakeAdf fake = new FakeAdf(); AdfClient client = fake.client()) {
            StateStore store = StateStore.blob(url("/account1/state") + "?" + SAS, Credential.none());
            AdfDeployment d = AdfDeployment.fromFolder(TestSupport.mini()).stage("test").environment(Environment.of(Map.of("STAGE", "prod")))
                    .options(o -> o.incremental(store));
            Plan first = d.plan(client);
            assertEquals(0, first.changes(ObjectChange.Kind.UNCHANGED).size(), first.render());
            first.apply(DeploymentListener.NONE);
            @SuppressWarnings("unchecked")
            Map<String, Object> saved = (Map<String, Object>) JsonTree.parse(new String(
                    blobs.get("/account1/state/adf-prod.adftools_deployment_state.json"), StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            Map<String, Object> deployed = (Map<String, Object>) saved.get("Deployed");
            assertTrue(deployed.containsKey("pipeline.PL_Copy") && deployed.containsKey("trigger.TR_Daily"), deployed.toString());
            assertFalse(deployed.keySet().stream().anyMatch(k -> k.startsWith("factory.")), "factories are never recorded");

            fake.calls.clear();
            Plan second = d.options(o -> o.triggerStop(TriggerStopMethod.DEPLOYABLE_ONLY)).plan(client);
            List<ObjectChange> objects = second.changes().stream().filter(c -> c.type() != AdfObjectType.FACTORY).toList();
            assertEquals(7, objects.size(), second.render());
            assertTrue(objects.stream().allMatch(c -> c.kind() == ObjectChange.Kind.UNCHANGED && c.reason().contains("incremental state")),
                    second.render());
            assertFalse(second.hasChanges(), "nothing to do, not even a trigger restart: " + second.render());
            assertFalse(second.render().contains(SIG));
        }
    }
}
