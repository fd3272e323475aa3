package io.dataops4j.databricks.sql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A statement to execute on a SQL warehouse ({@code POST /api/2.0/sql/statements}), validated when built: the wait
 * timeout is 0 or 5 to 50 seconds; INLINE results are JSON_ARRAY only; limits are positive. Only what is set is sent.
 *
 * <pre>{@code
 * StatementRequest q = StatementRequest.builder("abc123", "SELECT * FROM sales WHERE day = :day")
 *     .parameter("day", "2026-01-31", "DATE")
 *     .catalog("main").schema("sales")
 *     .disposition(Disposition.EXTERNAL_LINKS)
 *     .build();
 * }</pre>
 */
public final class StatementRequest {
    /** Where results go. */
    public enum Disposition {
        /** In the answer, up to 25 MiB, JSON_ARRAY only. */
        INLINE,
        /** Pre-signed links to chunks in cloud storage, up to 100 GiB. */
        EXTERNAL_LINKS
    }

    /** The result format. */
    public enum Format {
        JSON_ARRAY,
        ARROW_STREAM,
        CSV
    }

    /** What happens when the wait timeout passes before the statement ends. */
    public enum OnWaitTimeout {
        /** The statement goes on; the client polls. */
        CONTINUE,
        /** The statement is cancelled. */
        CANCEL
    }

    private final Map<String, Object> wire;
    private final Disposition disposition;
    private final Format format;

    private StatementRequest(Map<String, Object> wire, Disposition disposition, Format format) {
        this.wire = java.util.Collections.unmodifiableMap(wire);
        this.disposition = disposition;
        this.format = format;
    }

    /** A statement with every option at the service's default. */
    public static StatementRequest of(String warehouseId, String statement) {
        return builder(warehouseId, statement).build();
    }

    public static Builder builder(String warehouseId, String statement) {
        return new Builder(warehouseId, statement);
    }

    /** The request body. */
    public Map<String, Object> toWire() {
        return wire;
    }

    /** The disposition asked for (INLINE when not set). */
    public Disposition disposition() {
        return disposition == null ? Disposition.INLINE : disposition;
    }

    /** The format asked for (JSON_ARRAY when not set). */
    public Format format() {
        return format == null ? Format.JSON_ARRAY : format;
    }

    @Override
    public String toString() {
        return "StatementRequest[" + wire.get("warehouse_id") + "]";
    }

    /** Builds a {@link StatementRequest}. */
    public static final class Builder {
        private final Map<String, Object> wire = new LinkedHashMap<>();
        private final List<Map<String, Object>> parameters = new ArrayList<>();
        private final List<Map<String, Object>> tags = new ArrayList<>();
        private Disposition disposition;
        private Format format;

        private Builder(String warehouseId, String statement) {
            wire.put("statement", Objects.requireNonNull(statement, "statement"));
            wire.put("warehouse_id", Objects.requireNonNull(warehouseId, "warehouseId"));
        }

        public Builder catalog(String catalog) {
            wire.put("catalog", catalog);
            return this;
        }

        public Builder schema(String schema) {
            wire.put("schema", schema);
            return this;
        }

        /** A named parameter ({@code :name} in the statement), typed as a string. */
        public Builder parameter(String name, String value) {
            return parameter(name, value, null);
        }

        /**
         * A named parameter with a SQL type ({@code INT}, {@code DATE}, {@code DECIMAL(10,2)}, ...); a null value is
         * SQL NULL.
         */
        public Builder parameter(String name, String value, String type) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", Objects.requireNonNull(name, "name"));
            if (value != null) {
                p.put("value", value);
            }
            if (type != null) {
                p.put("type", type);
            }
            parameters.add(p);
            return this;
        }

        /** How long the first call waits for the statement: 0 (return at once) or 5 to 50 seconds. */
        public Builder waitTimeout(Duration timeout) {
            long s = timeout.toSeconds();
            if (timeout.toMillis() % 1000 != 0 || (s != 0 && (s < 5 || s > 50))) {
                throw new IllegalArgumentException("wait_timeout must be 0s or 5s-50s in whole seconds, but was " + timeout);
            }
            wire.put("wait_timeout", s + "s");
            return this;
        }

        public Builder onWaitTimeout(OnWaitTimeout what) {
            wire.put("on_wait_timeout", what.name());
            return this;
        }

        public Builder disposition(Disposition disposition) {
            this.disposition = disposition;
            wire.put("disposition", disposition.name());
            return this;
        }

        public Builder format(Format format) {
            this.format = format;
            wire.put("format", format.name());
            return this;
        }

        /** The most rows returned (the result is then truncated). */
        public Builder rowLimit(long rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("row_limit must be positive: " + rows);
            }
            wire.put("row_limit", rows);
            return this;
        }

        /** The most bytes returned. */
        public Builder byteLimit(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("byte_limit must be positive: " + bytes);
            }
            wire.put("byte_limit", bytes);
            return this;
        }

        /** A query tag. */
        public Builder queryTag(String key, String value) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("key", key);
            t.put("value", value);
            tags.add(t);
            return this;
        }

        /** Other fields, as the API writes them. */
        public Builder extras(Map<String, Object> fields) {
            wire.putAll(fields);
            return this;
        }

        public StatementRequest build() {
            if ((disposition == null || disposition == Disposition.INLINE) && format != null && format != Format.JSON_ARRAY) {
                throw new IllegalArgumentException("format " + format + " needs disposition EXTERNAL_LINKS: INLINE results "
                        + "are JSON_ARRAY only");
            }
            Map<String, Object> out = new LinkedHashMap<>(wire);
            if (!parameters.isEmpty()) {
                out.put("parameters", List.copyOf(parameters));
            }
            if (!tags.isEmpty()) {
                out.put("query_tags", List.copyOf(tags));
            }
            return new StatementRequest(out, disposition, format);
        }
    }
}
