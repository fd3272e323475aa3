package io.dataops4j.bench.proto;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Set;

/**
 * A proposal for sdk-core, measured by the breakdown: the same behaviour as sdk-core's enum adapter (wire names
 * from {@code @Json}, case-insensitive match, {@code UNKNOWN} fallback) but matching known names with
 * {@link JsonReader#selectString}, which reads no String, and computing the JSON path only for an error.
 */
public final class SelectEnumAdapter<E extends Enum<E>> extends JsonAdapter<E> {
    /** Enums with a constant named UNKNOWN read unknown names as UNKNOWN. */
    public static final JsonAdapter.Factory FACTORY = new JsonAdapter.Factory() {
        @Override
        public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
            if (!annotations.isEmpty() || !(type instanceof Class<?> raw) || !raw.isEnum()) {
                return null;
            }
            return adapterFor(raw).nullSafe();
        }
    };

    private final Class<E> type;
    private final E[] constants;
    private final String[] names;
    private final JsonReader.Options options;
    private final E unknown;

    private SelectEnumAdapter(Class<E> type) {
        this.type = type;
        this.constants = type.getEnumConstants();
        this.names = new String[constants.length];
        E fallback = null;
        for (int i = 0; i < constants.length; i++) {
            String name = constants[i].name();
            try {
                Json json = type.getField(name).getAnnotation(Json.class);
                names[i] = json != null ? json.name() : name;
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonAdapter<?> adapterFor(Class<?> type) {
        return new SelectEnumAdapter(type);
    }

    @Override
    public E fromJson(JsonReader reader) throws IOException {
        int index = reader.selectString(options);
        if (index != -1) {
            return constants[index];
        }
        String path = reader.getPath();
        String name = reader.nextString();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name.toUpperCase(Locale.ROOT))) {
                return constants[i];
            }
        }
        if (unknown != null) {
            return unknown;
        }
        throw new JsonDataException("expected one of " + String.join(", ", names) + " but was '" + name + "' at path " + path);
    }

    @Override
    public void toJson(JsonWriter writer, E value) throws IOException {
        writer.value(names[value.ordinal()]);
    }

    @Override
    public String toString() {
        return "SelectEnumAdapter(" + type.getName() + ")";
    }
}
