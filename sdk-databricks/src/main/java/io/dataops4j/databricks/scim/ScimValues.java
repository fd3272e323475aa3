package io.dataops4j.databricks.scim;

import java.util.ArrayList;
import java.util.List;

/** What the SCIM records and their builders share: null-keeping copies of multi-valued attributes and their values. */
final class ScimValues {
    private ScimValues() {
    }

    /** An unmodifiable copy, or null for null (the service omits an attribute it has no value for). */
    static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** The list, or null when it is empty (a builder sends no empty attribute). */
    static <T> List<T> orNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    /** The entries' values, skipping entries without one (never null). */
    static List<String> values(List<ComplexValue> entries) {
        List<String> out = new ArrayList<>();
        if (entries != null) {
            entries.forEach(e -> {
                if (e.value() != null) {
                    out.add(e.value());
                }
            });
        }
        return out;
    }
}
