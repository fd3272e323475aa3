package io.dataops4j.adf.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small JSON tree for ADF resources: objects are {@code LinkedHashMap<String,Object>} (key order kept), arrays
 * {@code ArrayList<Object>}, strings {@code String}, numbers {@link Num} (the literal as written, so that
 * {@code 2000000} never becomes {@code 2000000.0}), booleans {@code Boolean}, JSON null is Java null. The parser
 * reports line and column; a lenient mode (config values and config files) accepts single-quoted strings, bare keys
 * and comments, as PowerShell's ConvertFrom-Json does.
 */
public final class JsonTree {
    private JsonTree() {
    }

    /** A JSON number kept as written; equal to another when numerically equal. */
    public record Num(String text) {
        public Num {
            new BigDecimal(text);
        }

        public BigDecimal decimal() {
            return new BigDecimal(text);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Num n && decimal().compareTo(n.decimal()) == 0;
        }

        @Override
        public int hashCode() {
            return canonical().hashCode();
        }

        /** The shortest plain form: 1.0 and 1 and 1E0 all give "1". */
        public String canonical() {
            BigDecimal d = decimal();
            if (d.signum() == 0) {
                return "0";
            }
            return d.stripTrailingZeros().toPlainString();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A syntax error with its position. */
    public static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        SyntaxError(String message, int line, int column) {
            super(message + " at line " + line + ", column " + column);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** Parses strict JSON. */
    public static Object parse(String text) {
        return new Parser(text, false, null).parseDocument();
    }

    /** Parses JSON leniently: single quotes, bare keys, comments. */
    public static Object parseLenient(String text) {
        return new Parser(text, true, null).parseDocument();
    }

    /** Parses, recording the line on which each object and array starts. */
    public static Object parse(String text, boolean lenient, IdentityHashMap<Object, Integer> lines) {
        return new Parser(text, lenient, lines).parseDocument();
    }

    /** A deep copy. */
    @SuppressWarnings("unchecked")
    public static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, copy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(copy(x)));
            return out;
        }
        return v;
    }

    /** Compact JSON, keys in their order. */
    public static String write(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, false, null, 0);
        return sb.toString();
    }

    /** Indented JSON (4 spaces), keys in their order. */
    public static String pretty(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, false, "    ", 0);
        return sb.toString();
    }

    /** Canonical JSON: keys sorted, numbers in their shortest plain form, no spaces. Equal values give equal text. */
    public static String canonical(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, true, null, 0);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder sb, Object v, boolean canonical, String indent, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Num n) {
            sb.append(canonical ? n.canonical() : n.text());
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            if (canonical) {
                map = new TreeMap<>(map);
            }
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : map.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, indent, depth + 1);
                quote(sb, e.getKey());
                sb.append(indent != null ? ": " : ":");
                write(sb, e.getValue(), canonical, indent, depth + 1);
            }
            newline(sb, indent, depth);
            sb.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            boolean first = true;
            for (Object x : l) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, indent, depth + 1);
                write(sb, x, canonical, indent, depth + 1);
            }
            newline(sb, indent, depth);
            sb.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON tree value: " + v.getClass().getName());
        }
    }

    private static void newline(StringBuilder sb, String indent, int depth) {
        if (indent != null) {
            sb.append('\n');
            sb.append(indent.repeat(depth));
        }
    }

    /** Appends a JSON string literal. */
    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
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
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** A JSON string literal. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        quote(sb, s);
        return sb.toString();
    }

    private static final class Parser {
        private final String s;
        private final boolean lenient;
        private final IdentityHashMap<Object, Integer> lines;
        private int pos;
        private int line = 1;
        private int lineStart;

        Parser(String text, boolean lenient, IdentityHashMap<Object, Integer> lines) {
            this.s = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.lenient = lenient;
            this.lines = lines;
        }

        Object parseDocument() {
            skip();
            if (pos >= s.length()) {
                throw error("empty document");
            }
            Object v = value(0);
            skip();
            if (pos < s.length()) {
                throw error("unexpected '" + s.charAt(pos) + "' after the JSON value");
            }
            return v;
        }

        private SyntaxError error(String message) {
            return new SyntaxError(message, line, pos - lineStart + 1);
        }

        private void skip() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    pos++;
                    line++;
                    lineStart = pos;
                } else if (c == ' ' || c == '\t' || c == '\r') {
                    pos++;
                } else if (lenient && c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (lenient && c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '*') {
                    int end = s.indexOf("*/", pos + 2);
                    if (end < 0) {
                        throw error("unterminated comment");
                    }
                    for (int i = pos; i < end; i++) {
                        if (s.charAt(i) == '\n') {
                            line++;
                            lineStart = i + 1;
                        }
                    }
                    pos = end + 2;
                } else {
                    return;
                }
            }
        }

        private Object value(int depth) {
            if (depth > 512) {
                throw error("nested too deeply");
            }
            skip();
            if (pos >= s.length()) {
                throw error("unexpected end of input");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string('"');
                case '\'':
                    if (lenient) {
                        return string('\'');
                    }
                    throw error("single-quoted strings are not JSON");
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected '" + c + "'");
            }
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, pos)) {
                throw error("unexpected '" + s.charAt(pos) + "'");
            }
            pos += word.length();
            return v;
        }

        private Num number() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            int intStart = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == intStart || (s.charAt(intStart) == '0' && pos - intStart > 1)) {
                throw error("invalid number");
            }
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                int f = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (pos == f) {
                    throw error("invalid number");
                }
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                int e = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (pos == e) {
                    throw error("invalid number");
                }
            }
            return new Num(s.substring(start, pos));
        }

        private String string(char q) {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == q) {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (pos >= s.length()) {
                        throw error("unterminated string");
                    }
                    char e = s.charAt(pos++);
                    switch (e) {
                        case '"' -> sb.append('"');
                        case '\'' -> sb.append('\'');
                        case '\\' -> sb.append('\\');
                        case '/' -> sb.append('/');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (pos + 4 > s.length()) {
                                throw error("bad \\u escape");
                            }
                            try {
                                sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw error("bad \\u escape");
                            }
                            pos += 4;
                        }
                        default -> throw error("bad escape \\" + e);
                    }
                } else if (c == '\n') {
                    throw error("line break inside a string");
                } else if (c < 0x20 && c != '\t') {
                    throw error("control character inside a string");
                } else {
                    sb.append(c);
                }
            }
        }

        private Map<String, Object> object(int depth) {
            int startLine = line;
            pos++;
            Map<String, Object> m = new LinkedHashMap<>();
            if (lines != null) {
                lines.put(m, startLine);
            }
            skip();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                skip();
                if (pos >= s.length()) {
                    throw error("unterminated object");
                }
                String key;
                char c = s.charAt(pos);
                if (c == '"') {
                    key = string('"');
                } else if (lenient && c == '\'') {
                    key = string('\'');
                } else if (lenient && (Character.isLetter(c) || c == '_' || c == '$')) {
                    int st = pos;
                    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '$')) {
                        pos++;
                    }
                    key = s.substring(st, pos);
                } else {
                    throw error("expected a property name");
                }
                skip();
                if (pos >= s.length() || s.charAt(pos) != ':') {
                    throw error("expected ':'");
                }
                pos++;
                if (m.containsKey(key)) {
                    throw error("duplicate property \"" + key + "\"");
                }
                m.put(key, value(depth + 1));
                skip();
                if (pos >= s.length()) {
                    throw error("unterminated object");
                }
                char d = s.charAt(pos++);
                if (d == '}') {
                    return m;
                }
                if (d != ',') {
                    pos--;
                    throw error("expected ',' or '}'");
                }
                if (lenient) {
                    skip();
                    if (pos < s.length() && s.charAt(pos) == '}') {
                        pos++;
                        return m;
                    }
                }
            }
        }

        private List<Object> array(int depth) {
            int startLine = line;
            pos++;
            List<Object> l = new ArrayList<>();
            if (lines != null) {
                lines.put(l, startLine);
            }
            skip();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value(depth + 1));
                skip();
                if (pos >= s.length()) {
                    throw error("unterminated array");
                }
                char d = s.charAt(pos++);
                if (d == ']') {
                    return l;
                }
                if (d != ',') {
                    pos--;
                    throw error("expected ',' or ']'");
                }
                if (lenient) {
                    skip();
                    if (pos < s.length() && s.charAt(pos) == ']') {
                        pos++;
                        return l;
                    }
                }
            }
        }
    }
}
