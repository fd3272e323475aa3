package io.dataops4j.adf.internal;

import io.dataops4j.adf.AdfObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The references of an object: every JSON object with both {@code referenceName} and a {@code type} ending in
 * {@code Reference} (as Get-ReferencedObjects.ps1 finds them).
 */
public final class References {
    /** Reference types that point outside the factory (Synapse) and are never resolved. */
    public static final Set<String> IGNORED = Set.of("notebook", "bigdatapool", "sparkjobdefinition");

    private References() {
    }

    /**
     * One reference.
     *
     * @param type       the referenced type, or null when ignored or unknown
     * @param name       the referenced name, or null when the name is an expression
     * @param rawType    the type stem as written ("LinkedService", "Notebook")
     * @param jsonPath   where it was found
     */
    public record Ref(AdfObjectType type, String name, String rawType, String jsonPath) {
        public boolean ignored() {
            return IGNORED.contains(rawType.toLowerCase(Locale.ROOT));
        }

        public boolean unknown() {
            return type == null && !ignored();
        }
    }

    public static List<Ref> of(Object body) {
        List<Ref> out = new ArrayList<>();
        walk(body, "$", out);
        return out;
    }

    private static void walk(Object node, String path, List<Ref> out) {
        if (node instanceof Map<?, ?> m) {
            if (m.containsKey("referenceName") && m.get("type") instanceof String t && t.endsWith("Reference")) {
                String stem = t.substring(0, t.length() - "Reference".length());
                AdfObjectType type = AdfObjectType.parse(stem).orElse(null);
                Object rn = m.get("referenceName");
                out.add(new Ref(type, rn instanceof String s ? s : null, stem, path));
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                walk(e.getValue(), path + "." + e.getKey(), out);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                walk(l.get(i), path + "[" + i + "]", out);
            }
        }
    }
}
