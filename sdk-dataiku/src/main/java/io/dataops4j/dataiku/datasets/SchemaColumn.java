package io.dataops4j.dataiku.datasets;

import java.util.Objects;

/**
 * A column of a dataset schema.
 *
 * @param name the column's name
 * @param type its DSS storage type: {@code string}, {@code int}, {@code bigint}, {@code double}, {@code boolean},
 *             {@code date}, ...
 */
public record SchemaColumn(String name, String type) {
    public SchemaColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
