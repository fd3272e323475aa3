package io.dataops4j.mlflow.internal;

import io.dataops4j.core.http.ApiBody;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small JSON request bodies from name/value pairs; null values are left out. */
public final class JsonBody {
    private JsonBody() {
    }

    /** A JSON object from alternating names and values. */
    public static ApiBody of(Object... namesAndValues) {
        return ApiBody.json(map(namesAndValues));
    }

    /** A map from alternating names and values, nulls left out. */
    public static Map<String, Object> map(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            if (v != null) {
                m.put((String) namesAndValues[i], v);
            }
        }
        return m;
    }
}
