package io.dataops4j.bench.proto;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonQualifier;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A proposal for sdk-core, measured by the breakdown: a record adapter that reads like Moshi 1.15's
 * {@code RecordJsonAdapter} (component names from {@code @Json}, qualifiers such as {@code @EpochMillis},
 * unknown names skipped, a missing primitive is an error) but calls the canonical constructor through a
 * spreading method handle built once, with {@code invokeExact}. Moshi's own adapter calls
 * {@code MethodHandle.invokeWithArguments} for every record it reads, which builds method types and spreader
 * handles on every call. Decoding only: writing is left to Moshi's adapter (not needed by the benchmark).
 */
public final class SpreadRecordAdapter<T> extends JsonAdapter<T> {
    /** Reads every public record (installed ahead of Moshi's built-in record support). */
    public static final JsonAdapter.Factory FACTORY = new JsonAdapter.Factory() {
        @Override
        public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
            if (!annotations.isEmpty() || !(type instanceof Class<?> raw) || !raw.isRecord()) {
                return null;
            }
            return new SpreadRecordAdapter<>(raw, moshi).nullSafe();
        }
    };

    private final String typeName;
    private final JsonReader.Options options;
    private final String[] names;
    private final JsonAdapter<?>[] adapters;
    private final boolean[] primitive;
    private final MethodHandle constructor;

    private SpreadRecordAdapter(Class<?> type, Moshi moshi) {
        RecordComponent[] components = type.getRecordComponents();
        int n = components.length;
        this.typeName = type.getSimpleName();
        this.names = new String[n];
        this.adapters = new JsonAdapter<?>[n];
        this.primitive = new boolean[n];
        Class<?>[] types = new Class<?>[n];
        for (int i = 0; i < n; i++) {
            RecordComponent c = components[i];
            Json json = c.getAnnotation(Json.class);
            names[i] = json != null ? json.name() : c.getName();
            adapters[i] = moshi.adapter(c.getGenericType(), qualifiers(c));
            primitive[i] = c.getType().isPrimitive();
            types[i] = c.getType();
        }
        this.options = JsonReader.Options.of(names);
        try {
            MethodHandle ctor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class, types));
            this.constructor = ctor.asSpreader(Object[].class, n).asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no public canonical constructor in " + type.getName(), e);
        }
    }

    private static Set<Annotation> qualifiers(RecordComponent c) {
        Set<Annotation> set = new LinkedHashSet<>();
        for (Annotation a : c.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(JsonQualifier.class)) {
                set.add(a);
            }
        }
        return set;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T fromJson(JsonReader reader) throws IOException {
        Object[] values = new Object[names.length];
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
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null && primitive[i]) {
                throw new JsonDataException("Required value '" + names[i] + "' missing at " + reader.getPath());
            }
        }
        try {
            return (T) (Object) constructor.invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create " + typeName, e);
        }
    }

    @Override
    public void toJson(JsonWriter writer, T value) {
        throw new UnsupportedOperationException("the prototype only decodes");
    }

    @Override
    public String toString() {
        return "SpreadRecordAdapter(" + typeName + ")";
    }
}
