package io.dataops4j.databricks.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.TestSupport;
import io.dataops4j.databricks.sql.StatementRequest.Disposition;
import io.dataops4j.databricks.sql.StatementRequest.Format;
import io.dataops4j.testkit.Faults;
import io.dataops4j.testkit.FixtureDispatcher;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementsTest {
    @TempDir
    Path home;

    private static final String COLUMNS = """
            {"column_count": 8, "columns": [
              {"name": "id", "position": 0, "type_name": "LONG", "type_text": "BIGINT"},
              {"name": "name", "position": 1, "type_name": "STRING", "type_text": "STRING"},
              {"name": "n", "position": 2, "type_name": "INT", "type_text": "INT"},
              {"name": "ratio", "position": 3, "type_name": "DOUBLE", "type_text": "DOUBLE"},
              {"name": "amount", "position": 4, "type_name": "DECIMAL", "type_text": "DECIMAL(10,2)", "type_precision": 10, "type_scale": 2},
              {"name": "ok", "position": 5, "type_name": "BOOLEAN", "type_text": "BOOLEAN"},
              {"name": "day", "position": 6, "type_name": "DATE", "type_text": "DATE"},
              {"name": "at", "position": 7, "type_name": "TIMESTAMP", "type_text": "TIMESTAMP"}]}""";

    /** Rows of chunk c: ids c*1000 .. c*1000+999. */
    private static String chunkBody(int c) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            long id = c * 1000L + i;
            sb.append(i == 0 ? "" : ",").append("[\"").append(id).append("\",")
                    .append(id % 7 == 0 ? "null" : "\"name \\\"" + id + "\\\" \\u00e9\"").append(",\"").append(i).append("\",\"0.5\",\"12.34\",\"true\",")
                    .append("\"2026-01-31\",\"2026-01-31T03:04:05.123Z\"]");
        }
        return sb.append(']').toString();
    }

    /**
     * A workspace whose statement has 3 EXTERNAL_LINKS chunks: chunk 0's link has expired already, chunk 1's link is
     * refused once (403, as cloud storage answers an expired signature), chunk 2's link comes from the chunk endpoint.
     */
    private static final class Workspace extends Dispatcher {
        final List<RecordedRequest> linkRequests = new CopyOnWriteArrayList<>();
        final List<String> chunkCalls = new CopyOnWriteArrayList<>();
        final AtomicInteger refused = new AtomicInteger();
        final String base;

        Workspace(String base) {
            this.base = base;
        }

        String link(int c, int version, String expiration) {
            return "{\"external_link\":\"" + base + "links/" + c + "?v=" + version + "&sig=Zm9vYmFyYmF6cXV4MTIzNDU2\","
                    + "\"expiration\":\"" + expiration + "\",\"chunk_index\":" + c + ",\"row_offset\":" + c * 1000
                    + ",\"row_count\":1000,\"http_headers\":{\"x-ms-blob-type\":\"BlockBlob\"}}";
        }

        @Override
        public MockResponse dispatch(RecordedRequest r) {
            String path = r.getUrl().encodedPath();
            if (path.equals("/api/2.0/sql/statements") && r.getMethod().equals("POST")) {
                return Faults.json(200, "{\"statement_id\":\"s1\",\"status\":{\"state\":\"RUNNING\"}}");
            }
            if (path.equals("/api/2.0/sql/statements/s1")) {
                return Faults.json(200, "{\"statement_id\":\"s1\",\"status\":{\"state\":\"SUCCEEDED\"},\"manifest\":{\"format\":"
                        + "\"JSON_ARRAY\",\"schema\":" + COLUMNS + ",\"total_chunk_count\":3,\"total_row_count\":3000,"
                        + "\"truncated\":false},\"result\":{\"external_links\":[" + link(0, 1, "2025-12-31T23:50:00Z") + "]}}");
            }
            if (path.startsWith("/api/2.0/sql/statements/s1/result/chunks/")) {
                int c = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                chunkCalls.add(c + "");
                return Faults.json(200, "{\"external_links\":[" + link(c, 2, "2026-01-01T00:15:00Z") + "]}");
            }
            if (path.startsWith("/links/")) {
                linkRequests.add(r);
                int c = Integer.parseInt(path.substring("/links/".length()));
                String v = r.getUrl().queryParameter("v");
                if (c == 0 && v.equals("1")) {
                    return Faults.json(500, "{\"error\":\"an expired link must not be used\"}");
                }
                if (c == 1 && refused.getAndIncrement() == 0) {
                    return new MockResponse.Builder().code(403).body("<Error><Code>AuthenticationFailed</Code></Error>").build();
                }
                return Faults.json(200, chunkBody(c));
            }
            return Faults.json(404, "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"" + path + "\"}");
        }
    }

    @Test
    void externalLinksAreStreamedWithoutAuthorizationAndExpiredLinksReplaced() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            Workspace ws = new Workspace(server.url("/").toString());
            server.setDispatcher(ws);
            TestSupport.FakeClock clock = TestSupport.clock();
            DatabricksClient dbx = TestSupport.client(server, home, clock);
            List<Long> ids = new ArrayList<>();
            Row first;
            try (StatementResult r = dbx.sql().statements().withDownloadParallelism(2).execute(
                    StatementRequest.builder("wh", "SELECT *").disposition(Disposition.EXTERNAL_LINKS).build())) {
                assertEquals(3000, r.totalRowCount());
                assertEquals(3, r.chunkCount());
                first = r.rows().findFirst().orElseThrow();
                for (Row row : r) {
                    ids.add(row.getLongValue("id"));
                }
            }
            assertEquals(3000, ids.size());
            for (int i = 0; i < 3000; i++) {
                assertEquals(i, ids.get(i));
            }
            assertNull(first.getString("name"), "id 0 has a null name");
            for (RecordedRequest link : ws.linkRequests) {
                assertNull(link.getHeaders().get("Authorization"), "external links are fetched without the credential");
                assertEquals("BlockBlob", link.getHeaders().get("x-ms-blob-type"));
            }
            assertTrue(ws.linkRequests.stream().noneMatch(l -> l.getUrl().encodedPath().equals("/links/0")
                    && "1".equals(l.getUrl().queryParameter("v"))), "the expired link of chunk 0 was never used");
            assertTrue(ws.chunkCalls.contains("0") && ws.chunkCalls.contains("1") && ws.chunkCalls.contains("2"), ws.chunkCalls.toString());
            assertTrue(ws.refused.get() >= 2, "chunk 1's refused link was replaced and fetched again");
        }
    }

    @Test
    void typedGetters() {
        java.util.Map<String, Integer> idx = new java.util.HashMap<>();
        String[] names = {"id", "name", "n", "ratio", "amount", "ok", "day", "at"};
        for (int i = 0; i < names.length; i++) {
            idx.put(names[i], i);
        }
        Row row = new Row(new String[] {"9007199254740993", "x", "42", "0.25", "12345678.91", "true", "2026-01-31",
                "2026-01-31T03:04:05.123Z"}, idx, names);
        assertEquals(9007199254740993L, row.getLongValue("id"));
        assertEquals(42, row.getInt("n"));
        assertEquals(0.25, row.getDouble("ratio"));
        assertEquals(new BigDecimal("12345678.91"), row.getDecimal("amount"));
        assertEquals(Boolean.TRUE, row.getBoolean("ok"));
        assertEquals(LocalDate.of(2026, 1, 31), row.getDate("day"));
        assertEquals(Instant.parse("2026-01-31T03:04:05.123Z"), row.getTimestamp("at"));
        assertEquals(Instant.parse("2026-01-31T03:04:05Z"),
                new Row(new String[] {"2026-01-31 03:04:05"}, java.util.Map.of("t", 0), new String[] {"t"}).getTimestamp(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> row.getInt("name"));
        assertEquals("column 'name': 'x' is not an int", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> row.getString("missing"));
        Row nulls = new Row(new String[] {null}, java.util.Map.of("v", 0), new String[] {"v"});
        assertTrue(nulls.isNull("v"));
        assertNull(nulls.getLong("v"));
        assertNull(nulls.getDecimal("v"));
        assertNull(nulls.getTimestamp("v"));
        assertThrows(NullPointerException.class, () -> nulls.getLongValue("v"));
    }

    @Test
    void inlineResultsReadEveryChunkLazily() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "execute", "when": {"method": "POST", "path": "/api/2.0/sql/statements",
                   "body": {"statement": "SELECT id, name FROM t", "warehouse_id": "wh", "wait_timeout": "30s"}},
                  "then": {"body": {"statement_id": "i1", "status": {"state": "SUCCEEDED"},
                    "manifest": {"format": "JSON_ARRAY", "schema": {"column_count": 2, "columns": [{"name": "id", "position": 0, "type_name": "LONG"},
                      {"name": "name", "position": 1, "type_name": "STRING"}]}, "total_chunk_count": 3, "total_row_count": 4},
                    "result": {"chunk_index": 0, "row_offset": 0, "row_count": 2, "data_array": [["1", "a"], ["2", null]], "next_chunk_index": 1}}}},
                 {"name": "chunk 1", "when": {"method": "GET", "path": "/api/2.0/sql/statements/i1/result/chunks/1"},
                  "then": {"body": {"chunk_index": 1, "row_offset": 2, "row_count": 0, "data_array": [], "next_chunk_index": 2}}},
                 {"name": "chunk 2", "when": {"method": "GET", "path": "/api/2.0/sql/statements/i1/result/chunks/2"},
                  "then": {"body": {"chunk_index": 2, "row_offset": 2, "row_count": 2, "data_array": [["3", "c"], ["4", "d"]]}}}]""").build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            try (StatementResult r = dbx.sql().statements().execute(StatementRequest.builder("wh", "SELECT id, name FROM t")
                    .waitTimeout(Duration.ofSeconds(30)).build())) {
                assertEquals(1, fixtures.requestCount(), "no chunk fetched before the rows are read");
                List<String> rows = r.rows().map(x -> x.getLong("id") + ":" + x.getString("name")).toList();
                assertEquals(List.of("1:a", "2:null", "3:c", "4:d"), rows);
                assertThrows(IllegalStateException.class, () -> r.download(new ByteArrayOutputStream()));
            }
            fixtures.assertAllMatched();
            fixtures.assertAllUsed();
        }
    }

    @Test
    void aFailedStatementCarriesSqlStateAndMessage() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "execute", "when": {"method": "POST", "path": "/api/2.0/sql/statements"},
                  "then": {"body": {"statement_id": "f1", "status": {"state": "PENDING"}}}},
                 {"name": "get", "when": {"method": "GET", "path": "/api/2.0/sql/statements/f1"},
                  "then": [{"body": {"statement_id": "f1", "status": {"state": "RUNNING"}}},
                           {"body": {"statement_id": "f1", "status": {"state": "FAILED", "sql_state": "42P01",
                              "error": {"error_code": "BAD_REQUEST", "message": "[TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found."}}}}]}]""").build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            StatementFailedException e = assertThrows(StatementFailedException.class,
                    () -> dbx.sql().statements().execute(StatementRequest.of("wh", "SELECT * FROM nope")));
            assertEquals("42P01", e.sqlState());
            assertEquals("BAD_REQUEST", e.errorCode());
            assertEquals("f1", e.statementId());
            assertEquals("statement f1 failed: BAD_REQUEST: [TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found. "
                    + "(SQLSTATE 42P01)", e.getMessage());
        }
    }

    @Test
    void rawCsvDownloadStreamsChunksInOrder() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            String base = server.url("/").toString();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    String path = r.getUrl().encodedPath();
                    if (path.equals("/api/2.0/sql/statements")) {
                        return Faults.json(200, "{\"statement_id\":\"c1\",\"status\":{\"state\":\"SUCCEEDED\"},\"manifest\":{\"format\":\"CSV\","
                                + "\"total_chunk_count\":2},\"result\":{\"external_links\":[{\"external_link\":\"" + base + "csv/0\","
                                + "\"expiration\":\"2026-01-01T00:15:00Z\",\"chunk_index\":0}]}}");
                    }
                    if (path.equals("/api/2.0/sql/statements/c1/result/chunks/1")) {
                        return Faults.json(200, "{\"external_links\":[{\"external_link\":\"" + base + "csv/1\",\"expiration\":"
                                + "\"2026-01-01T00:15:00Z\",\"chunk_index\":1}]}");
                    }
                    if (path.startsWith("/csv/")) {
                        return new MockResponse.Builder().code(200).body(path.endsWith("0") ? "id,name\n1,a\n" : "2,b\n").build();
                    }
                    return Faults.status(404);
                }
            });
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (StatementResult r = dbx.sql().statements().execute(StatementRequest.builder("wh", "SELECT 1")
                    .disposition(Disposition.EXTERNAL_LINKS).format(Format.CSV).build())) {
                assertEquals(16, r.download(out));
                assertThrows(UnsupportedOperationException.class, r::iterator);
            }
            assertEquals("id,name\n1,a\n2,b\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void requestsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> StatementRequest.builder("wh", "x").waitTimeout(Duration.ofSeconds(51)));
        assertThrows(IllegalArgumentException.class, () -> StatementRequest.builder("wh", "x").waitTimeout(Duration.ofSeconds(3)));
        StatementRequest.builder("wh", "x").waitTimeout(Duration.ZERO).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatementRequest.builder("wh", "x").format(Format.ARROW_STREAM).build());
        assertTrue(e.getMessage().contains("INLINE results are JSON_ARRAY only"));
    }

    @Test
    void jsonRowsReadEscapesNullsAndEmptyChunks() {
        List<String[]> rows = io.dataops4j.databricks.internal.JsonRows.all(
                "[[\"a\\\"b\",null,\"\\u00e9\\n\"],[\"x\"]]".getBytes(StandardCharsets.UTF_8), 3);
        assertArrayEquals(new String[] {"a\"b", null, "\u00e9\n"}, rows.get(0));
        assertArrayEquals(new String[] {"x"}, rows.get(1));
        assertFalse(new io.dataops4j.databricks.internal.JsonRows("[]".getBytes(StandardCharsets.UTF_8), 1).hasNext());
        assertFalse(new io.dataops4j.databricks.internal.JsonRows(new byte[0], 1).hasNext());
    }
}
