package io.dataops4j.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback Statement Execution API for one statement whose JSON_ARRAY result comes in {@code chunks} EXTERNAL_LINKS
 * chunks of {@code rowsPerChunk} rows: {@code POST /api/2.0/sql/statements} answers SUCCEEDED with the manifest and
 * chunk 0's link, {@code GET .../result/chunks/{i}} answers chunk i's link, and {@code GET /links/{i}} (no
 * Authorization expected, as cloud storage) serves the chunk's rows. Every chunk has the same bytes (built once),
 * so the server's own memory does not grow with the result; its threads are named {@code bench-server-*} so that
 * their CPU is counted apart from the clients'.
 */
final class StatementServer implements AutoCloseable {
    static final String STATEMENT_ID = "01ef-bench";

    private final HttpServer server;
    private final ExecutorService executor;
    private final int chunks;
    private final int rowsPerChunk;
    private final byte[] chunkBody;
    private final String token;
    final LongAdder linkRequests = new LongAdder();
    final LongAdder linkRequestsWithAuthorization = new LongAdder();
    final LongAdder refused = new LongAdder();

    StatementServer(int chunks, int rowsPerChunk, String token) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.chunks = chunks;
        this.rowsPerChunk = rowsPerChunk;
        this.token = token;
        this.chunkBody = rows(rowsPerChunk);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(6, r -> {
            Thread t = new Thread(r, "bench-server-stmt-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Rows {@code ["<i>", "name-<i>", "<i*0.5>", "2026-01-31T03:04:05.123Z"]}: a BIGINT, a STRING, a DOUBLE, a TIMESTAMP. */
    static byte[] rows(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(n * 64);
        StringBuilder sb = new StringBuilder(128);
        out.write('[');
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("[\"").append(i).append("\",\"name-").append(i).append("\",\"").append(i * 0.5)
                    .append("\",\"2026-01-31T03:04:05.123Z\"]");
            out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        out.write(']');
        return out.toByteArray();
    }

    /** The sum of the first column over one chunk, for checksums. */
    long idSumPerChunk() {
        return (long) rowsPerChunk * (rowsPerChunk - 1) / 2;
    }

    long totalRows() {
        return (long) chunks * rowsPerChunk;
    }

    int chunkBytes() {
        return chunkBody.length;
    }

    String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    private String link(int i) {
        return "{\"external_link\":\"" + baseUrl() + "/links/" + i + "?sig=bench-signature-0123456789\","
                + "\"expiration\":\"2999-01-01T00:00:00Z\",\"chunk_index\":" + i + ",\"row_offset\":" + (long) i * rowsPerChunk
                + ",\"row_count\":" + rowsPerChunk + ",\"byte_count\":" + chunkBody.length
                + (i + 1 < chunks ? ",\"next_chunk_index\":" + (i + 1) : "") + "}";
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getRawPath();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (path.startsWith("/links/")) {
                linkRequests.increment();
                if (auth != null) {
                    linkRequestsWithAuthorization.increment();
                }
                send(ex, chunkBody);
                return;
            }
            if (!("Bearer " + token).equals(auth)) {
                refused.increment();
                ex.sendResponseHeaders(401, -1);
                return;
            }
            if (path.equals("/api/2.0/sql/statements") && ex.getRequestMethod().equals("POST")) {
                ex.getRequestBody().readAllBytes();
                StringBuilder chunkInfos = new StringBuilder();
                for (int i = 0; i < chunks; i++) {
                    chunkInfos.append(i == 0 ? "" : ",").append("{\"chunk_index\":").append(i).append(",\"row_offset\":")
                            .append((long) i * rowsPerChunk).append(",\"row_count\":").append(rowsPerChunk).append('}');
                }
                String body = "{\"statement_id\":\"" + STATEMENT_ID + "\",\"status\":{\"state\":\"SUCCEEDED\"},"
                        + "\"manifest\":{\"format\":\"JSON_ARRAY\",\"schema\":{\"column_count\":4,\"columns\":["
                        + "{\"name\":\"id\",\"position\":0,\"type_name\":\"LONG\",\"type_text\":\"BIGINT\"},"
                        + "{\"name\":\"name\",\"position\":1,\"type_name\":\"STRING\",\"type_text\":\"STRING\"},"
                        + "{\"name\":\"score\",\"position\":2,\"type_name\":\"DOUBLE\",\"type_text\":\"DOUBLE\"},"
                        + "{\"name\":\"at\",\"position\":3,\"type_name\":\"TIMESTAMP\",\"type_text\":\"TIMESTAMP\"}]},"
                        + "\"total_chunk_count\":" + chunks + ",\"chunks\":[" + chunkInfos + "],\"total_row_count\":"
                        + totalRows() + ",\"truncated\":false},\"result\":{\"external_links\":[" + link(0) + "]}}";
                send(ex, body.getBytes(StandardCharsets.UTF_8));
                return;
            }
            String prefix = "/api/2.0/sql/statements/" + STATEMENT_ID + "/result/chunks/";
            if (path.startsWith(prefix) && ex.getRequestMethod().equals("GET")) {
                int i = Integer.parseInt(path.substring(prefix.length()));
                send(ex, ("{\"chunk_index\":" + i + ",\"external_links\":[" + link(i) + "]}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            refused.increment();
            ex.sendResponseHeaders(404, -1);
        } finally {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
