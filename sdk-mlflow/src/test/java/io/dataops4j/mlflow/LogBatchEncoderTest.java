package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.json.Json;
import io.dataops4j.mlflow.internal.LogBatchEncoder;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogBatchEncoderTest {

    private static String body(LogBatchEncoder.Request r) throws IOException {
        try (InputStream in = r.body().open()) {
            byte[] bytes = in.readAllBytes();
            assertEquals(r.body().length(), bytes.length, "declared length");
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> section(Map<String, Object> json, String name) {
        Object v = json.get(name);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    @Test
    @SuppressWarnings("unchecked")
    void splitsWithinEveryLimitAndKeepsMetricOrder() throws IOException {
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 3500; i++) {
            metrics.add(Metric.of("loss", 1.0 / (i + 1), 1_700_000_000_000L + i, i));
        }
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            params.add(Param.of("p" + i, "x".repeat(3000)));       // 250 * ~3 KB: the byte limit bites too
        }
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            tags.add(Tag.of("t" + i, "välue-" + i));
        }
        LogBatchEncoder enc = new LogBatchEncoder("run-1", metrics, params, tags, LogBatchEncoder.Limits.MLFLOW);
        List<Double> seenMetricValues = new ArrayList<>();
        List<Long> seenSteps = new ArrayList<>();
        int requests = 0;
        int paramCount = 0;
        int tagCount = 0;
        while (enc.hasNext()) {
            LogBatchEncoder.Request r = enc.next();
            requests++;
            String text = body(r);
            assertTrue(text.getBytes(StandardCharsets.UTF_8).length <= 1_000_000, "request over 1 MB");
            Map<String, Object> json = (Map<String, Object>) Json.shared().parseValue(text);
            assertEquals("run-1", json.get("run_id"));
            List<Map<String, Object>> m = section(json, "metrics");
            List<Map<String, Object>> p = section(json, "params");
            List<Map<String, Object>> t = section(json, "tags");
            assertEquals(r.metrics(), m.size());
            assertEquals(r.params(), p.size());
            assertEquals(r.tags(), t.size());
            assertTrue(m.size() <= 1000 && p.size() <= 100 && t.size() <= 100 && m.size() + p.size() + t.size() <= 1000,
                    "counts within limits: " + m.size() + "/" + p.size() + "/" + t.size());
            for (Map<String, Object> x : m) {
                seenMetricValues.add(((Number) x.get("value")).doubleValue());
                seenSteps.add(((Number) x.get("step")).longValue());
            }
            paramCount += p.size();
            tagCount += t.size();
            if (!t.isEmpty()) {
                assertTrue(t.get(0).get("value").toString().startsWith("välue-"), "unicode survives");
            }
        }
        assertEquals(250, paramCount);
        assertEquals(130, tagCount);
        assertEquals(3500, seenSteps.size());
        for (int i = 0; i < 3500; i++) {
            assertEquals(i, seenSteps.get(i), "metric order kept");
            assertEquals(1.0 / (i + 1), seenMetricValues.get(i), 1e-15);
        }
        // 250 params of ~3 KB need at least 3 requests by count and 1 MB / 3 KB = ~330 per request by size
        assertTrue(requests >= 4, "3500 metrics need at least 4 requests, got " + requests);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSmallByteLimitSplitsByBytesAlone() throws IOException {
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            metrics.add(Metric.of("m", i, 1000L + i, i));
        }
        LogBatchEncoder enc = new LogBatchEncoder("r", metrics, List.of(), List.of(), new LogBatchEncoder.Limits(1000, 100, 100, 1000, 400));
        long total = 0;
        long expectStep = 0;
        int requests = 0;
        while (enc.hasNext()) {
            LogBatchEncoder.Request r = enc.next();
            String text = body(r);
            assertTrue(text.length() <= 400, "size " + text.length());
            for (Map<String, Object> x : section((Map<String, Object>) Json.shared().parseValue(text), "metrics")) {
                assertEquals(expectStep++, ((Number) x.get("step")).longValue());
            }
            total += r.metrics();
            requests++;
        }
        assertEquals(50, total);
        assertTrue(requests > 5, "a 400-byte limit forces many requests, got " + requests);
    }

    @Test
    void escapesAndEncodesLikeJson() throws IOException {
        String key = "quote\" back\\slash \n tab\t ctl\u0001 emoji\uD83D\uDE00 日本";
        LogBatchEncoder enc = new LogBatchEncoder("r", List.of(Metric.of(key, Double.NaN, 1, 2),
                Metric.of("inf", Double.NEGATIVE_INFINITY, 1, 2), Metric.of("small", 1.5e-300, 1, 2)),
                List.of(Param.of(key, key)), List.of(Tag.of("t", null)), LogBatchEncoder.Limits.MLFLOW);
        String text = body(enc.next());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.shared().parseValue(text);
        List<Map<String, Object>> m = section(json, "metrics");
        assertEquals(key, m.get(0).get("key"));
        assertEquals("NaN", m.get(0).get("value"));
        assertEquals("-Infinity", m.get(1).get("value"));
        assertEquals(1.5e-300, ((Number) m.get(2).get("value")).doubleValue());
        assertEquals(key, section(json, "params").get(0).get("value"));
        assertEquals(Map.of("key", "t"), section(json, "tags").get(0));
    }

    @Test
    void anItemLargerThanARequestIsRefusedWithItsKey() {
        LogBatchEncoder enc = new LogBatchEncoder("r", List.of(), List.of(Param.of("huge", "x".repeat(2000))), List.of(),
                new LogBatchEncoder.Limits(1000, 100, 100, 1000, 1000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, enc::next);
        assertTrue(e.getMessage().contains("huge"), e.getMessage());
    }
}
