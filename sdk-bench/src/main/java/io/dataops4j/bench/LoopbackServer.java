package io.dataops4j.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The JDK's HTTP server on a free loopback port, answering {@code GET /api/2.2/jobs/runs/get?run_id=...} with a
 * fixed body, with keep-alive and TCP_NODELAY. It checks every request (method, path, query, bearer token) and
 * counts the ones it refuses with 404, so that a stack sending something else fails loudly instead of being
 * measured on an error path. Its threads are named {@code bench-server-*} (and the JDK's
 * {@code HTTP-Dispatcher}), so that their CPU time can be told apart from the client's.
 */
final class LoopbackServer implements AutoCloseable {
    static final String PATH = "/api/2.2/jobs/runs/get";

    static {
        // read once, when the JDK's server configuration is first loaded; without it every keep-alive answer
        // waits about 40 ms for the client's delayed ACK (Nagle's algorithm)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] body;
    private final String expectedQuery;
    private final String expectedAuthorization;
    private final LongAdder served = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    private LoopbackServer(byte[] body, long runId, String token) throws IOException {
        this.body = body.clone();
        this.expectedQuery = "run_id=" + runId;
        this.expectedAuthorization = "Bearer " + token;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server that answers {@code run_id=runId} with {@code body} to {@code Authorization: Bearer token}. */
    static LoopbackServer start(byte[] body, long runId, String token) throws IOException {
        return new LoopbackServer(body, runId, token);
    }

    /** The base URL, {@code http://127.0.0.1:port} (no trailing slash). */
    String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** How many runs/get answers were served. */
    long served() {
        return served.sum();
    }

    /** The requests refused with 404, by "METHOD path". */
    Map<String, Long> refused() {
        Map<String, Long> m = new TreeMap<>();
        refused.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** How many distinct client connections (source ports) were seen: a few means keep-alive worked. */
    int connections() {
        return clientPorts.size();
    }

    static boolean isServerThread(String threadName) {
        return threadName.startsWith("bench-server-") || threadName.equals("HTTP-Dispatcher");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            URI uri = exchange.getRequestURI();
            if (exchange.getRequestMethod().equals("GET") && PATH.equals(uri.getRawPath())
                    && expectedQuery.equals(uri.getRawQuery())
                    && expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                served.increment();   // before answering, so that a caller that has the answer sees the count
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } else {
                refused.computeIfAbsent(exchange.getRequestMethod() + " " + uri.getRawPath(), k -> new LongAdder()).increment();
                exchange.sendResponseHeaders(404, -1);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
