package io.dataops4j.databricks.sql;

import io.dataops4j.databricks.internal.Context;
import io.dataops4j.databricks.internal.SubClients;

/**
 * Databricks SQL: warehouses and the Statement Execution API.
 *
 * <pre>{@code
 * Warehouse wh = dbx.sql().warehouses().ensureRunning("abc123", Duration.ofMinutes(10));
 * try (StatementResult r = dbx.sql().statements().execute(StatementRequest.of(wh.id(), "SELECT 1 AS one"))) {
 *     r.rows().forEach(row -> System.out.println(row.getInt("one")));
 * }
 * }</pre>
 */
public final class Sql {
    private final Warehouses warehouses;
    private final Statements statements;

    static {
        SubClients.register(Sql.class, Sql::new);
    }

    /** Made by {@code DatabricksClient}: use {@code dbx.sql()}. */
    private Sql(Context ctx, String host) {
        this.warehouses = new Warehouses(ctx, host);
        this.statements = new Statements(ctx);
    }

    /** SQL warehouses. */
    public Warehouses warehouses() {
        return warehouses;
    }

    /** Statement execution. */
    public Statements statements() {
        return statements;
    }
}
