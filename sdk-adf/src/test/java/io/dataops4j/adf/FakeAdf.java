package io.dataops4j.adf;

import io.dataops4j.adf.internal.JsonTree;
import io.dataops4j.adf.internal.References;
import io.dataops4j.core.Secret;
import io.dataops4j.core.arm.ArmClient;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.http.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An in-memory Data Factory behind MockWebServer, with the paths and bodies recorded from the official Python
 * client (see src/test/resources/wire/python-client-recording.jsonl) and the service's rules: a started trigger
 * cannot be PUT or deleted (TriggerEnabledCannotUpdate), an object still referenced cannot be deleted ("The
 * document cannot be deleted since it is referenced by X."), a PUT referencing a missing object fails, lists
 * page with nextLink, trigger start/stop answer 202 + Azure-AsyncOperation. Event subscriptions go Provisioning ->
 * Enabled and Deprovisioning -> Disabled over polls of getEventSubscriptionStatus; a trigger start can be made to
 * answer 400 "Resource cannot be updated during provisioning" (the service's answer in azure.datafactory.tools
 * #484 and Azure/Azure-DataFactory #612) a number of times. One fake serves many tests: {@link #reset()}.
 */
final class FakeAdf implements AutoCloseable {
    static final String SUB = "sub1";
    static final String RG = "rg1";
    static final String FACTORY = "adf-prod";
    private static final String BASE = "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.DataFactory/factories/" + FACTORY;

    final MockWebServer server = new MockWebServer();
    /** collection (lower case) -> name (lower case) -> body. */
    final Map<String, Map<String, Map<String, Object>>> store = new TreeMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    Map<String, Object> globalParameters;
    boolean factoryExists = true;
    int pageSize = 2;
    long latencyMillis;
    final Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
    final Map<String, Integer> runPolls = new LinkedHashMap<>();
    /** trigger (lower case) -> event subscription status. */
    final Map<String, String> subscriptions = new TreeMap<>();
    private final Map<String, Integer> transitions = new TreeMap<>();
    /** trigger (lower case) -> how many more starts answer "cannot be updated during provisioning". */
    final Map<String, Integer> provisioningRejections = new TreeMap<>();
    /** status polls a subscription stays Provisioning / Deprovisioning. */
    int transitionPolls = 1;

    FakeAdf() throws IOException {
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    if (latencyMillis > 0) {
                        Thread.sleep(latencyMillis);
                    }
                    return handle(r);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return json(500, "{}");
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        server.start();
    }

    /** Forgets every object, call, run and setting, as a new fake. */
    synchronized void reset() {
        store.clear();
        calls.clear();
        inFlight.set(0);
        maxInFlight.set(0);
        globalParameters = null;
        factoryExists = true;
        pageSize = 2;
        latencyMillis = 0;
        runs.clear();
        runPolls.clear();
        subscriptions.clear();
        transitions.clear();
        provisioningRejections.clear();
        transitionPolls = 1;
    }

    AdfClient client() {
        ArmClient arm = ArmClient.builder().endpoint(server.url("/").toString())
                .credential(Credential.bearer(Secret.of("fake-token-for-tests")))
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(1))
                .pollInterval(Duration.ofMillis(1))
                .timing(Clock.systemUTC(), d -> { })
                .build();
        return AdfClient.builder().arm(arm).factory(SUB, RG, FACTORY).pollInterval(Duration.ofMillis(1)).timing(Clock.systemUTC(), d -> { }).build();
    }

    @SuppressWarnings("unchecked")
    void put(String collection, String name, String bodyJson) {
        Map<String, Object> body = (Map<String, Object>) JsonTree.parse(bodyJson);
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

    @SuppressWarnings("unchecked")
    private void setState(String trigger, String state) {
        ((Map<String, Object>) get("triggers", trigger).get("properties")).put("runtimeState", state);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse error(int code, String errorCode, String message) {
        return json(code, "{\"error\":{\"code\":\"" + errorCode + "\",\"message\":" + JsonTree.quote(message) + "}}");
    }

    @SuppressWarnings("unchecked")
    private synchronized MockResponse handle(RecordedRequest r) {
        String method = r.getMethod();
        String path = r.getUrl().encodedPath();
        String decoded = r.getUrl().pathSegments().stream().reduce("", (a, b) -> a + "/" + b);
        calls.add(method + " " + decoded.replace(BASE, "") + (r.getUrl().queryParameter("$skiptoken") != null ? "?page" : ""));
        if (!"2018-06-01".equals(r.getUrl().queryParameter("api-version"))) {
            return error(400, "MissingApiVersionParameter", "api-version missing");
        }
        if (!("Bearer fake-token-for-tests").equals(r.getHeaders().get("Authorization"))) {
            return error(401, "AuthenticationFailed", "no token");
        }
        if (path.startsWith("/operations/")) {
            return json(200, "{\"status\":\"Succeeded\"}");
        }
        if (!decoded.startsWith(BASE)) {
            return error(404, "ResourceNotFound", "no such resource " + decoded);
        }
        String rest = decoded.substring(BASE.length());
        String[] seg = rest.isEmpty() ? new String[0] : rest.substring(1).split("/");
        if (seg.length == 0) {
            return factoryExists ? json(200, "{\"name\":\"" + FACTORY + "\",\"location\":\"eastus\",\"properties\":{}}")
                    : error(404, "ResourceNotFound", "factory not found");
        }
        String coll = seg[0].toLowerCase(Locale.ROOT);
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        if (coll.equals("globalparameters")) {
            if (method.equals("GET") && seg.length == 1) {
                return json(200, globalParameters == null ? "{\"value\":[]}"
                        : "{\"value\":[{\"name\":\"default\",\"properties\":" + JsonTree.write(globalParameters) + "}]}");
            }
            if (method.equals("PUT")) {
                globalParameters = (Map<String, Object>) ((Map<String, Object>) JsonTree.parse(body)).get("properties");
                return json(200, "{\"name\":\"default\",\"properties\":" + JsonTree.write(globalParameters) + "}");
            }
        }
        if (coll.equals("pipelines") && seg.length == 3 && seg[2].equals("createRun") && method.equals("POST")) {
            String id = "run-" + (runs.size() + 1);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("runId", id);
            run.put("pipelineName", seg[1]);
            run.put("parameters", JsonTree.parse(body.isEmpty() ? "{}" : body));
            run.put("status", "Queued");
            runs.put(id, run);
            runPolls.put(id, 0);
            return json(200, "{\"runId\":\"" + id + "\"}");
        }
        if (coll.equals("pipelineruns") && seg.length == 2 && method.equals("GET")) {
            Map<String, Object> run = runs.get(seg[1]);
            if (run == null) {
                return error(404, "PipelineRunNotFound", "no run " + seg[1]);
            }
            int polls = runPolls.merge(seg[1], 1, Integer::sum);
            run.put("status", polls < 3 ? "InProgress" : "Succeeded");
            return json(200, JsonTree.write(run));
        }
        if (coll.equals("pipelineruns") && seg.length == 3 && seg[2].equals("queryActivityruns")) {
            Map<String, Object> q = (Map<String, Object>) JsonTree.parse(body);
            if (q.get("continuationToken") == null) {
                return json(200, "{\"value\":[{\"activityName\":\"Notebook1\",\"activityType\":\"DatabricksNotebook\",\"status\":\"Succeeded\","
                        + "\"pipelineRunId\":\"" + seg[1] + "\",\"output\":{\"runPageUrl\":\"https://adb/run/1\"}}],\"continuationToken\":\"t1\"}");
            }
            return json(200, "{\"value\":[{\"activityName\":\"Notebook2\",\"activityType\":\"DatabricksNotebook\",\"status\":\"Succeeded\","
                    + "\"pipelineRunId\":\"" + seg[1] + "\"}]}");
        }
        if (coll.equals("querytriggerruns")) {
            return json(200, "{\"value\":[{\"triggerName\":\"TR1\",\"triggerRunId\":\"tr-1\",\"status\":\"Succeeded\","
                    + "\"triggeredPipelines\":{\"PL1\":\"run-9\"},\"triggerRunTimestamp\":\"2026-01-01T00:00:00.1234567Z\"}]}");
        }
        if (coll.equals("managedvirtualnetworks") && seg.length >= 3) {
            coll = "managedprivateendpoints";
            seg = new String[] {"managedPrivateEndpoints", seg.length > 3 ? seg[3] : null};
            if (seg[1] == null) {
                seg = new String[] {"managedPrivateEndpoints"};
            }
        }
        Map<String, Map<String, Object>> items = store.computeIfAbsent(coll, k -> new TreeMap<>());
        if (seg.length == 1 && method.equals("GET")) {
            List<Map<String, Object>> all = new ArrayList<>(items.values());
            int from = r.getUrl().queryParameter("$skiptoken") == null ? 0 : Integer.parseInt(r.getUrl().queryParameter("$skiptoken"));
            int to = Math.min(all.size(), from + pageSize);
            StringBuilder sb = new StringBuilder("{\"value\":[");
            for (int i = from; i < to; i++) {
                sb.append(i > from ? "," : "").append(JsonTree.write(all.get(i)));
            }
            sb.append(']');
            if (to < all.size()) {
                sb.append(",\"nextLink\":\"").append(server.url(path).newBuilder().addQueryParameter("api-version", "2018-06-01")
                        .addQueryParameter("$skiptoken", String.valueOf(to)).build()).append('"');
            }
            return json(200, sb.append('}').toString());
        }
        if (seg.length < 2) {
            return error(404, "NotFound", "unknown " + decoded);
        }
        String name = seg[1];
        String key = name.toLowerCase(Locale.ROOT);
        if (coll.equals("triggers") && seg.length == 3 && method.equals("POST")) {
            if (!items.containsKey(key)) {
                return error(404, "EntityNotFound", "Entity " + name + " not found");
            }
            switch (seg[2]) {
                case "start" -> {
                    int left = provisioningRejections.getOrDefault(key, 0);
                    if (left > 0) {
                        provisioningRejections.put(key, left - 1);
                        return json(400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Resource cannot be updated during provisioning\","
                                + "\"target\":" + JsonTree.quote(name) + "}}");
                    }
                    setState(name, "Started");
                }
                case "stop" -> setState(name, "Stopped");
                case "subscribeToEvents" -> {
                    subscriptions.put(key, "Provisioning");
                    transitions.put(key, transitionPolls);
                }
                case "unsubscribeFromEvents" -> {
                    subscriptions.put(key, "Deprovisioning");
                    transitions.put(key, transitionPolls);
                }
                case "getEventSubscriptionStatus" -> {
                    String status = subscriptions.getOrDefault(key, "Disabled");
                    int left = transitions.getOrDefault(key, 0);
                    if (left > 0) {
                        transitions.put(key, left - 1);
                    } else if (status.equals("Provisioning") || status.equals("Deprovisioning")) {
                        status = status.equals("Provisioning") ? "Enabled" : "Disabled";
                        subscriptions.put(key, status);
                    }
                    return json(200, "{\"triggerName\":" + JsonTree.quote(name) + ",\"status\":\"" + status + "\"}");
                }
                default -> {
                    return error(404, "NotFound", seg[2]);
                }
            }
            return new MockResponse.Builder().code(202)
                    .setHeader("Azure-AsyncOperation", server.url("/operations/" + calls.size()) + "?api-version=2018-06-01")
                    .build();
        }
        switch (method) {
            case "GET" -> {
                Map<String, Object> b = items.get(key);
                return b == null ? error(404, "NotFound", name + " not found") : json(200, JsonTree.write(b));
            }
            case "PUT" -> {
                Map<String, Object> b = (Map<String, Object>) JsonTree.parse(body);
                if (coll.equals("triggers") && items.containsKey(key) && !"Stopped".equals(runtimeState(name))) {
                    return error(400, "TriggerEnabledCannotUpdate", "Cannot update enabled Trigger; it needs to be stopped first");
                }
                for (References.Ref ref : References.of(b)) {
                    if (ref.type() != null && ref.name() != null && ref.type() != AdfObjectType.FACTORY) {
                        String c = ref.type() == AdfObjectType.MANAGED_PRIVATE_ENDPOINT ? "managedprivateendpoints" : ref.type().collection().toLowerCase(Locale.ROOT);
                        if (!store.getOrDefault(c, Map.of()).containsKey(ref.name().toLowerCase(Locale.ROOT))) {
                            return error(400, "BadRequest", "The referenced " + ref.type() + " " + ref.name() + " does not exist.");
                        }
                    }
                }
                Map<String, Object> stored = new LinkedHashMap<>();
                stored.put("id", decoded);
                stored.put("name", name);
                stored.put("properties", b.get("properties"));
                if (coll.equals("triggers")) {
                    Map<String, Object> p = (Map<String, Object>) stored.get("properties");
                    p.put("runtimeState", items.containsKey(key) ? runtimeState(name) : "Stopped");
                }
                items.put(key, stored);
                return json(200, JsonTree.write(stored));
            }
            case "DELETE" -> {
                if (!items.containsKey(key)) {
                    return new MockResponse.Builder().code(204).build();
                }
                if (coll.equals("triggers") && !"Stopped".equals(runtimeState(name))) {
                    return error(400, "TriggerEnabledCannotUpdate", "Cannot delete enabled Trigger; it needs to be stopped first");
                }
                String myType = null;
                for (AdfObjectType t : AdfObjectType.values()) {
                    if (t.collection() != null && t.collection().equalsIgnoreCase(coll)) {
                        myType = t.configName();
                    }
                }
                for (Map.Entry<String, Map<String, Map<String, Object>>> c : store.entrySet()) {
                    for (Map<String, Object> other : c.getValue().values()) {
                        for (References.Ref ref : References.of(other)) {
                            if (ref.type() != null && ref.type().configName().equals(myType) && name.equalsIgnoreCase(ref.name())) {
                                return error(400, "BadRequest", "The document cannot be deleted since it is referenced by " + other.get("name") + ".");
                            }
                        }
                    }
                }
                items.remove(key);
                return new MockResponse.Builder().code(200).build();
            }
            default -> {
                return error(405, "MethodNotAllowed", method);
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * Server sockets whose connections send each write at once (TCP_NODELAY): MockWebServer writes a response's
     * headers and body separately, and with Nagle's algorithm the body waits for the client's delayed ACK, 40 ms a call.
     */
    static final class NoDelayServerSockets extends ServerSocketFactory {
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
        public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException();
        }
    }
}
