package io.dataops4j.core.internal;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import io.dataops4j.core.json.EpochMillis;
import io.dataops4j.core.json.RawJson;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okio.BufferedSource;

/** The adapters behind {@link io.dataops4j.core.json.Json}. */
public final class JsonAdapters {
    private JsonAdapters() {
    }

    public static Moshi.Builder install(Moshi.Builder builder) {
        return builder
                .add(new EpochMillisAdapter())
                .add(Instant.class, new IsoInstantAdapter().nullSafe())
                .add(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
                .add(LocalDate.class, new LocalDateAdapter().nullSafe())
                .add(RawJson.class, new RawJsonAdapter().nullSafe())
                .add(java.math.BigDecimal.class, new BigDecimalAdapter().nullSafe())
                .add(UNKNOWN_FALLBACK_ENUMS);
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

    static final class EnumAdapter<E extends Enum<E>> extends JsonAdapter<E> {
        private final Class<E> type;
        private final Map<String, E> byName = new HashMap<>();
        private final Map<E, String> names = new HashMap<>();
        private final E unknown;

        EnumAdapter(Class<E> type) {
            this.type = type;
            E fallback = null;
            for (E constant : type.getEnumConstants()) {
                String name = constant.name();
                try {
                    Json json = type.getField(name).getAnnotation(Json.class);
                    if (json != null) {
                        name = json.name();
                    }
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
                byName.put(name, constant);
                names.put(constant, name);
                if (constant.name().equals("UNKNOWN")) {
                    fallback = constant;
                }
            }
            this.unknown = fallback;
        }

        @Override
        public E fromJson(JsonReader reader) throws IOException {
            String path = reader.getPath();
            String name = reader.nextString();
            E value = byName.get(name);
            if (value == null) {
                value = byName.get(name.toUpperCase(Locale.ROOT));
            }
            if (value != null) {
                return value;
            }
            if (unknown != null) {
                return unknown;
            }
            throw new JsonDataException("expected one of " + byName.keySet() + " but was '" + name + "' at path " + path);
        }

        @Override
        public void toJson(JsonWriter writer, E value) throws IOException {
            writer.value(names.get(value));
        }

        @Override
        public String toString() {
            return "EnumAdapter(" + type.getName() + ")";
        }
    }

}
