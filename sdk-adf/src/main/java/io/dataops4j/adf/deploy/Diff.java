package io.dataops4j.adf.deploy;

import io.dataops4j.adf.AdfObjectType;
import io.dataops4j.adf.internal.JsonTree;
import io.dataops4j.core.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** A diff of two JSON trees by path, on their canonical form (key order and number spelling do not count). */
final class Diff {
    private static final Pattern SENSITIVE = Pattern.compile("(?i).*(password|secret|key|token|connectionstring|sas|credential).*");
    private static final int MAX_LINES = 50;
    private static final int MAX_VALUE = 100;

    private Diff() {
    }

    /** A copy of {@code properties} without the fields the service owns (trigger runtimeState, endpoint states). */
    @SuppressWarnings("unchecked")
    static Object comparable(AdfObjectType type, Object properties) {
        if (!(properties instanceof Map<?, ?>)) {
            return properties;
        }
        Map<String, Object> p = (Map<String, Object>) JsonTree.copy(properties);
        switch (type) {
            case TRIGGER -> p.remove("runtimeState");
            case MANAGED_PRIVATE_ENDPOINT -> {
                p.remove("provisioningState");
                p.remove("connectionState");
                p.remove("fqdns");
                p.remove("isReserved");
            }
            case MANAGED_VIRTUAL_NETWORK -> {
                p.remove("vNetId");
                p.remove("alias");
            }
            default -> {
            }
        }
        return p;
    }

    /** The changes from {@code before} (target) to {@code after} (source). */
    static List<String> lines(String path, Object before, Object after) {
        List<String> out = new ArrayList<>();
        walk(path, before, after, out);
        if (out.size() > MAX_LINES) {
            int more = out.size() - MAX_LINES;
            out = new ArrayList<>(out.subList(0, MAX_LINES));
            out.add("  ... and " + more + " more");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void walk(String path, Object before, Object after, List<String> out) {
        if (JsonTree.canonical(before).equals(JsonTree.canonical(after))) {
            return;
        }
        if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
            Set<String> keys = new TreeSet<>();
            keys.addAll(((Map<String, Object>) b).keySet());
            keys.addAll(((Map<String, Object>) a).keySet());
            for (String k : keys) {
                String p = path + "." + k;
                if (!b.containsKey(k)) {
                    out.add("+ " + p + ": " + show(p, a.get(k)));
                } else if (!a.containsKey(k)) {
                    out.add("- " + p + ": " + show(p, b.get(k)));
                } else {
                    walk(p, b.get(k), a.get(k), out);
                }
            }
            return;
        }
        if (before instanceof List<?> b && after instanceof List<?> a && b.size() == a.size()) {
            for (int i = 0; i < a.size(); i++) {
                walk(path + "[" + i + "]", b.get(i), a.get(i), out);
            }
            return;
        }
        out.add("~ " + path + ": " + show(path, before) + " -> " + show(path, after));
    }

    private static String show(String path, Object v) {
        if (v instanceof String && SENSITIVE.matcher(path.substring(path.lastIndexOf('.') + 1)).matches()) {
            return "(sensitive value)";
        }
        String s = Redactor.text(JsonTree.write(v));
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) + "..." : s;
    }
}
