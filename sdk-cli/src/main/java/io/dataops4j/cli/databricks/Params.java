package io.dataops4j.cli.databricks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --param k=v} values. */
final class Params {
    private Params() {
    }

    static Map<String, String> parse(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        if (pairs == null) {
            return out;
        }
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param must be name=value, but was '" + p + "'");
            }
            out.put(p.substring(0, eq).strip(), p.substring(eq + 1));
        }
        return out;
    }
}
