package io.dataops4j.mlflow.internal;

import java.util.Arrays;

/** A growable byte array with JSON writing helpers (UTF-8, escaped strings, numbers), for hand-built bodies. */
public final class ByteBuf {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] data;
    private int size;

    public ByteBuf(int capacity) {
        this.data = new byte[Math.max(16, capacity)];
    }

    public int size() {
        return size;
    }

    /** Drops everything after {@code newSize} bytes. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IndexOutOfBoundsException(newSize);
        }
        size = newSize;
    }

    public void clear() {
        size = 0;
    }

    /** Copies the content into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(data, 0, target, offset, size);
    }

    public byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    private void ensure(int extra) {
        int need = size + extra;
        if (need > data.length) {
            data = Arrays.copyOf(data, Math.max(need, data.length * 2));
        }
    }

    public ByteBuf writeByte(int b) {
        ensure(1);
        data[size++] = (byte) b;
        return this;
    }

    /** Writes text known to be ASCII, without escaping. */
    public ByteBuf writeAscii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            data[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    public ByteBuf writeLong(long v) {
        return writeAscii(Long.toString(v));
    }

    /**
     * Writes a double as JSON; NaN and infinities as the strings protobuf's JSON mapping uses ({@code "NaN"},
     * {@code "Infinity"}, {@code "-Infinity"}), which the MLflow server accepts.
     */
    public ByteBuf writeDouble(double v) {
        if (Double.isNaN(v)) {
            return writeAscii("\"NaN\"");
        }
        if (Double.isInfinite(v)) {
            return writeAscii(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return writeLong((long) v);
        }
        return writeAscii(Double.toString(v));
    }

    /** Writes a JSON string: quoted, escaped, UTF-8 encoded (unpaired surrogates become U+FFFD). */
    public ByteBuf writeString(String s) {
        int n = s.length();
        ensure(n + 2);
        data[size++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == '"' || c == '\\') {
                    ensure(2 + (n - i));
                    data[size++] = '\\';
                    data[size++] = (byte) c;
                } else if (c < 0x20) {
                    ensure(6 + (n - i));
                    switch (c) {
                        case '\n' -> { data[size++] = '\\'; data[size++] = 'n'; }
                        case '\r' -> { data[size++] = '\\'; data[size++] = 'r'; }
                        case '\t' -> { data[size++] = '\\'; data[size++] = 't'; }
                        case '\b' -> { data[size++] = '\\'; data[size++] = 'b'; }
                        case '\f' -> { data[size++] = '\\'; data[size++] = 'f'; }
                        default -> {
                            data[size++] = '\\';
                            data[size++] = 'u';
                            data[size++] = '0';
                            data[size++] = '0';
                            data[size++] = HEX[c >> 4];
                            data[size++] = HEX[c & 0xF];
                        }
                    }
                } else {
                    ensure(1 + (n - i));
                    data[size++] = (byte) c;
                }
            } else if (c < 0x800) {
                ensure(2 + (n - i));
                data[size++] = (byte) (0xC0 | (c >> 6));
                data[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                ensure(4 + (n - i));
                data[size++] = (byte) (0xF0 | (cp >> 18));
                data[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                data[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                data[size++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                char ch = Character.isSurrogate(c) ? '\uFFFD' : c;
                ensure(3 + (n - i));
                data[size++] = (byte) (0xE0 | (ch >> 12));
                data[size++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                data[size++] = (byte) (0x80 | (ch & 0x3F));
            }
        }
        ensure(1);
        data[size++] = '"';
        return this;
    }
}
