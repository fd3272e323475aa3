package io.dataops4j.databricks.internal;

import io.dataops4j.core.error.DeserializationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a JSON_ARRAY result chunk ({@code [["1","a"],["2",null]]}) row by row from its bytes, without building a
 * tree and without decoding values: each row is a set of offsets into the chunk ({@link #nextOffsets()}), decoded
 * only when a getter asks ({@link #decode}, {@link #parseLong}). JSON null stays null; numbers and booleans keep
 * their text.
 */
public final class JsonRows implements Iterator<String[]> {
    /** The start offset that marks a JSON null. */
    public static final int NULL = Integer.MIN_VALUE;

    private final byte[] b;
    private final int end;
    private final int width;
    private int pos;
    private boolean done;

    /**
     * @param bytes the chunk's bytes (UTF-8)
     * @param width the column count, a hint for the row arrays
     */
    public JsonRows(byte[] bytes, int width) {
        this.b = bytes;
        this.end = bytes.length;
        this.width = Math.max(1, width);
        skipWs();
        if (pos >= end) {
            done = true;   // an empty body: no rows
            return;
        }
        expect('[');
        skipWs();
        if (pos < end && b[pos] == ']') {
            pos++;
            done = true;
        }
    }

    /** The chunk's bytes. */
    public byte[] bytes() {
        return b;
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    /** The next row, decoded. */
    @Override
    public String[] next() {
        int[] o = nextOffsets();
        String[] row = new String[o.length / 2];
        for (int i = 0; i < row.length; i++) {
            row[i] = decode(b, o[2 * i], o[2 * i + 1]);
        }
        return row;
    }

    /**
     * The next row as offsets: for value k, {@code [2k]} is the start of its text (bitwise-negated when the text holds
     * escapes, {@link #NULL} for null) and {@code [2k+1]} its end (exclusive).
     */
    public int[] nextOffsets() {
        if (done) {
            throw new NoSuchElementException();
        }
        skipWs();
        expect('[');
        int[] o = new int[width * 2];
        int n = 0;
        skipWs();
        if (pos < end && b[pos] == ']') {
            pos++;
        } else {
            while (true) {
                skipWs();
                if (n * 2 == o.length) {
                    o = Arrays.copyOf(o, o.length * 2);
                }
                value(o, n++);
                skipWs();
                byte c = pos < end ? b[pos++] : 0;
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw error("',' or ']'");
                }
            }
        }
        skipWs();
        byte c = pos < end ? b[pos++] : 0;
        if (c == ']') {
            done = true;
        } else if (c != ',') {
            throw error("',' or ']' after a row");
        }
        return n * 2 == o.length ? o : Arrays.copyOf(o, n * 2);
    }

    private void value(int[] o, int k) {
        if (pos >= end) {
            throw error("a value");
        }
        byte c = b[pos];
        if (c == '"') {
            int start = ++pos;
            boolean escaped = false;
            while (pos < end) {
                byte x = b[pos];
                if (x == '"') {
                    o[2 * k] = escaped ? ~start : start;
                    o[2 * k + 1] = pos++;
                    return;
                }
                if (x == '\\') {
                    escaped = true;
                    pos++;
                }
                pos++;
            }
            throw error("the end of a string");
        }
        if (c == 'n' && pos + 4 <= end && b[pos + 1] == 'u' && b[pos + 2] == 'l' && b[pos + 3] == 'l') {
            pos += 4;
            o[2 * k] = NULL;
            o[2 * k + 1] = 0;
            return;
        }
        int start = pos;
        while (pos < end && b[pos] != ',' && b[pos] != ']' && b[pos] > ' ') {
            pos++;
        }
        if (start == pos) {
            throw error("a value");
        }
        o[2 * k] = start;
        o[2 * k + 1] = pos;
    }

    /** Decodes one value given its offsets; null for {@link #NULL}. */
    public static String decode(byte[] b, int start, int end) {
        if (start == NULL) {
            return null;
        }
        if (start >= 0) {
            return new String(b, start, end - start, StandardCharsets.UTF_8);
        }
        return unescape(b, ~start, end);
    }

    /**
     * Parses a plain integer straight from the bytes (no string made); falls back to decoding for anything else.
     *
     * @throws NumberFormatException when the value is not an integer
     */
    public static long parseLong(byte[] b, int start, int end) {
        if (start < 0 || end - start > 18 || end == start) {
            return Long.parseLong(decode(b, start, end));
        }
        int i = start;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
            if (i == end) {
                throw new NumberFormatException("not a number: -");
            }
        }
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return Long.parseLong(decode(b, start, end));
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    private static String unescape(byte[] b, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
        int pos = start;
        while (pos < end) {
            byte c = b[pos];
            if (c == '\\') {
                if (run.size() > 0) {
                    sb.append(run.toString(StandardCharsets.UTF_8));
                    run.reset();
                }
                byte e = b[pos + 1];
                pos += 2;
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
                        sb.append((char) Integer.parseInt(new String(b, pos, 4, StandardCharsets.US_ASCII), 16));
                        pos += 4;
                    }
                    default -> throw new DeserializationException("invalid escape '\\" + (char) e + "' in a result chunk", null);
                }
            } else {
                run.write(c);
                pos++;
            }
        }
        if (run.size() > 0) {
            sb.append(run.toString(StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private void skipWs() {
        while (pos < end && (b[pos] == ' ' || b[pos] == '\n' || b[pos] == '\r' || b[pos] == '\t')) {
            pos++;
        }
    }

    private void expect(char c) {
        if (pos >= end || b[pos] != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private DeserializationException error(String expected) {
        return new DeserializationException("result chunk is not a JSON array of rows: expected " + expected + " at byte " + pos,
                null);
    }

    /** Every row of a chunk, decoded, for tests and small chunks. */
    public static java.util.List<String[]> all(byte[] bytes, int width) {
        java.util.List<String[]> out = new ArrayList<>();
        new JsonRows(bytes, width).forEachRemaining(out::add);
        return out;
    }
}
