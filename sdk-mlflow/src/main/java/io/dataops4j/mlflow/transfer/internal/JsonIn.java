package io.dataops4j.mlflow.transfer.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming (pull) JSON reader for export files, so that a run's metric histories or an experiment's list of
 * runs are read one value at a time. It accepts what Python's {@code json} module writes: {@code NaN},
 * {@code Infinity} and {@code -Infinity} as bare numbers (and as strings, as the MLflow REST API sends them).
 * Errors name the file and the line.
 */
public final class JsonIn implements AutoCloseable {
    /** The kinds of the next token. */
    public enum Token { BEGIN_OBJECT, END_OBJECT, BEGIN_ARRAY, END_ARRAY, NAME, STRING, NUMBER, BOOLEAN, NULL, END }

    private final Reader in;
    private final String what;
    private int line = 1;
    private int peeked = -2;
    /** Container stack: 'o' object expecting a name, 'v' object expecting a value, 'a' array. */
    private final StringBuilder stack = new StringBuilder();
    private boolean needComma;

    public JsonIn(Reader in, String what) {
        this.in = in instanceof BufferedReader ? in : new BufferedReader(in, 64 * 1024);
        this.what = what;
    }

    /** Opens a file (UTF-8). */
    public static JsonIn open(Path file) {
        try {
            return new JsonIn(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads a whole (small) file as plain objects. */
    public static Object readFile(Path file) {
        try (JsonIn r = open(file)) {
            return r.readValue();
        }
    }

    private int read() {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        try {
            int c = in.read();
            if (c == '\n') {
                line++;
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what, e);
        }
    }

    private int peekChar() {
        if (peeked == -2) {
            peeked = read();
        }
        return peeked;
    }

    private int nextNonSpace() {
        while (true) {
            int c = read();
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
        }
    }

    private int peekNonSpace() {
        int c = nextNonSpace();
        peeked = c;
        return c;
    }

    private IllegalStateException error(String message) {
        return new IllegalStateException(what + " line " + line + ": " + message);
    }

    /** The kind of the next token, without consuming it. */
    public Token peek() {
        int c = peekNonSpace();
        char top = stack.length() == 0 ? ' ' : stack.charAt(stack.length() - 1);
        if (c == ',') {
            if (!needComma) {
                throw error("unexpected ','");
            }
            read();
            needComma = false;
            c = peekNonSpace();
            if (c == '}' || c == ']') {
                throw error("trailing ','");
            }
        } else if (needComma && c != '}' && c != ']' && c != -1) {
            throw error("expected ',' but found '" + (char) c + "'");
        }
        if (c == -1) {
            return Token.END;
        }
        if (top == 'o') {
            return switch (c) {
                case '"' -> Token.NAME;
                case '}' -> Token.END_OBJECT;
                default -> throw error("expected a name but found '" + (char) c + "'");
            };
        }
        return switch (c) {
            case '{' -> Token.BEGIN_OBJECT;
            case '}' -> Token.END_OBJECT;
            case '[' -> Token.BEGIN_ARRAY;
            case ']' -> Token.END_ARRAY;
            case '"' -> Token.STRING;
            case 't', 'f' -> Token.BOOLEAN;
            case 'n' -> Token.NULL;
            default -> Token.NUMBER;
        };
    }

    private void expect(Token t) {
        Token p = peek();
        if (p != t) {
            throw error("expected " + t + " but found " + p);
        }
    }

    private void valueDone() {
        int n = stack.length();
        if (n > 0 && stack.charAt(n - 1) == 'v') {
            stack.setCharAt(n - 1, 'o');
        }
        needComma = n > 0;
    }

    public void beginObject() {
        expect(Token.BEGIN_OBJECT);
        read();
        stack.append('o');
        needComma = false;
    }

    public void endObject() {
        expect(Token.END_OBJECT);
        read();
        stack.setLength(stack.length() - 1);
        valueDone();
    }

    public void beginArray() {
        expect(Token.BEGIN_ARRAY);
        read();
        stack.append('a');
        needComma = false;
    }

    public void endArray() {
        expect(Token.END_ARRAY);
        read();
        stack.setLength(stack.length() - 1);
        valueDone();
    }

    /** Whether the current object or array has another element. */
    public boolean hasNext() {
        Token t = peek();
        return t != Token.END_OBJECT && t != Token.END_ARRAY && t != Token.END;
    }

    public String nextName() {
        expect(Token.NAME);
        read();
        String s = readString();
        int c = nextNonSpace();
        if (c != ':') {
            throw error("expected ':' after \"" + s + "\"");
        }
        stack.setCharAt(stack.length() - 1, 'v');
        needComma = false;
        return s;
    }

    public String nextString() {
        Token t = peek();
        if (t == Token.NULL) {
            nextNull();
            return null;
        }
        if (t == Token.NUMBER || t == Token.BOOLEAN) {
            return literal();
        }
        expect(Token.STRING);
        read();
        String s = readString();
        valueDone();
        return s;
    }

    /** A number (or "NaN"/"Infinity" as a string, or null as NaN). */
    public double nextDouble() {
        Token t = peek();
        if (t == Token.NULL) {
            nextNull();
            return Double.NaN;
        }
        String s = t == Token.STRING ? nextString() : literal();
        return parseDouble(s);
    }

    static double parseDouble(String s) {
        return switch (s) {
            case "NaN", "nan" -> Double.NaN;
            case "Infinity", "inf" -> Double.POSITIVE_INFINITY;
            case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** An integer (a string holding one is accepted); null when the value is null. */
    public Long nextLong() {
        Token t = peek();
        if (t == Token.NULL) {
            nextNull();
            return null;
        }
        String s = t == Token.STRING ? nextString() : literal();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            double d = Double.parseDouble(s);
            return (long) d;
        }
    }

    public void nextNull() {
        expect(Token.NULL);
        String s = literal();
        if (!s.equals("null")) {
            throw error("expected null but found " + s);
        }
    }

    public boolean nextBoolean() {
        expect(Token.BOOLEAN);
        String s = literal();
        if (!s.equals("true") && !s.equals("false")) {
            throw error("expected a boolean but found " + s);
        }
        return s.equals("true");
    }

    /** Skips the next value whatever it is, without keeping it. */
    public void skipValue() {
        switch (peek()) {
            case BEGIN_OBJECT -> {
                beginObject();
                while (hasNext()) {
                    nextName();
                    skipValue();
                }
                endObject();
            }
            case BEGIN_ARRAY -> {
                beginArray();
                while (hasNext()) {
                    skipValue();
                }
                endArray();
            }
            case STRING -> nextString();
            case NUMBER, BOOLEAN, NULL -> literal();
            default -> throw error("no value to skip");
        }
    }

    /** Reads the next value as plain objects: LinkedHashMap, ArrayList, String, Long or Double, Boolean, null. */
    public Object readValue() {
        switch (peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                beginObject();
                while (hasNext()) {
                    String k = nextName();
                    m.put(k, readValue());
                }
                endObject();
                return m;
            }
            case BEGIN_ARRAY -> {
                List<Object> l = new ArrayList<>();
                beginArray();
                while (hasNext()) {
                    l.add(readValue());
                }
                endArray();
                return l;
            }
            case STRING -> {
                return nextString();
            }
            case NULL -> {
                nextNull();
                return null;
            }
            case BOOLEAN -> {
                return nextBoolean();
            }
            case NUMBER -> {
                String s = literal();
                if (s.matches("-?\\d{1,18}")) {
                    return Long.parseLong(s);
                }
                return parseDouble(s);
            }
            default -> throw error("expected a value but found " + peek());
        }
    }

    private String literal() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = peekChar();
            if (c == -1 || c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ':') {
                break;
            }
            sb.append((char) read());
        }
        if (sb.length() == 0) {
            throw error("expected a value");
        }
        valueDone();
        return sb.toString();
    }

    private String readString() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = read();
            if (c == -1) {
                throw error("unterminated string");
            }
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                int e = read();
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        char[] hex = new char[4];
                        for (int i = 0; i < 4; i++) {
                            hex[i] = (char) read();
                        }
                        try {
                            sb.append((char) Integer.parseInt(new String(hex), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                    }
                    default -> throw error("bad escape \\" + (char) e);
                }
            } else {
                sb.append((char) c);
            }
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
