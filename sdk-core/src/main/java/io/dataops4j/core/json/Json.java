package io.dataops4j.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.dataops4j.core.error.DeserializationException;
import io.dataops4j.core.internal.JsonAdapters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;

/**
 * The one JSON codec of dataops4j: Moshi with records, {@code java.time} (ISO-8601 by default, epoch millis with
 * {@link EpochMillis}), enums that fall back to their {@code UNKNOWN} constant, and {@link RawJson}. Doubles and
 * floats also read, and write, NaN and the infinities as protobuf's JSON mapping does (MLflow, Databricks): as the
 * strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, since JSON has no such numbers.
 *
 * <pre>{@code
 * Json json = Json.shared();
 * Run run = json.fromJson("{\"run_id\": 1}", Run.class);
 * String text = json.toJson(run);
 * List<Run> runs = json.fromJson("[...]", Json.listOf(Run.class));
 * }</pre>
 */
public final class Json {
    private static final Json SHARED = new Json(JsonAdapters.install(new Moshi.Builder()).build());

    private final Moshi moshi;
    /** Adapters by type: one map read per call instead of Moshi's locked lookup. */
    private final ConcurrentHashMap<Type, JsonAdapter<?>> adapters = new ConcurrentHashMap<>();

    private Json(Moshi moshi) {
        this.moshi = moshi;
    }

    @SuppressWarnings("unchecked")
    private <T> JsonAdapter<T> adapter(Type type) {
        JsonAdapter<?> a = adapters.get(type);
        if (a == null) {
            a = moshi.adapter(type);
            adapters.putIfAbsent(type, a);
        }
        return (JsonAdapter<T>) a;
    }

    /** The process-wide instance; thread-safe. */
    public static Json shared() {
        return SHARED;
    }

    /** The type {@code List<T>}. */
    public static Type listOf(Type element) {
        return Types.newParameterizedType(List.class, element);
    }

    /** The type {@code Map<String, V>}. */
    public static Type mapOf(Type value) {
        return Types.newParameterizedType(Map.class, String.class, value);
    }

    /** The type {@code raw<args>}, for generic wrappers. */
    public static Type parameterized(Class<?> raw, Type... args) {
        return Types.newParameterizedType(raw, args);
    }

    /** Decodes text; errors name the JSON path. */
    public <T> T fromJson(String json, Class<T> type) {
        return fromJson(json, (Type) type);
    }

    /** Decodes text into a generic type; errors name the JSON path. */
    public <T> T fromJson(String json, Type type) {
        try (Buffer buffer = new Buffer().writeUtf8(json)) {
            return read(buffer, type, "JSON text");
        }
    }

    /** Decodes a stream (not closed here); errors name the JSON path and {@code what}. */
    public <T> T fromJson(InputStream in, Type type, String what) {
        return read(Okio.buffer(Okio.source(in)), type, what);
    }

    /** Decodes from an Okio source. I/O failures surface as UncheckedIOException. */
    private <T> T read(BufferedSource source, Type type, String what) {
        return read(source, type, () -> what);
    }

    /**
     * Decodes from an Okio source, naming {@code what} was read only when it fails (so that the happy path builds
     * no message); for the core's own pipeline (in another package, hence public) and its benchmarks, not for
     * service modules, which never see Okio. I/O failures surface as UncheckedIOException.
     */
    public <T> T read(BufferedSource source, Type type, Supplier<String> what) {
        JsonAdapter<T> adapter = adapter(type);
        try {
            return adapter.fromJson(source);
        } catch (JsonDataException | JsonEncodingException e) {
            throw new DeserializationException("cannot read " + what.get() + " as " + typeName(type) + ": " + e.getMessage(), safe(e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what.get(), e);
        }
    }

    /**
     * Moshi's message may quote the value it could not read ("Expected an int but was ..."): a cause whose message
     * holds a secret is replaced by one with the secret masked and the same stack trace.
     */
    private static Exception safe(Exception e) {
        String message = e.getMessage();
        String masked = io.dataops4j.core.Redactor.text(message);
        if (message == null || message.equals(masked)) {
            return e;
        }
        JsonDataException copy = new JsonDataException(masked);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** Encodes a value (nulls left out). */
    public String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        try (Buffer buffer = new Buffer()) {
            write(buffer, value);
            return buffer.readUtf8();
        }
    }

    /** Encodes a value with two-space indentation. */
    public String toPrettyJson(Object value) {
        try (Buffer buffer = new Buffer(); JsonWriter writer = JsonWriter.of(buffer)) {
            writer.setIndent("  ");
            adapterFor(value).toJson(writer, value);
            writer.flush();
            return buffer.readUtf8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes into an Okio buffer. */
    private void write(Buffer sink, Object value) {
        try (JsonWriter writer = JsonWriter.of(sink)) {
            adapterFor(value).toJson(writer, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses any JSON into plain objects (Map, List, String, Long or BigDecimal, Boolean, null), numbers kept exact. */
    public Object parseValue(String json) {
        try (Buffer buffer = new Buffer().writeUtf8(json)) {
            JsonReader reader = JsonReader.of(buffer);
            Object value = readValue(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new DeserializationException("trailing data after JSON value at " + reader.getPath(), null);
            }
            return value;
        } catch (JsonDataException | JsonEncodingException e) {
            throw new DeserializationException("invalid JSON: " + e.getMessage(), safe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one value as plain objects, keeping numbers exact: integers that fit become {@link Long}, other
     * numbers {@link java.math.BigDecimal}; objects keep their key order.
     */
    private static Object readValue(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    Object v = readValue(reader);
                    if (map.put(name, v) != null) {
                        throw new JsonDataException("duplicate key '" + name + "' at path " + reader.getPath());
                    }
                }
                reader.endObject();
                return map;
            }
            case BEGIN_ARRAY -> {
                java.util.ArrayList<Object> list = new java.util.ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(readValue(reader));
                }
                reader.endArray();
                return list;
            }
            case STRING -> {
                return reader.nextString();
            }
            case NUMBER -> {
                String text = reader.nextString();
                java.math.BigDecimal d = new java.math.BigDecimal(text);
                if (d.scale() <= 0 && text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                    try {
                        return d.longValueExact();
                    } catch (ArithmeticException tooBig) {
                        return d;
                    }
                }
                return d;
            }
            case BOOLEAN -> {
                return reader.nextBoolean();
            }
            case NULL -> {
                return reader.nextNull();
            }
            default -> throw new JsonDataException("unexpected " + reader.peek() + " at path " + reader.getPath());
        }
    }

    /** Checks that text is one JSON value, without converting it (so any number is accepted, as JSON allows). */
    void checkSyntax(String json) {
        try (Buffer buffer = new Buffer().writeUtf8(json)) {
            JsonReader reader = JsonReader.of(buffer);
            reader.skipValue();
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new DeserializationException("trailing data after JSON value at " + reader.getPath(), null);
            }
        } catch (JsonDataException | IOException e) {
            throw new DeserializationException("invalid JSON: " + e.getMessage(), safe(e));
        }
    }

    @SuppressWarnings("unchecked")
    private JsonAdapter<Object> adapterFor(Object value) {
        Class<?> type = value.getClass();
        if (value instanceof Map) {
            type = Map.class;
        } else if (value instanceof List) {
            type = List.class;
        }
        return adapter(type);
    }

    private static String typeName(Type type) {
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }
}
