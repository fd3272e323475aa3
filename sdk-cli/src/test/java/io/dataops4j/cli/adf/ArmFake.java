package io.dataops4j.cli.adf;

import io.dataops4j.core.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A minimal Data Factory behind Azure Resource Manager for the adf commands' tests (sdk-adf's own fake enforces the
 * service's rules; this one only stores): the paths and bodies of the official Python client's recording
 * (sdk-adf/src/test/resources/wire/python-client-recording.jsonl), trigger start/stop as 202 + Azure-AsyncOperation,
 * pipeline runs that end after two polls (pipelines named PL_Fail fail), and a Blob service endpoint under
 * {@code /blob/} that keeps a state file (Get Blob / Put Blob with ETags).
 */
final class ArmFake implements AutoCloseable {
    static final String TOKEN = "arm-token-for-cli-tests-0123456789";
    static final String BASE = "/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.DataFactory/factories/adf-prod";

    final MockWebServer server = new MockWebServer();
    /** collection (lower case) -> name (lower case) -> body. */
    final Map<String, Map<String, Map<String, Object>>> store = new TreeMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    final Map<String, byte[]> blobs = new TreeMap<>();
    Map<String, Object> globalParameters;
    private final Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
    private int operations;

    ArmFake() throws IOException {
        server.setServerSocketFactory(new NoDelay());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return handle(r);
            }
        });
        server.start();
    }

    String endpoint() {
        return server.url("/").toString();
    }

    @SuppressWarnings("unchecked")
    void put(String collection, String name, String json) {
        Map<String, Object> body = (Map<String, Object>) Json.shared().parseValue(json);
        body.put("name", name);
        store.computeIfAbsent(collection.toLowerCase(Locale.ROOT), k -> new TreeMap<>()).put(name.toLowerCase(Locale.ROOT), body);
    }

    Map<String, Object> get(String collection, String name) {
        return store.getOrDefault(collection.toLowerCase(Locale.ROOT), Map.of()).get(name.toLowerCase(Locale.ROOT));
    }

    @SuppressWarnings("unchecked")
    String runtimeState(String trigger) {
        Map<String, Object> t = get("triggers", trigger);
        return t == null ? null : (String) ((Map<String, Object>) t.get("properties")).get("runtimeState");
    }

    private static MockResponse json(int code, Object body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(body instanceof String s ? s : Json.shared().toJson(body)).build();
    }

    private static MockResponse error(int code, String errorCode, String message) {
        return json(code, Map.of("error", Map.of("code", errorCode, "message", message)));
    }

    @SuppressWarnings("unchecked")
    private synchronized MockResponse handle(RecordedRequest r) {
        String method = r.getMethod();
        String path = r.getUrl().pathSegments().stream().reduce("", (a, b) -> a + "/" + b);
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        if (path.startsWith("/blob/")) {
            return blob(r, path);
        }
        calls.add(method + " " + path.replace(BASE, ""));
        authorizations.add(String.valueOf(r.getHeaders().get("Authorization")));
        bodies.add(body);
        if (!"2018-06-01".equals(r.getUrl().queryParameter("api-version"))) {
            return error(400, "MissingApiVersionParameter", "api-version missing");
        }
        if (!("Bearer " + TOKEN).equals(r.getHeaders().get("Authorization"))) {
            return error(401, "AuthenticationFailed", "no token");
        }
        if (path.startsWith("/operations/")) {
            return json(200, Map.of("status", "Succeeded"));
        }
        if (!path.startsWith(BASE)) {
            return error(404, "ResourceNotFound", "no such resource");
        }
        String rest = path.substring(BASE.length());
        String[] seg = rest.isEmpty() ? new String[0] : rest.substring(1).split("/");
        if (seg.length == 0) {
            return json(200, Map.of("name", "adf-prod", "location", "eastus", "properties", Map.of()));
        }
        String coll = seg[0].toLowerCase(Locale.ROOT);
        if (coll.equals("globalparameters")) {
            if (method.equals("PUT")) {
                globalParameters = (Map<String, Object>) ((Map<String, Object>) Json.shared().parseValue(body)).get("properties");
                return json(200, Map.of("name", "default", "properties", globalParameters));
            }
            return json(200, Map.of("value", globalParameters == null ? List.of() : List.of(Map.of("name", "default", "properties", globalParameters))));
        }
        if (coll.equals("pipelines") && seg.length == 3 && seg[2].equals("createRun")) {
            String id = "run-" + (runs.size() + 1);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("runId", id);
            run.put("pipelineName", seg[1]);
            // a run's parameters come back as strings (the REST spec's PipelineRun.parameters: a map of strings)
            Map<String, String> parameters = new LinkedHashMap<>();
            ((Map<String, Object>) Json.shared().parseValue(body.isEmpty() ? "{}" : body))
                    .forEach((k, v) -> parameters.put(k, v instanceof String str ? str : Json.shared().toJson(v)));
            run.put("parameters", parameters);
            run.put("status", "Queued");
            run.put("polls", 0);
            runs.put(id, run);
            return json(200, Map.of("runId", id));
        }
        if (coll.equals("pipelineruns") && seg.length == 2) {
            Map<String, Object> run = runs.get(seg[1]);
            if (run == null) {
                return error(404, "PipelineRunNotFound", "no run " + seg[1]);
            }
            int polls = (Integer) run.get("polls") + 1;
            run.put("polls", polls);
            boolean fails = String.valueOf(run.get("pipelineName")).equals("PL_Fail");
            Map<String, Object> out = new LinkedHashMap<>(run);
            out.remove("polls");
            out.put("status", polls < 2 ? "InProgress" : fails ? "Failed" : "Succeeded");
            out.put("message", polls >= 2 && fails ? "Operation on target Notebook1 failed" : "");
            out.put("runStart", "2026-01-01T00:00:00.1234567Z");
            return json(200, out);
        }
        if (coll.equals("pipelineruns") && seg.length == 3 && seg[2].equals("queryActivityruns")) {
            return json(200, Map.of("value", List.of(Map.of("activityName", "Notebook1", "activityType", "DatabricksNotebook",
                    "status", "Succeeded", "pipelineRunId", seg[1], "output", Map.of("runPageUrl", "https://adb-1.azuredatabricks.net/run/1")))));
        }
        if (coll.equals("managedvirtualnetworks") && seg.length >= 3) {
            return json(200, Map.of("value", List.of()));
        }
        Map<String, Map<String, Object>> items = store.computeIfAbsent(coll, k -> new TreeMap<>());
        if (seg.length == 1) {
            return json(200, Map.of("value", new ArrayList<>(items.values())));
        }
        String name = seg[1];
        String key = name.toLowerCase(Locale.ROOT);
        if (coll.equals("triggers") && seg.length == 3 && method.equals("POST")) {
            Map<String, Object> t = items.get(key);
            if (t == null) {
                return error(404, "EntityNotFound", "Entity " + name + " not found");
            }
            ((Map<String, Object>) t.get("properties")).put("runtimeState", seg[2].equals("start") ? "Started" : "Stopped");
            return new MockResponse.Builder().code(202)
                    .setHeader("Azure-AsyncOperation", server.url("/operations/" + (++operations)) + "?api-version=2018-06-01").build();
        }
        switch (method) {
            case "GET" -> {
                Map<String, Object> b = items.get(key);
                return b == null ? error(404, "NotFound", name + " not found") : json(200, b);
            }
            case "PUT" -> {
                Map<String, Object> b = (Map<String, Object>) Json.shared().parseValue(body);
                Map<String, Object> stored = new LinkedHashMap<>();
                stored.put("id", path);
                stored.put("name", name);
                Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) b.get("properties"));
                if (coll.equals("triggers")) {
                    props.put("runtimeState", items.containsKey(key) ? runtimeState(name) : "Stopped");
                }
                stored.put("properties", props);
                items.put(key, stored);
                return json(200, stored);
            }
            case "DELETE" -> {
                items.remove(key);
                return new MockResponse.Builder().code(200).build();
            }
            default -> {
                return error(405, "MethodNotAllowed", method);
            }
        }
    }

    /** Get Blob / Put Blob, as the Blob service answers them (sdk-adf's wire/blob-state-recording.jsonl). */
    private MockResponse blob(RecordedRequest r, String path) {
        calls.add(r.getMethod() + " " + path + (r.getUrl().queryParameter("sig") != null ? " (SAS)" : ""));
        if (r.getMethod().equals("GET")) {
            byte[] data = blobs.get(path);
            if (data == null) {
                return new MockResponse.Builder().code(404).setHeader("x-ms-error-code", "BlobNotFound")
                        .body("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobNotFound</Code>"
                                + "<Message>The specified blob does not exist.</Message></Error>").build();
            }
            return new MockResponse.Builder().code(200).setHeader("ETag", "\"0x1\"").body(new String(data, StandardCharsets.UTF_8)).build();
        }
        blobs.put(path, r.getBody() == null ? new byte[0] : r.getBody().toByteArray());
        return new MockResponse.Builder().code(201).setHeader("ETag", "\"0x1\"").build();
    }

    @Override
    public void close() {
        server.close();
    }

    /** TCP_NODELAY on accepted connections: MockWebServer writes headers and body apart (Nagle would cost 40 ms a call). */
    private static final class NoDelay extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket s = super.accept();
                    s.setTcpNoDelay(true);
                    return s;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
            throw new UnsupportedOperationException();
        }
    }
}
