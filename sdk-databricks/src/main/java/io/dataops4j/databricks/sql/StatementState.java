package io.dataops4j.databricks.sql;

/** Where a statement is. */
public enum StatementState {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELED,
    CLOSED,
    /** A value this SDK does not know yet. */
    UNKNOWN;

    /** Whether the statement has ended. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED || this == CLOSED;
    }
}
