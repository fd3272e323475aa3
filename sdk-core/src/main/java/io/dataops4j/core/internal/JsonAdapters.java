package io.dataops4j.core.internal;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonQualifier;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import io.dataops4j.core.json.EpochMillis;
import io.dataops4j.core.json.RawJson;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okio.BufferedSource;

/** The adapters behind {@link io.dataops4j.core.json.Json}. */
public final class JsonAdapters {
    private JsonAdapters() {
    }

    /**
     * Adds the adapters of {@link io.dataops4j.core.json.Json} to a Moshi builder: {@code java.time},
     * {@link RawJson}, exact decimals, doubles and floats that also read and write protobuf's {@code "NaN"} and
     * infinities, enums with an {@code UNKNOWN} fallback, and a faster reader of records.
     */
    public static Moshi.Builder install(Moshi.Builder builder) {
        return install(builder, true);
    }

    /** As {@link #install(Moshi.Builder)}; without {@code fastRecords}, records are Moshi's own (to compare them). */
    static Moshi.Builder install(Moshi.Builder builder, boolean fastRecords) {
        builder
                .add(new EpochMillisAdapter())
                .add(Instant.class, new IsoInstantAdapter().nullSafe())
                .add(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
                .add(LocalDate.class, new LocalDateAdapter().nullSafe())
                .add(RawJson.class, new RawJsonAdapter().nullSafe())
                .add(java.math.BigDecimal.class, new BigDecimalAdapter().nullSafe())
                .add(double.class, new DoubleAdapter())
                .add(Double.class, new DoubleAdapter().nullSafe())
                .add(float.class, new FloatAdapter())
                .add(Float.class, new FloatAdapter().nullSafe())
                .add(UNKNOWN_FALLBACK_ENUMS);
        return fastRecords ? builder.add(RECORDS) : builder;
    }

    /** Epoch milliseconds as Instant, for components marked {@link EpochMillis}. Accepts numbers and numeric strings. */
    static final class EpochMillisAdapter {
        @ToJson
        void toJson(JsonWriter writer, @EpochMillis Instant value) throws IOException {
            if (value == null) {
                writer.nullValue();
            } else {
                writer.value(value.toEpochMilli());
            }
        }

        @FromJson
        @EpochMillis
        Instant fromJson(JsonReader reader) throws IOException {
            if (reader.peek() == JsonReader.Token.NULL) {
                return reader.nextNull();
            }
            return Instant.ofEpochMilli(reader.nextLong());
        }
    }

    static final class IsoInstantAdapter extends JsonAdapter<Instant> {
        @Override
        public Instant fromJson(JsonReader reader) throws IOException {
            if (reader.peek() == JsonReader.Token.NUMBER) {
                return Instant.ofEpochMilli(reader.nextLong());
            }
            String s = reader.nextString();
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(s);
                } catch (DateTimeParseException e2) {
                    throw new JsonDataException("expected an ISO-8601 date-time but was '" + s + "' at path " + reader.getPath());
                }
            }
        }

        @Override
        public void toJson(JsonWriter writer, Instant value) throws IOException {
            writer.value(value.toString());
        }
    }

    static final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
        @Override
        public OffsetDateTime fromJson(JsonReader reader) throws IOException {
            String s = reader.nextString();
            try {
                return OffsetDateTime.parse(s);
            } catch (DateTimeParseException e) {
                throw new JsonDataException("expected an ISO-8601 date-time with offset but was '" + s + "' at path " + reader.getPath());
            }
        }

        @Override
        public void toJson(JsonWriter writer, OffsetDateTime value) throws IOException {
            writer.value(value.toString());
        }
    }

    static final class LocalDateAdapter extends JsonAdapter<LocalDate> {
        @Override
        public LocalDate fromJson(JsonReader reader) throws IOException {
            String s = reader.nextString();
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw new JsonDataException("expected an ISO-8601 date but was '" + s + "' at path " + reader.getPath());
            }
        }

        @Override
        public void toJson(JsonWriter writer, LocalDate value) throws IOException {
            writer.value(value.toString());
        }
    }

    /** Exact decimals, written as JSON numbers. */
    static final class BigDecimalAdapter extends JsonAdapter<java.math.BigDecimal> {
        @Override
        public java.math.BigDecimal fromJson(JsonReader reader) throws IOException {
            String text = reader.nextString();
            try {
                return new java.math.BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new JsonDataException("expected a number but was '" + text + "' at path " + reader.getPath());
            }
        }

        @Override
        public void toJson(JsonWriter writer, java.math.BigDecimal value) throws IOException {
            writer.value(value);
        }
    }

    /** Copies the JSON value byte for byte, so that numbers and key order survive. */
    static final class RawJsonAdapter extends JsonAdapter<RawJson> {
        @Override
        public RawJson fromJson(JsonReader reader) throws IOException {
            try (BufferedSource source = reader.nextSource()) {
                return new RawJson(source.readUtf8());
            }
        }

        @Override
        public void toJson(JsonWriter writer, RawJson value) throws IOException {
            try (okio.BufferedSink sink = okio.Okio.buffer(writer.valueSink())) {
                sink.writeUtf8(value.json());
            }
        }
    }

    /** Enums with a constant named UNKNOWN read unknown names as UNKNOWN instead of failing. */
    static final JsonAdapter.Factory UNKNOWN_FALLBACK_ENUMS = new JsonAdapter.Factory() {
        @Override
        public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
            if (!annotations.isEmpty() || !(type instanceof Class<?> raw) || !raw.isEnum()) {
                return null;
            }
            return enumAdapter(raw).nullSafe();
        }
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonAdapter<?> enumAdapter(Class<?> type) {
        return new EnumAdapter(type);
    }

    /** The name {@code @Json} gives an element, or its declared name ({@code @Json} without a name keeps it). */
    static String jsonName(String declared, Json json) {
        return json == null || Json.UNSET_NAME.equals(json.name()) ? declared : json.name();
    }

    /**
     * Enum constants by wire name ({@code @Json(name)} or the constant's name). Known names are matched with
     * {@link JsonReader#selectString}, which reads no String; a name that is not one of them is then matched
     * upper-cased, then falls back to the {@code UNKNOWN} constant when there is one. The JSON path, which costs a
     * string, is computed only when the exact match failed.
     */
    static final class EnumAdapter<E extends Enum<E>> extends JsonAdapter<E> {
        private final Class<E> type;
        private final E[] constants;
        private final String[] names;
        private final JsonReader.Options options;
        private final E unknown;

        EnumAdapter(Class<E> type) {
            this.type = type;
            this.constants = type.getEnumConstants();
            this.names = new String[constants.length];
            E fallback = null;
            for (int i = 0; i < constants.length; i++) {
                String name = constants[i].name();
                try {
                    names[i] = jsonName(name, type.getField(name).getAnnotation(Json.class));
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
                if (name.equals("UNKNOWN")) {
                    fallback = constants[i];
                }
            }
            this.options = JsonReader.Options.of(names);
            this.unknown = fallback;
        }

        @Override
        public E fromJson(JsonReader reader) throws IOException {
            int index = reader.selectString(options);
            if (index != -1) {
                return constants[index];
            }
            // not a known name as sent: the path now, while it still points at this value
            String path = reader.getPath();
            String name = reader.nextString();
            String upper = name.toUpperCase(Locale.ROOT);
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(upper)) {
                    return constants[i];
                }
            }
            if (unknown != null) {
                return unknown;
            }
            throw new JsonDataException("expected one of " + Arrays.toString(names) + " but was '" + name + "' at path " + path);
        }

        @Override
        public void toJson(JsonWriter writer, E value) throws IOException {
            writer.value(names[value.ordinal()]);
        }

        @Override
        public String toString() {
            return "EnumAdapter(" + type.getName() + ")";
        }
    }

    /**
     * Reads records (public, not generic) through their canonical constructor, called with {@code invokeExact} on a
     * spreading method handle built once per record type. Moshi 1.15's own record adapter calls
     * {@code MethodHandle.invokeWithArguments} for every record it reads, which builds argument lists and adapts
     * the handle on each call. Reading behaves as Moshi's: component names from {@code @Json(name)}, qualifiers
     * such as {@code @EpochMillis} honoured, unknown names skipped, a missing primitive component is an error
     * ("Required value ..."), a JSON null for a primitive is the component adapter's error, missing boxed or
     * object components are null. One difference: an exception thrown by the record's own constructor (a
     * {@code requireNonNull}, a validation) comes out as a {@link JsonDataException} naming the record and the JSON
     * path, where Moshi throws an {@code AssertionError}. Writing is left to Moshi's own adapter.
     */
    static final class RecordAdapterFactory implements JsonAdapter.Factory {
        @Override
        public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
            if (!annotations.isEmpty() || !(type instanceof Class<?> raw) || !raw.isRecord()
                    || raw.getTypeParameters().length > 0) {
                return null;   // generic records and qualified uses: Moshi's adapter, as before
            }
            RecordComponent[] components = raw.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            MethodHandle constructor;
            try {
                constructor = MethodHandles.publicLookup().findConstructor(raw, MethodType.methodType(void.class, types));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                return null;   // not accessible: Moshi's adapter reports it as it always did
            }
            JsonAdapter<Object> writer = moshi.nextAdapter(this, type, annotations);
            return new RecordAdapter<>(raw, components, constructor, writer, moshi).nullSafe();
        }
    }

    static final JsonAdapter.Factory RECORDS = new RecordAdapterFactory();

    static final class RecordAdapter<T> extends JsonAdapter<T> {
        private final String typeName;
        private final String[] componentNames;
        private final String[] jsonNames;
        private final JsonReader.Options options;
        private final JsonAdapter<?>[] adapters;
        private final boolean[] primitive;
        /** {@code (Object[]) -> Object}: the canonical constructor, spread and erased, for {@code invokeExact}. */
        private final MethodHandle constructor;
        private final JsonAdapter<Object> writer;

        RecordAdapter(Class<?> type, RecordComponent[] components, MethodHandle canonical, JsonAdapter<Object> writer,
                      Moshi moshi) {
            int n = components.length;
            this.typeName = type.getSimpleName();
            this.componentNames = new String[n];
            this.jsonNames = new String[n];
            this.adapters = new JsonAdapter<?>[n];
            this.primitive = new boolean[n];
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < n; i++) {
                RecordComponent c = components[i];
                componentNames[i] = c.getName();
                jsonNames[i] = jsonName(c.getName(), c.getAnnotation(Json.class));
                String previous = seen.put(jsonNames[i], c.getName());
                if (previous != null) {
                    throw new IllegalArgumentException("Conflicting components:\n    " + previous + "\n    " + c.getName());
                }
                adapters[i] = moshi.adapter(c.getGenericType(), qualifiers(c));
                primitive[i] = c.getType().isPrimitive();
            }
            this.options = JsonReader.Options.of(jsonNames);
            this.constructor = canonical.asSpreader(Object[].class, n)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            this.writer = writer;
        }

        private static Set<Annotation> qualifiers(RecordComponent c) {
            Set<Annotation> set = null;
            for (Annotation a : c.getAnnotations()) {
                if (a.annotationType().isAnnotationPresent(JsonQualifier.class)) {
                    if (set == null) {
                        set = new LinkedHashSet<>();
                    }
                    set.add(a);
                }
            }
            return set == null ? Set.of() : set;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T fromJson(JsonReader reader) throws IOException {
            Object[] values = new Object[adapters.length];
            reader.beginObject();
            while (reader.hasNext()) {
                int index = reader.selectName(options);
                if (index == -1) {
                    reader.skipName();
                    reader.skipValue();
                } else {
                    values[index] = adapters[index].fromJson(reader);
                }
            }
            reader.endObject();
            try {
                return (T) (Object) constructor.invokeExact(values);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                throw failure(values, reader, e);
            }
        }

        /** Why the constructor refused the values: a missing primitive (Moshi's message), or the record's own check. */
        private JsonDataException failure(Object[] values, JsonReader reader, Throwable cause) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null && primitive[i]) {
                    String path = reader.getPath();
                    return new JsonDataException(componentNames[i].equals(jsonNames[i])
                            ? "Required value '" + componentNames[i] + "' missing at " + path
                            : "Required value '" + componentNames[i] + "' (JSON name '" + jsonNames[i] + "') missing at " + path);
                }
            }
            String message = cause.getMessage();
            JsonDataException e = new JsonDataException("cannot create " + typeName + " at " + pathOfValueJustRead(reader) + ": "
                    + cause.getClass().getSimpleName() + (message == null ? "" : ": " + message));
            e.initCause(cause);
            return e;
        }

        @Override
        public void toJson(JsonWriter writer, T value) throws IOException {
            this.writer.toJson(writer, value);
        }

        /**
         * The path of the value the reader has just finished: in an array, the reader's index has already moved on to
         * the next element ({@code $.items[2]} once {@code $.items[1]} is read), so it is moved back.
         */
        static String pathOfValueJustRead(JsonReader reader) {
            String path = reader.getPath();
            int open = path.lastIndexOf('[');
            if (path.endsWith("]") && open >= 0) {
                try {
                    return path.substring(0, open + 1) + (Integer.parseInt(path.substring(open + 1, path.length() - 1)) - 1) + "]";
                } catch (NumberFormatException e) {
                    return path;
                }
            }
            return path;
        }

        @Override
        public String toString() {
            return "RecordAdapter(" + typeName + ")";
        }
    }

    /**
     * {@code double} and {@code Double} as Moshi reads and writes them, plus the non-finite values as protobuf's
     * JSON mapping writes them (MLflow, Databricks): the strings {@code "NaN"}, {@code "Infinity"} and
     * {@code "-Infinity"} are read, and non-finite values are written so (Moshi's strict writer refuses them; a
     * lenient one would write bare {@code NaN}, which is not JSON). Bare {@code NaN} and numbers that overflow stay
     * errors, as in Moshi.
     */
    static final class DoubleAdapter extends JsonAdapter<Double> {
        @Override
        public Double fromJson(JsonReader reader) throws IOException {
            int special = reader.selectString(NON_FINITE);
            return special != -1 ? NON_FINITE_VALUES[special] : reader.nextDouble();
        }

        @Override
        public void toJson(JsonWriter writer, Double value) throws IOException {
            double v = value;
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                writer.value(nonFinite(v));
            } else {
                writer.value(v);
            }
        }

        @Override
        public String toString() {
            return "JsonAdapter(Double, non-finite as strings)";
        }
    }

    /** {@code float} and {@code Float} like {@link DoubleAdapter}; written with float precision, as Moshi does. */
    static final class FloatAdapter extends JsonAdapter<Float> {
        @Override
        public Float fromJson(JsonReader reader) throws IOException {
            int special = reader.selectString(NON_FINITE);
            if (special != -1) {
                return (float) (double) NON_FINITE_VALUES[special];
            }
            float value = (float) reader.nextDouble();
            if (Float.isInfinite(value) && !reader.isLenient()) {
                throw new JsonDataException("JSON forbids NaN and infinities: " + value + " at path " + reader.getPath());
            }
            return value;
        }

        @Override
        public void toJson(JsonWriter writer, Float value) throws IOException {
            float v = value;
            if (Float.isNaN(v) || Float.isInfinite(v)) {
                writer.value(nonFinite(v));
            } else {
                writer.value(value);   // the Number overload: float precision ("0.1", not "0.10000000149011612")
            }
        }

        @Override
        public String toString() {
            return "JsonAdapter(Float, non-finite as strings)";
        }
    }

    private static final JsonReader.Options NON_FINITE = JsonReader.Options.of("NaN", "Infinity", "-Infinity");
    private static final Double[] NON_FINITE_VALUES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    }
}
