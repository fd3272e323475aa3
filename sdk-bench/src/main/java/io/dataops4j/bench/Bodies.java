package io.dataops4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The checked-in answer bodies. */
final class Bodies {
    /** The run id in {@code runs-get.json}. */
    static final long RUN_ID = 523456789012345L;

    private Bodies() {
    }

    /** A realistic {@code jobs/runs/get} answer (three notebook tasks on a job cluster), minified as the service sends it. */
    static byte[] runsGet() {
        return minify(resource("runs-get.json")).getBytes(StandardCharsets.UTF_8);
    }

    static String resource(String name) {
        try (InputStream in = Bodies.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the whitespace between JSON tokens; strings are kept as they are. */
    static String minify(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
