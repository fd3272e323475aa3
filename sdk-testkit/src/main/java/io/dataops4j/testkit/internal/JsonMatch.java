package io.dataops4j.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares JSON values parsed to plain objects (Map, List, String, Number, Boolean, null); numbers compare by value, so 1, 1.0 and 1e0 are equal and names each difference. */
public final class JsonMatch {
    private static final int MAX_DIFFERENCES = 20;

    private JsonMatch() {
    }

    /**
     * The differences between an expected and an actual value, each as {@code "$.path: ..."}; empty when they match.
     *
     * @param strict when false, objects in {@code actual} may carry fields that {@code expected} does not name
     */
    public static List<String> differences(Object expected, Object actual, boolean strict) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, strict, out);
        return out;
    }

    private static void compare(String path, Object expected, Object actual, boolean strict, List<String> out) {
        if (out.size() >= MAX_DIFFERENCES) {
            return;
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                String child = path + "." + entry.getKey();
                if (!a.containsKey(entry.getKey())) {
                    out.add(child + ": missing (expected " + show(entry.getValue()) + ")");
                } else {
                    compare(child, entry.getValue(), a.get(entry.getKey()), strict, out);
                }
            }
            if (strict) {
                for (Object key : a.keySet()) {
                    if (!e.containsKey(key)) {
                        out.add(path + "." + key + ": unexpected field (" + show(a.get(key)) + ")");
                    }
                }
            }
        } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                out.add(path + ": expected " + e.size() + " elements but was " + a.size() + " " + show(a));
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                compare(path + "[" + i + "]", e.get(i), a.get(i), strict, out);
            }
        } else if (expected instanceof Number e && actual instanceof Number a) {
            if (decimal(e).compareTo(decimal(a)) != 0) {
                out.add(path + ": expected " + show(expected) + " but was " + show(actual));
            }
        } else if (!Objects.equals(expected, actual)) {
            out.add(path + ": expected " + show(expected) + " but was " + show(actual));
        }
    }

    /** A short JSON-like rendering of a parsed value; integral numbers print without a fraction. */
    public static String show(Object value) {
        String text = render(value);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof Number n) {
            return plainNumber(n);
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(render(v)));
            return sb.append('}').toString();
        }
        if (value instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            l.forEach(v -> sb.append(sb.length() > 1 ? "," : "").append(render(v)));
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }

    /** A number as text: {@code 1} rather than {@code 1.0} when it is integral. */
    public static String plainNumber(Number n) {
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
        }
        java.math.BigDecimal b = decimal(n).stripTrailingZeros();
        return b.scale() <= 0 ? b.toBigInteger().toString() : b.toPlainString();
    }

    private static java.math.BigDecimal decimal(Number n) {
        if (n instanceof java.math.BigDecimal b) {
            return b;
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return java.math.BigDecimal.valueOf(n.longValue());
        }
        double d = n.doubleValue();
        return Double.isNaN(d) || Double.isInfinite(d) ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(Double.toString(d));
    }
}
