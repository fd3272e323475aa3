package io.dataops4j.dataiku.internal;

import io.dataops4j.core.json.RawJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads fields of plain JSON values (as {@link RawJson#value()} gives them) without casts at every call site. */
public final class Values {
    private Values() {
    }

    /** A JSON object as a mutable, ordered map (a deep copy: editing it never touches the source). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) deepCopy(m);
        }
        return new LinkedHashMap<>();
    }

    /** The object at a key, or an empty map. */
    public static Map<String, Object> object(Map<String, Object> map, String key) {
        return object(map == null ? null : map.get(key));
    }

    /** The object at a key of a value that should be an object, or an empty map. */
    public static Map<String, Object> object(Object value, String key) {
        return object(object(value), key);
    }

    /** Whether a key holds an object. */
    public static boolean hasObject(Map<String, Object> map, String key) {
        return map != null && map.get(key) instanceof Map<?, ?>;
    }

    /** A string field, or null (numbers and booleans are given as text). */
    public static String string(Map<String, Object> map, String key) {
        Object v = map == null ? null : map.get(key);
        return v == null ? null : v instanceof Map || v instanceof List ? null : v.toString();
    }

    /** A boolean field, or null. */
    public static Boolean bool(Map<String, Object> map, String key) {
        Object v = map == null ? null : map.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        return v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) ? Boolean.valueOf(s) : null;
    }

    /** A number field as a long, or null. */
    public static Long number(Map<String, Object> map, String key) {
        Object v = map == null ? null : map.get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A list field, or an empty list. */
    public static List<Object> list(Map<String, Object> map, String key) {
        Object v = map == null ? null : map.get(key);
        return v instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    }

    /** A list of strings (other elements skipped), or an empty list. */
    public static List<String> strings(Map<String, Object> map, String key) {
        List<String> out = new ArrayList<>();
        for (Object o : list(map, key)) {
            if (o instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }

    /** The objects of a list field. */
    public static List<Map<String, Object>> objects(Map<String, Object> map, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list(map, key)) {
            if (o instanceof Map<?, ?>) {
                out.add(object(o));
            }
        }
        return out;
    }

    /** A deep, mutable copy of a plain JSON value. */
    public static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    /** A deep, unmodifiable view-copy of a plain JSON value. */
    public static Object frozen(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), frozen(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(frozen(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
