package io.dataops4j.mlflow.internal;

/**
 * Turns the bare {@code NaN}, {@code Infinity} and {@code -Infinity} that Python's JSON encoder writes (and JSON
 * does not allow) into the strings protobuf's JSON mapping uses, which the core's JSON reads as doubles. Text
 * inside strings is left alone.
 */
public final class NonFiniteJson {
    private NonFiniteJson() {
    }

    /** The text with every bare non-finite number quoted; the same instance when there is none. */
    public static String quote(String json) {
        if (json.indexOf("NaN") < 0 && json.indexOf("Infinity") < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 16);
        boolean inString = false;
        int n = json.length();
        for (int i = 0; i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < n) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
                out.append(c);
            } else if (json.startsWith("NaN", i)) {
                out.append("\"NaN\"");
                i += 2;
            } else if (json.startsWith("-Infinity", i)) {
                out.append("\"-Infinity\"");
                i += 8;
            } else if (json.startsWith("Infinity", i)) {
                out.append("\"Infinity\"");
                i += 7;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
