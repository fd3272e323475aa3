package io.dataops4j.dataiku.datasets;

import java.util.Objects;

/**
 * A table of a SQL connection, as the tables-import listing gives it.
 *
 * @param schema the schema, or null
 * @param table  the table's name
 */
public record SqlTable(String schema, String table) {
    public SqlTable {
        Objects.requireNonNull(table, "table");
    }
}
