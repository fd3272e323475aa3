package io.dataops4j.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Json;
import io.dataops4j.core.error.DeserializationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    private final io.dataops4j.core.json.Json json = io.dataops4j.core.json.Json.shared();

    public enum LifeCycle { PENDING, RUNNING, @Json(name = "TERMINATED") DONE, UNKNOWN }

    public enum Strict { A, B }

    public record Experiment(@Json(name = "experiment_id") String experimentId,
                             @Json(name = "creation_time") @EpochMillis Instant creationTime,
                             @Json(name = "last_update_time") @EpochMillis Instant lastUpdateTime,
                             Integer count) {
    }

    public record Deployment(String name, Instant createdOn, OffsetDateTime modifiedOn, LocalDate day) {
    }

    public record Run(@Json(name = "run_id") long runId, LifeCycle state) {
    }

    public record Job(String name, List<Run> tasks) {
    }

    public record StrictHolder(Strict value) {
    }

    public record Connection(String name, RawJson params) {
    }

    @Test
    void recordsWithEpochMillis() {
        Experiment e = json.fromJson("{\"experiment_id\":\"7\",\"creation_time\":1700000000123,\"last_update_time\":\"1700000000456\","
                + "\"unknown_field\":{\"ignored\":[1,2]}}", Experiment.class);
        assertEquals("7", e.experimentId());
        assertEquals(Instant.ofEpochMilli(1700000000123L), e.creationTime());
        assertEquals(Instant.ofEpochMilli(1700000000456L), e.lastUpdateTime(), "numeric strings are read too");
        assertNull(e.count());
        assertEquals("{\"experiment_id\":\"7\",\"creation_time\":1700000000123,\"last_update_time\":1700000000456}", json.toJson(e),
                "epoch millis are written as numbers; nulls are left out");
    }

    @Test
    void isoInstantsWithAnyOffset() {
        Deployment d = json.fromJson("{\"name\":\"x\",\"createdOn\":\"2024-03-01T10:15:30.123+01:00\","
                + "\"modifiedOn\":\"2024-03-01T10:15:30Z\",\"day\":\"2024-03-01\"}", Deployment.class);
        assertEquals(Instant.parse("2024-03-01T09:15:30.123Z"), d.createdOn());
        assertEquals(OffsetDateTime.parse("2024-03-01T10:15:30Z"), d.modifiedOn());
        assertEquals(LocalDate.of(2024, 3, 1), d.day());
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"),
                json.fromJson("{\"createdOn\":\"2024-03-01T00:00:00.0000000Z\"}", Deployment.class).createdOn(), "seven fraction digits (.NET)");
        String out = json.toJson(new Deployment("x", Instant.parse("2024-03-01T09:15:30Z"), null, null));
        assertEquals("{\"name\":\"x\",\"createdOn\":\"2024-03-01T09:15:30Z\"}", out);
        DeserializationException bad = assertThrows(DeserializationException.class,
                () -> json.fromJson("{\"createdOn\":\"yesterday\"}", Deployment.class));
        assertTrue(bad.getMessage().contains("$.createdOn"), bad.getMessage());
    }

    @Test
    void enumsFallBackToUnknown() {
        assertEquals(LifeCycle.RUNNING, json.fromJson("{\"run_id\":1,\"state\":\"RUNNING\"}", Run.class).state());
        assertEquals(LifeCycle.DONE, json.fromJson("{\"run_id\":1,\"state\":\"TERMINATED\"}", Run.class).state(), "@Json names");
        assertEquals(LifeCycle.PENDING, json.fromJson("{\"run_id\":1,\"state\":\"pending\"}", Run.class).state(), "case-insensitive");
        assertEquals(LifeCycle.UNKNOWN, json.fromJson("{\"run_id\":1,\"state\":\"BLOCKED\"}", Run.class).state());
        assertNull(json.fromJson("{\"run_id\":1,\"state\":null}", Run.class).state());
        assertEquals("{\"run_id\":1,\"state\":\"TERMINATED\"}", json.toJson(new Run(1, LifeCycle.DONE)));
    }

    @Test
    void enumsWithoutUnknownFailNamingThePath() {
        DeserializationException e = assertThrows(DeserializationException.class,
                () -> json.fromJson("{\"value\":\"C\"}", StrictHolder.class));
        assertTrue(e.getMessage().contains("$.value"), e.getMessage());
        assertTrue(e.getMessage().contains("StrictHolder"), e.getMessage());
    }

    @Test
    void deserializationErrorsNameTheJsonPath() {
        DeserializationException e = assertThrows(DeserializationException.class,
                () -> json.fromJson("{\"name\":\"j\",\"tasks\":[{\"run_id\":1},{\"run_id\":\"abc\"}]}", Job.class));
        assertTrue(e.getMessage().contains("$.tasks[1].run_id"), e.getMessage());
        DeserializationException missing = assertThrows(DeserializationException.class,
                () -> json.fromJson("{\"name\":\"j\",\"tasks\":[{\"state\":\"RUNNING\"}]}", Job.class));
        // Moshi names the missing JSON key and the array (its index has already moved on when a record is complete)
        assertTrue(missing.getMessage().contains("'run_id'") && missing.getMessage().contains("$.tasks["), missing.getMessage());
        DeserializationException syntax = assertThrows(DeserializationException.class, () -> json.fromJson("{\"name\":}", Job.class));
        assertTrue(syntax.getMessage().contains("$.name"), syntax.getMessage());
    }

    @Test
    void rawJsonRoundTripsUntouched() {
        String params = "{\"z\":1,\"a\":12345678901234567890123456789,\"f\":1.10,\"e\":1e400,\"s\":\"\\u00e9\",\"n\":null,\"l\":[3,2,1]}";
        String doc = "{\"name\":\"pg\",\"params\":" + params + "}";
        Connection c = json.fromJson(doc, Connection.class);
        assertEquals(params, c.params().json(), "numbers keep their digits, keys their order, escapes their form");
        assertEquals(doc, json.toJson(c));
        assertEquals(List.of("z", "a", "f", "s"), List.copyOf(RawJson.of("{\"z\":1,\"a\":2,\"f\":1.10,\"s\":\"t\"}").asMap().keySet()),
                "the map view keeps the key order too");
        assertEquals("pg", RawJson.of(doc).as(Connection.class).name());
        assertEquals(List.of(1L, 2L), RawJson.of("[1,2]").value(), "integers stay integers");
        RawJson exact = RawJson.of("{\"big\":12345678901234567890123456789,\"n\":2000000,\"f\":1.10}");
        assertEquals(exact.json(), RawJson.from(exact.value()).json(), "the plain-object view keeps every digit");
        assertThrows(IllegalStateException.class, () -> RawJson.of("[1,2]").asMap());
        assertThrows(DeserializationException.class, () -> RawJson.of("{oops"));
        assertEquals("{\"a\":[1,true]}", RawJson.from(Map.of("a", List.of(1, true))).json());
        assertNull(json.fromJson("{\"name\":\"pg\",\"params\":null}", Connection.class).params());
    }

    @Test
    void rawJsonTopLevelAndInLists() {
        List<RawJson> items = json.fromJson("[{\"b\":2,\"a\":1}, 7, \"x\"]", io.dataops4j.core.json.Json.listOf(RawJson.class));
        assertEquals(List.of(new RawJson("{\"b\":2,\"a\":1}"), new RawJson("7"), new RawJson("\"x\"")), items);
    }

    @Test
    void rawJsonToStringMasksSecrets() {
        RawJson conn = new RawJson("{\"user\":\"svc\",\"password\":\"pw-in-raw-json-1\"}");
        assertFalse(conn.toString().contains("pw-in-raw-json-1"), conn.toString());
        assertTrue(conn.json().contains("pw-in-raw-json-1"), "the value itself is untouched");
    }

    @Test
    void genericTypesAndStreams() {
        Map<String, Run> runs = json.fromJson(new ByteArrayInputStream("{\"a\":{\"run_id\":5}}".getBytes(StandardCharsets.UTF_8)),
                io.dataops4j.core.json.Json.mapOf(Run.class), "runs.json");
        assertEquals(5, runs.get("a").runId());
        DeserializationException e = assertThrows(DeserializationException.class, () -> json.fromJson(
                new ByteArrayInputStream("{\"a\":[]}".getBytes(StandardCharsets.UTF_8)), io.dataops4j.core.json.Json.mapOf(Run.class), "runs.json"));
        assertTrue(e.getMessage().startsWith("cannot read runs.json as "), e.getMessage());
        assertTrue(e.getMessage().contains("$.a"), e.getMessage());
    }

    @Test
    void prettyAndPlainOutput() {
        assertEquals("{\n  \"run_id\": 3\n}", json.toPrettyJson(new Run(3, null)));
        assertEquals("null", json.toJson(null));
        assertEquals("[1,2]", json.toJson(List.of(1, 2)));
    }

    public record Point(String key, double value, long step) {
    }

    @Test
    void nonFiniteDoublesTravelAsProtobufStrings() {
        Point nan = json.fromJson("{\"key\":\"loss\",\"value\":\"NaN\",\"step\":1}", Point.class);
        assertTrue(Double.isNaN(nan.value()));
        assertEquals(Double.NEGATIVE_INFINITY, json.fromJson("{\"key\":\"k\",\"value\":\"-Infinity\",\"step\":0}", Point.class).value());
        assertEquals("{\"key\":\"k\",\"value\":\"Infinity\",\"step\":2}", json.toJson(new Point("k", Double.POSITIVE_INFINITY, 2)));
        assertEquals("\"NaN\"", json.toJson(Double.NaN));
        assertEquals(List.of(new Point("a", Double.NaN, 0), new Point("b", 0.5, 1)),
                json.fromJson(json.toJson(List.of(new Point("a", Double.NaN, 0), new Point("b", 0.5, 1))), io.dataops4j.core.json.Json.listOf(Point.class)),
                "they round-trip");
        DeserializationException bare = assertThrows(DeserializationException.class,
                () -> json.fromJson("{\"key\":\"k\",\"value\":NaN,\"step\":0}", Point.class));
        assertTrue(bare.getMessage().contains("$.value"), "a bare NaN is not JSON: " + bare.getMessage());
        DeserializationException missing = assertThrows(DeserializationException.class,
                () -> json.fromJson("{\"key\":\"k\",\"value\":1}", Point.class));
        assertTrue(missing.getMessage().contains("Required value 'step' missing at $"), missing.getMessage());
    }

    @Test
    void parseValueRejectsTrailingData() {
        assertThrows(DeserializationException.class, () -> json.parseValue("{} {}"));
        assertEquals(Map.of("a", 1L), json.parseValue(" {\"a\":1} "));
        assertThrows(DeserializationException.class, () -> json.parseValue("{\"a\":1,\"a\":2}"), "duplicate keys are an error");
    }
}
