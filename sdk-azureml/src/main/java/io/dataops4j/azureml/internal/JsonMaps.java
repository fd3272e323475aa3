package io.dataops4j.azureml.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads and copies the plain-object view of ARM JSON (maps, lists, strings, numbers). */
public final class JsonMaps {
    private JsonMaps() {
    }

    /** The object at a path of keys, or null. */
    public static Map<String, Object> object(Map<String, Object> root, String... path) {
        Object v = at(root, path);
        return v instanceof Map<?, ?> ? cast(v) : null;
    }

    /** The list at a path of keys, or an empty list. */
    public static List<Object> list(Map<String, Object> root, String... path) {
        Object v = at(root, path);
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of();
    }

    /** The text at a path of keys (numbers and booleans as text), or null. */
    public static String string(Map<String, Object> root, String... path) {
        Object v = at(root, path);
        return v == null || v instanceof Map<?, ?> || v instanceof List<?> ? null : v.toString();
    }

    /** The value at a path of keys, or null. */
    public static Object at(Map<String, Object> root, String... path) {
        Object cur = root;
        for (String key : path) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(key);
        }
        return cur;
    }

    /** A map of strings from an object of scalars (null values and nested objects are left out). */
    public static Map<String, String> strings(Map<String, Object> object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object != null) {
            object.forEach((k, v) -> {
                if (v != null && !(v instanceof Map<?, ?>) && !(v instanceof List<?>)) {
                    out.put(k, v.toString());
                }
            });
        }
        return out;
    }

    /** A deep copy (maps keep their order). */
    public static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k.toString(), copy(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    /** Whether two setting values mean the same: equal, or equal ignoring case when both are true/false. */
    public static boolean sameSetting(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.equals(b)) {
            return true;
        }
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        return (x.equals("true") || x.equals("false")) && x.equals(y);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }
}
