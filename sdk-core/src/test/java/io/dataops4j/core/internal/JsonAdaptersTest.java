package io.dataops4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import io.dataops4j.core.json.EpochMillis;
import io.dataops4j.core.json.RawJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * sdk-core's record reader against Moshi 1.15's own record adapter (same inputs, same values, same error messages),
 * the enum adapter, and doubles and floats with protobuf's non-finite strings.
 */
class JsonAdaptersTest {
    /** What Json uses. */
    private static final Moshi OURS = JsonAdapters.install(new Moshi.Builder()).build();
    /** The same adapters, but records read by Moshi's own adapter. */
    private static final Moshi MOSHI = JsonAdapters.install(new Moshi.Builder(), false).build();

    public enum State { PENDING, RUNNING, @Json(name = "TERMINATED") DONE, @Json(ignore = true) SKIPPED, UNKNOWN }

    public enum Strict { A, B }

    public record Task(@Json(name = "task_key") String taskKey, State state, @Json(name = "depends_on") List<String> dependsOn) {
    }

    public record Everything(@Json(name = "run_id") long runId,
                             int attempts,
                             double score,
                             float ratio,
                             boolean done,
                             char grade,
                             Long boxed,
                             Double boxedScore,
                             String name,
                             State state,
                             @Json(name = "start_time") @EpochMillis Instant startTime,
                             Instant created,
                             List<Task> tasks,
                             Map<String, String> tags,
                             RawJson raw,
                             BigDecimal amount,
                             int[] counts) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Everything e && runId == e.runId && attempts == e.attempts
                    && Double.compare(score, e.score) == 0 && Float.compare(ratio, e.ratio) == 0 && done == e.done
                    && grade == e.grade && Objects.equals(boxed, e.boxed) && Objects.equals(boxedScore, e.boxedScore)
                    && Objects.equals(name, e.name) && state == e.state && Objects.equals(startTime, e.startTime)
                    && Objects.equals(created, e.created) && Objects.equals(tasks, e.tasks) && Objects.equals(tags, e.tags)
                    && Objects.equals(raw, e.raw) && Objects.equals(amount, e.amount) && Arrays.equals(counts, e.counts);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(runId);
        }
    }

    public record Validated(String id, int size) {
        public Validated {
            Objects.requireNonNull(id, "id");
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative but was " + size);
            }
        }
    }

    public record Holder(List<Validated> items) {
    }

    public record Conflict(@Json(name = "x") String a, @Json(name = "x") String b) {
    }

    public record Generic<T>(List<T> values, String next) {
    }

    public record Empty() {
    }

    public record Metric(String key, double value, Float small, long step) {
    }

    public record StrictHolder(List<Strict> values) {
    }

    private static final String FULL = "{\"run_id\": 42, \"attempts\": 3, \"score\": 0.25, \"ratio\": 0.1, \"done\": true, \"grade\": \"A\","
            + " \"boxed\": 7, \"boxedScore\": -1.5e3, \"name\": \"nightly\", \"state\": \"TERMINATED\","
            + " \"start_time\": 1700000000123, \"created\": \"2024-03-01T10:15:30Z\","
            + " \"tasks\": [{\"task_key\": \"ingest\", \"state\": \"running\", \"depends_on\": [], \"extra\": {\"deep\": [1, {\"x\": null}]}},"
            + "           {\"task_key\": \"train\", \"state\": \"BLOCKED\", \"depends_on\": [\"ingest\"]}],"
            + " \"tags\": {\"team\": \"data\"}, \"raw\": {\"b\": 2, \"a\": 1.10}, \"amount\": 12345678901234567890.5,"
            + " \"counts\": [1, 2], \"unknown\": [true, false, \"x\"]}";

    private static <T> T read(Moshi moshi, Class<T> type, String json) throws IOException {
        return moshi.adapter(type).fromJson(json);
    }

    /** The message of what reading throws (any exception), to compare Moshi's with ours. */
    private static String failure(Moshi moshi, Class<?> type, String json) {
        Exception e = assertThrows(Exception.class, () -> read(moshi, type, json));
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Test
    void theFastReaderIsTheOneJsonUses() {
        assertTrue(OURS.adapter(Everything.class).toString().contains("RecordAdapter(Everything)"), OURS.adapter(Everything.class).toString());
        assertTrue(!MOSHI.adapter(Everything.class).toString().contains("RecordAdapter("), "the reference is Moshi's own");
    }

    @Test
    void readsEveryKindOfComponentAsMoshiDoes() throws IOException {
        Everything ours = read(OURS, Everything.class, FULL);
        assertEquals(read(MOSHI, Everything.class, FULL), ours);
        assertEquals(42L, ours.runId());
        assertEquals(State.DONE, ours.state(), "@Json names on constants");
        assertEquals(Instant.ofEpochMilli(1700000000123L), ours.startTime(), "qualifiers (@EpochMillis) are honoured");
        assertEquals(List.of(new Task("ingest", State.RUNNING, List.of()), new Task("train", State.UNKNOWN, List.of("ingest"))),
                ours.tasks(), "unknown keys skipped, however deep; enums case-insensitive with an UNKNOWN fallback");
        assertEquals("{\"b\": 2, \"a\": 1.10}", ours.raw().json());
        assertEquals(new BigDecimal("12345678901234567890.5"), ours.amount());
        assertEquals(OURS.adapter(Everything.class).toJson(ours), MOSHI.adapter(Everything.class).toJson(ours), "writing is Moshi's");
    }

    @Test
    void missingComponentsAreNullExceptPrimitivesWhichAreAnErrorAsInMoshi() throws IOException {
        String onlyPrimitives = "{\"run_id\": 1, \"attempts\": 0, \"score\": 0, \"ratio\": 0, \"done\": false, \"grade\": \"x\"}";
        Everything sparse = read(OURS, Everything.class, onlyPrimitives);
        assertEquals(read(MOSHI, Everything.class, onlyPrimitives), sparse);
        assertNull(sparse.boxed());
        assertNull(sparse.tasks());
        assertNull(sparse.state());
        for (String missing : List.of("{\"attempts\": 0, \"score\": 0, \"ratio\": 0, \"done\": false, \"grade\": \"x\"}",
                "{\"run_id\": 1, \"score\": 0, \"ratio\": 0, \"done\": false, \"grade\": \"x\"}",
                "{\"run_id\": 1, \"attempts\": 0, \"score\": 0, \"ratio\": 0, \"grade\": \"x\"}")) {
            String message = failure(OURS, Everything.class, missing);
            assertEquals(failure(MOSHI, Everything.class, missing), message);
            assertTrue(message.startsWith("JsonDataException: Required value '"), message);
        }
        assertEquals("JsonDataException: Required value 'runId' (JSON name 'run_id') missing at $",
                failure(OURS, Everything.class, "{\"attempts\": 0, \"score\": 0, \"ratio\": 0, \"done\": false, \"grade\": \"x\"}"));
        String nested = "{\"items\": [{\"id\": \"a\", \"size\": 1}, {\"id\": \"b\"}]}";
        assertEquals(failure(MOSHI, Holder.class, nested), failure(OURS, Holder.class, nested), "the path of a nested record");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"run_id\": null}",
        "{\"run_id\": \"abc\"}",
        "{\"run_id\": 1, \"attempts\": 1.5}",
        "{\"run_id\": 1, \"tasks\": {}}",
        "{\"run_id\": 1, \"tasks\": [{\"depends_on\": [1, {}]}]}",
        "{\"run_id\": 1, \"score\": NaN}",
        "{\"run_id\": 1, \"state\": 3, \"attempts\": ",
        "[]",
        "{\"run_id\": 1, \"done\": \"yes\"}",
    })
    void badInputFailsWithMoshisMessage(String json) {
        assertEquals(failure(MOSHI, Everything.class, json), failure(OURS, Everything.class, json));
    }

    @Test
    void nullRecordsAndEmptyRecords() throws IOException {
        assertNull(read(OURS, Everything.class, "null"));
        assertEquals(new Empty(), read(OURS, Empty.class, "{\"anything\": 1}"));
        assertEquals("{}", OURS.adapter(Empty.class).toJson(new Empty()));
    }

    @Test
    void aRecordsOwnCheckFailsAsADataErrorNamingTheRecordAndPath() {
        JsonDataException e = assertThrows(JsonDataException.class,
                () -> read(OURS, Holder.class, "{\"items\": [{\"id\": \"a\", \"size\": 1}, {\"id\": \"b\", \"size\": -2}]}"));
        assertEquals("cannot create Validated at $.items[1]: IllegalArgumentException: size must not be negative but was -2",
                e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        JsonDataException npe = assertThrows(JsonDataException.class, () -> read(OURS, Validated.class, "{\"size\": 1}"));
        assertEquals("cannot create Validated at $: NullPointerException: id", npe.getMessage());
        JsonDataException inMap = assertThrows(JsonDataException.class,
                () -> OURS.adapter(com.squareup.moshi.Types.newParameterizedType(Map.class, String.class, Validated.class))
                        .fromJson("{\"a\": {\"id\": \"a\", \"size\": 1}, \"b\": {\"size\": 2}}"));
        assertEquals("cannot create Validated at $.b: NullPointerException: id", inMap.getMessage());
    }

    @Test
    void conflictingNamesAndGenericRecordsAreMoshis() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> OURS.adapter(Conflict.class));
        JsonAdapter<Generic<Task>> generic = OURS.adapter(
                com.squareup.moshi.Types.newParameterizedTypeWithOwner(JsonAdaptersTest.class, Generic.class, Task.class));
        Generic<Task> g = generic.fromJson("{\"values\": [{\"task_key\": \"t\"}], \"next\": \"n\"}");
        assertEquals(new Generic<>(List.of(new Task("t", null, null)), "n"), g);
    }

    @Test
    void enumsMatchExactlyThenUpperCasedThenFallBack() throws IOException {
        JsonAdapter<State> state = OURS.adapter(State.class);
        assertEquals(State.DONE, state.fromJson("\"TERMINATED\""));
        assertEquals(State.PENDING, state.fromJson("\"pending\""));
        assertEquals(State.UNKNOWN, state.fromJson("\"DONE\""), "a constant renamed by @Json is known by its wire name only");
        assertEquals(State.SKIPPED, state.fromJson("\"SKIPPED\""), "@Json without a name keeps the constant's name");
        assertEquals(State.UNKNOWN, state.fromJson("\"QUEUED\""));
        assertNull(state.fromJson("null"));
        assertEquals("\"TERMINATED\"", state.toJson(State.DONE));
        assertEquals("\"SKIPPED\"", state.toJson(State.SKIPPED));
    }

    @Test
    void anUnknownEnumNameWithoutFallbackNamesThePathOfTheValue() throws IOException {
        JsonAdapter<StrictHolder> holder = OURS.adapter(StrictHolder.class);
        assertEquals(List.of(Strict.A, Strict.B, Strict.A), holder.fromJson("{\"values\": [\"A\", \"b\", \"A\"]}").values());
        JsonDataException e = assertThrows(JsonDataException.class, () -> holder.fromJson("{\"values\": [\"A\", \"C\", \"B\"]}"));
        assertEquals("expected one of [A, B] but was 'C' at path $.values[1]", e.getMessage());
    }

    @Test
    void protobufsNonFiniteStringsAreReadForDoublesAndFloats() throws IOException {
        JsonAdapter<Metric> adapter = OURS.adapter(Metric.class);
        Metric nan = adapter.fromJson("{\"key\": \"loss\", \"value\": \"NaN\", \"small\": \"-Infinity\", \"step\": 1}");
        assertTrue(Double.isNaN(nan.value()));
        assertEquals(Float.NEGATIVE_INFINITY, nan.small());
        assertEquals(Double.POSITIVE_INFINITY, adapter.fromJson("{\"key\": \"k\", \"value\": \"Infinity\", \"step\": 0}").value());
        assertEquals(Double.NEGATIVE_INFINITY, adapter.fromJson("{\"key\": \"k\", \"value\": \"-Infinity\", \"step\": 0}").value());
        assertEquals(2.5, adapter.fromJson("{\"key\": \"k\", \"value\": 2.5, \"step\": 0}").value());
        assertEquals(2.5, adapter.fromJson("{\"key\": \"k\", \"value\": \"2.5\", \"step\": 0}").value(), "numeric strings, as in Moshi");
        assertEquals(0.1f, adapter.fromJson("{\"key\": \"k\", \"value\": 0, \"small\": 0.1, \"step\": 0}").small());
        List<Double> list = OURS.<List<Double>>adapter(com.squareup.moshi.Types.newParameterizedType(List.class, Double.class))
                .fromJson("[1, \"NaN\", null, \"-Infinity\"]");
        assertEquals(Arrays.asList(1.0, Double.NaN, null, Double.NEGATIVE_INFINITY), list);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1e400", "\"nan\"", "\"inf\"", "\"+Infinity\"", "\"\"", "null"})
    void otherNonFiniteSpellingsStayErrors(String value) {
        JsonAdapter<Metric> adapter = OURS.adapter(Metric.class);
        Exception e = assertThrows(Exception.class, () -> adapter.fromJson("{\"key\": \"k\", \"value\": " + value + ", \"step\": 0}"));
        assertTrue(e instanceof JsonDataException || e instanceof JsonEncodingException, e.toString());
        assertTrue(e.getMessage().contains("$.value"), e.getMessage());
    }

    @Test
    void aFloatThatOverflowsIsAnError() {
        JsonDataException e = assertThrows(JsonDataException.class,
                () -> OURS.adapter(Metric.class).fromJson("{\"key\": \"k\", \"value\": 0, \"small\": 1e39, \"step\": 0}"));
        assertTrue(e.getMessage().contains("$.small"), e.getMessage());
    }

    @Test
    void nonFiniteValuesAreWrittenAsProtobufStrings() {
        JsonAdapter<Metric> adapter = OURS.adapter(Metric.class);
        assertEquals("{\"key\":\"k\",\"value\":\"NaN\",\"small\":\"Infinity\",\"step\":3}",
                adapter.toJson(new Metric("k", Double.NaN, Float.POSITIVE_INFINITY, 3)));
        assertEquals("{\"key\":\"k\",\"value\":\"-Infinity\",\"small\":0.1,\"step\":3}",
                adapter.toJson(new Metric("k", Double.NEGATIVE_INFINITY, 0.1f, 3)), "finite floats keep float precision");
        assertEquals("{\"key\":\"k\",\"value\":2.5,\"step\":3}", adapter.toJson(new Metric("k", 2.5, null, 3)));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", Double.NaN);
        map.put("b", List.of(Double.POSITIVE_INFINITY, 1.5f));
        assertEquals("{\"a\":\"NaN\",\"b\":[\"Infinity\",1.5]}", OURS.adapter(Object.class).toJson(map), "inside plain objects too");
        List<Double> values = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e-300));
        JsonAdapter<List<Double>> listAdapter = OURS.adapter(com.squareup.moshi.Types.newParameterizedType(List.class, Double.class));
        try {
            assertEquals(values, listAdapter.fromJson(listAdapter.toJson(values)), "they round-trip");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
