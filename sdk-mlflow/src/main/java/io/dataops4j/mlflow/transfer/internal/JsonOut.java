package io.dataops4j.mlflow.transfer.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A streaming JSON writer that lays text out the way Python's {@code json.dumps(value, indent=2)} does (what
 * mlflow-export-import writes): two-space indentation, {@code "key": value}, ASCII only ({@code \\uXXXX} escapes),
 * {@code NaN}, {@code Infinity} and {@code -Infinity} for non-finite numbers, {@code {}} and {@code []} when empty.
 * Values are written as they come, so a metric history of any length never sits in memory.
 */
public final class JsonOut implements AutoCloseable {
    private final Writer out;
    /** For each open container: whether it has an element yet; true for objects, false for arrays in kinds. */
    private final Deque<boolean[]> stack = new ArrayDeque<>();
    private boolean afterName;

    public JsonOut(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
    }

    public JsonOut beginObject() {
        beforeValue();
        write("{");
        stack.push(new boolean[] {false, true});
        return this;
    }

    public JsonOut endObject() {
        return end('}');
    }

    public JsonOut beginArray() {
        beforeValue();
        write("[");
        stack.push(new boolean[] {false, false});
        return this;
    }

    public JsonOut endArray() {
        return end(']');
    }

    private JsonOut end(char c) {
        boolean[] top = stack.pop();
        if (top[0]) {
            newline(stack.size());
        }
        write(String.valueOf(c));
        if (stack.isEmpty()) {
            write("\n");
        }
        return this;
    }

    public JsonOut name(String name) {
        boolean[] top = stack.peek();
        if (top == null || !top[1]) {
            throw new IllegalStateException("a name outside an object");
        }
        if (top[0]) {
            write(",");
        }
        top[0] = true;
        newline(stack.size());
        writeString(name);
        write(": ");
        afterName = true;
        return this;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        boolean[] top = stack.peek();
        if (top == null) {
            return;
        }
        if (top[1]) {
            throw new IllegalStateException("a value without a name inside an object");
        }
        if (top[0]) {
            write(",");
        }
        top[0] = true;
        newline(stack.size());
    }

    public JsonOut value(String s) {
        beforeValue();
        if (s == null) {
            write("null");
        } else {
            writeString(s);
        }
        return this;
    }

    public JsonOut value(long n) {
        beforeValue();
        write(Long.toString(n));
        return this;
    }

    public JsonOut value(Long n) {
        return n == null ? nullValue() : value(n.longValue());
    }

    public JsonOut value(double d) {
        beforeValue();
        write(formatDouble(d));
        return this;
    }

    public JsonOut value(boolean b) {
        beforeValue();
        write(b ? "true" : "false");
        return this;
    }

    public JsonOut nullValue() {
        beforeValue();
        write("null");
        return this;
    }

    /** A name and a string value (null allowed). */
    public JsonOut field(String name, String value) {
        return name(name).value(value);
    }

    public JsonOut field(String name, Long value) {
        return name(name).value(value);
    }

    /** Any plain value: Map (string keys), List, String, Number, Boolean or null. */
    public JsonOut any(Object v) {
        if (v == null) {
            return nullValue();
        }
        if (v instanceof String s) {
            return value(s);
        }
        if (v instanceof Boolean b) {
            return value(b.booleanValue());
        }
        if (v instanceof Double || v instanceof Float) {
            return value(((Number) v).doubleValue());
        }
        if (v instanceof BigDecimal bd) {
            beforeValue();
            write(bd.toString());
            return this;
        }
        if (v instanceof Number n) {
            return value(n.longValue());
        }
        if (v instanceof Map<?, ?> m) {
            beginObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                name(String.valueOf(e.getKey()));
                any(e.getValue());
            }
            return endObject();
        }
        if (v instanceof List<?> l) {
            beginArray();
            for (Object o : l) {
                any(o);
            }
            return endArray();
        }
        throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
    }

    /** A double as Python's json module writes it: repr-like, {@code 1.0} not {@code 1}, NaN and infinities bare. */
    static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(d);
    }

    private void newline(int depth) {
        StringBuilder sb = new StringBuilder(1 + 2 * depth).append('\n');
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
        write(sb.toString());
    }

    private void writeString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        write(sb.append('"').toString());
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
