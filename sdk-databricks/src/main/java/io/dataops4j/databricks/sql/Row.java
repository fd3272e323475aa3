package io.dataops4j.databricks.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import io.dataops4j.databricks.internal.JsonRows;

/**
 * One row of a statement's result, with typed getters by column index (0-based) or name. Values travel as text;
 * each getter parses, and says which column and type when it cannot. {@code null} values give null from the object
 * getters ({@link #getLong}, ...); the primitive ones ({@link #getLongValue}) fail on null.
 *
 * <pre>{@code
 * for (Row row : result) {
 *     long id = row.getLongValue("id");
 *     BigDecimal amount = row.getDecimal("amount");
 *     Instant at = row.getTimestamp("updated_at");
 *     if (row.isNull("comment")) { ... }
 * }
 * }</pre>
 */
public final class Row {
    private final String[] values;
    private final byte[] chunk;
    private final int[] offsets;
    private final Map<String, Integer> index;
    private final String[] names;

    Row(String[] values, Map<String, Integer> index, String[] names) {
        this.values = values;
        this.chunk = null;
        this.offsets = null;
        this.index = index;
        this.names = names;
    }

    /** A row of an EXTERNAL_LINKS chunk: values stay bytes of the chunk until a getter decodes them. */
    Row(byte[] chunk, int[] offsets, Map<String, Integer> index, String[] names) {
        this.values = null;
        this.chunk = chunk;
        this.offsets = offsets;
        this.index = index;
        this.names = names;
    }

    /** How many values. */
    public int size() {
        return values != null ? values.length : offsets.length / 2;
    }

    private int col(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column '" + name + "' (columns: " + Arrays.toString(names) + ")");
        }
        return i;
    }

    private String raw(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("column " + i + " of a row of " + size());
        }
        return values != null ? values[i] : JsonRows.decode(chunk, offsets[2 * i], offsets[2 * i + 1]);
    }

    private String name(int i) {
        return i < names.length ? "'" + names[i] + "'" : "#" + i;
    }

    public boolean isNull(int i) {
        if (values == null && i >= 0 && i < size()) {
            return offsets[2 * i] == JsonRows.NULL;
        }
        return raw(i) == null;
    }

    public boolean isNull(String name) {
        return isNull(col(name));
    }

    /** The value as text (any type), or null. */
    public String getString(int i) {
        return raw(i);
    }

    public String getString(String name) {
        return getString(col(name));
    }

    /** An INT, SMALLINT or TINYINT value, or null. */
    public Integer getInt(int i) {
        String v = raw(i);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw bad(i, v, "an int", e);
        }
    }

    public Integer getInt(String name) {
        return getInt(col(name));
    }

    /** A BIGINT value (or any smaller integer), or null. */
    public Long getLong(int i) {
        if (values == null && i >= 0 && i < size()) {
            if (offsets[2 * i] == JsonRows.NULL) {
                return null;
            }
            try {
                return JsonRows.parseLong(chunk, offsets[2 * i], offsets[2 * i + 1]);
            } catch (NumberFormatException e) {
                throw bad(i, raw(i), "a long", e);
            }
        }
        String v = raw(i);
        try {
            return v == null ? null : Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw bad(i, v, "a long", e);
        }
    }

    public Long getLong(String name) {
        return getLong(col(name));
    }

    /** A BIGINT value; fails on null. */
    public long getLongValue(int i) {
        if (isNull(i)) {
            throw new NullPointerException("column " + name(i) + " is null");
        }
        if (values == null) {
            try {
                return JsonRows.parseLong(chunk, offsets[2 * i], offsets[2 * i + 1]);
            } catch (NumberFormatException e) {
                throw bad(i, raw(i), "a long", e);
            }
        }
        return getLong(i);
    }

    public long getLongValue(String name) {
        return getLongValue(col(name));
    }

    /** A DOUBLE or FLOAT value ({@code NaN} and {@code Infinity} included), or null. */
    public Double getDouble(int i) {
        String v = raw(i);
        try {
            return v == null ? null : Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw bad(i, v, "a double", e);
        }
    }

    public Double getDouble(String name) {
        return getDouble(col(name));
    }

    /** A DECIMAL value, exact, or null. */
    public BigDecimal getDecimal(int i) {
        String v = raw(i);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw bad(i, v, "a decimal", e);
        }
    }

    public BigDecimal getDecimal(String name) {
        return getDecimal(col(name));
    }

    /** A BOOLEAN value, or null. */
    public Boolean getBoolean(int i) {
        String v = raw(i);
        if (v == null) {
            return null;
        }
        if (v.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw bad(i, v, "a boolean", null);
    }

    public Boolean getBoolean(String name) {
        return getBoolean(col(name));
    }

    /** A DATE value ({@code 2026-01-31}), or null. */
    public LocalDate getDate(int i) {
        String v = raw(i);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw bad(i, v, "a date", e);
        }
    }

    public LocalDate getDate(String name) {
        return getDate(col(name));
    }

    /**
     * A TIMESTAMP value ({@code 2026-01-31T03:04:05.123Z}, or with an offset), or null; a TIMESTAMP_NTZ (no offset)
     * is read as UTC.
     */
    public Instant getTimestamp(int i) {
        String v = raw(i);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw bad(i, v, "a timestamp", e2);
            }
        }
    }

    public Instant getTimestamp(String name) {
        return getTimestamp(col(name));
    }

    private IllegalArgumentException bad(int i, String v, String what, Exception cause) {
        String shown = v.length() > 40 ? v.substring(0, 40) + "..." : v;
        return new IllegalArgumentException("column " + name(i) + ": '" + shown + "' is not " + what, cause);
    }

    /** The values as text. */
    public String[] values() {
        if (values != null) {
            return values.clone();
        }
        String[] out = new String[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = raw(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return Arrays.toString(values());
    }
}
