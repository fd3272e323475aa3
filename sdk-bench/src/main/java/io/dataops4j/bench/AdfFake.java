package io.dataops4j.bench;

import io.dataops4j.adf.AdfClient;
import io.dataops4j.adf.AdfObjectType;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The Data Factory fake for {@link AdfDeployBench}: a bench-local copy of the deployment part of sdk-adf's test
 * fake (src/test/java/io/dataops4j/adf/FakeAdf.java), without pipeline runs and event subscriptions. It keeps the
 * service's rules that a deployment meets: a started trigger cannot be PUT or deleted, a PUT referencing a missing
 * object fails, an object still referenced cannot be deleted, lists page with nextLink, trigger start/stop answer
 * 202 + Azure-AsyncOperation. Every call waits {@link #latencyMillis} before it is handled (outside the lock, so
 * calls overlap as they would against the service); the handling itself is serialised and its time is summed in
 * {@link #handlingNanos}.
 */
final class AdfFake implements AutoCloseable {
    static final String SUB = "sub1";
    static final String RG = "rg1";
    static final String FACTORY = "adf-bench";
    private static final String BASE = "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.DataFactory/factories/" + FACTORY;

    private final MockWebServer server = new MockWebServer();
    /** collection (lower case) -> name (lower case) -> body. */
    final Map<String, Map<String, Map<String, Object>>> store = new TreeMap<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger listCalls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicLong handlingNanos = new AtomicLong();
    private Map<String, Object> globalParameters;
    volatile int pageSize = 50;
    volatile long latencyMillis;

    AdfFake(long latency) throws IOException {
        this.latencyMillis = latency;
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    long wait = AdfFake.this.latencyMillis;
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    long t0 = System.nanoTime();
                    try {
                        return handle(r);
                    } finally {
                        handlingNanos.addAndGet(System.nanoTime() - t0);
                    }
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

    /** Zeroes the counters (the store is kept). */
    void resetCounters() {
        calls.set(0);
        listCalls.set(0);
        maxInFlight.set(0);
        handlingNanos.set(0);
    }

    AdfClient client() {
        ArmClient arm = ArmClient.builder().endpoint(server.url("/").toString())
                .credential(Credential.bearer(Secret.of("fake-token-for-bench")))
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(1))
                .pollInterval(Duration.ofMillis(1))
                .timing(Clock.systemUTC(), d -> { })
                .build();
        return AdfClient.builder().arm(arm).factory(SUB, RG, FACTORY).pollInterval(Duration.ofMillis(1)).timing(Clock.systemUTC(), d -> { }).build();
    }

    synchronized int size() {
        return store.values().stream().mapToInt(Map::size).sum();
    }

    @SuppressWarnings("unchecked")
    private String runtimeState(String trigger) {
        Map<String, Object> t = store.getOrDefault("triggers", Map.of()).get(trigger.toLowerCase(Locale.ROOT));
        return t == null ? null : (String) ((Map<String, Object>) t.get("properties")).get("runtimeState");
    }

    @SuppressWarnings("unchecked")
    private void setState(String trigger, String state) {
        ((Map<String, Object>) store.get("triggers").get(trigger.toLowerCase(Locale.ROOT)).get("properties")).put("runtimeState", state);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse error(int code, String errorCode, String message) {
        return json(code, "{\"error\":{\"code\":\"" + errorCode + "\",\"message\":" + JsonTree.quote(message) + "}}");
    }

    @SuppressWarnings("unchecked")
    private synchronized MockResponse handle(RecordedRequest r) {
        calls.incrementAndGet();
        String method = r.getMethod();
        String path = r.getUrl().encodedPath();
        String decoded = r.getUrl().pathSegments().stream().reduce("", (a, b) -> a + "/" + b);
        if (!"2018-06-01".equals(r.getUrl().queryParameter("api-version"))) {
            return error(400, "MissingApiVersionParameter", "api-version missing");
        }
        if (!"Bearer fake-token-for-bench".equals(r.getHeaders().get("Authorization"))) {
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
            return json(200, "{\"name\":\"" + FACTORY + "\",\"location\":\"eastus\",\"properties\":{}}");
        }
        String coll = seg[0].toLowerCase(Locale.ROOT);
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        if (coll.equals("globalparameters")) {
            if (method.equals("GET") && seg.length == 1) {
                listCalls.incrementAndGet();
                return json(200, globalParameters == null ? "{\"value\":[]}"
                        : "{\"value\":[{\"name\":\"default\",\"properties\":" + JsonTree.write(globalParameters) + "}]}");
            }
            if (method.equals("PUT")) {
                globalParameters = (Map<String, Object>) ((Map<String, Object>) JsonTree.parse(body)).get("properties");
                return json(200, "{\"name\":\"default\",\"properties\":" + JsonTree.write(globalParameters) + "}");
            }
        }
        if (coll.equals("managedvirtualnetworks") && seg.length >= 3) {
            coll = "managedprivateendpoints";
            seg = seg.length > 3 ? new String[] {"managedPrivateEndpoints", seg[3]} : new String[] {"managedPrivateEndpoints"};
        }
        Map<String, Map<String, Object>> items = store.computeIfAbsent(coll, k -> new TreeMap<>());
        if (seg.length == 1 && method.equals("GET")) {
            listCalls.incrementAndGet();
            List<Map<String, Object>> all = new ArrayList<>(items.values());
            String skip = r.getUrl().queryParameter("$skiptoken");
            int from = skip == null ? 0 : Integer.parseInt(skip);
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
                case "start" -> setState(name, "Started");
                case "stop" -> setState(name, "Stopped");
                default -> {
                    return error(404, "NotFound", seg[2]);
                }
            }
            return new MockResponse.Builder().code(202)
                    .setHeader("Azure-AsyncOperation", server.url("/operations/" + calls.get()) + "?api-version=2018-06-01")
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
                Map<String, Object> stored = new java.util.LinkedHashMap<>();
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
                for (Map<String, Map<String, Object>> c : store.values()) {
                    for (Map<String, Object> other : c.values()) {
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
            return createServerSocket(port, 50, null);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return createServerSocket(port, backlog, null);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            ServerSocket socket = createServerSocket();
            socket.bind(new java.net.InetSocketAddress(address, port), backlog);
            return socket;
        }
    }
}
