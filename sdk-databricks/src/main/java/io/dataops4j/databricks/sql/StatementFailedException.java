package io.dataops4j.databricks.sql;

import io.dataops4j.core.error.OperationFailedException;

/** A statement ended FAILED (or CANCELED, or CLOSED before its result was read); carries the SQLSTATE and code. */
public final class StatementFailedException extends OperationFailedException {
    private static final long serialVersionUID = 1L;
    private final String statementId;
    private final String sqlState;
    private final String errorCode;

    StatementFailedException(StatementResponse r) {
        super(describe(r), r);
        this.statementId = r.statementId();
        this.sqlState = r.status() == null ? null : r.status().sqlState();
        this.errorCode = r.status() == null || r.status().error() == null ? null : r.status().error().errorCode();
    }

    private static String describe(StatementResponse r) {
        StringBuilder sb = new StringBuilder("statement ").append(r.statementId()).append(' ')
                .append(r.state() == StatementState.FAILED ? "failed" : "ended " + r.state());
        StatementResponse.Status s = r.status();
        if (s != null && s.error() != null) {
            sb.append(": ");
            if (s.error().errorCode() != null) {
                sb.append(s.error().errorCode()).append(": ");
            }
            sb.append(s.error().message() == null ? "(no message)" : s.error().message());
        }
        if (s != null && s.sqlState() != null) {
            sb.append(" (SQLSTATE ").append(s.sqlState()).append(')');
        }
        return sb.toString();
    }

    /** The statement's id. */
    public String statementId() {
        return statementId;
    }

    /** The SQLSTATE, or null. */
    public String sqlState() {
        return sqlState;
    }

    /** The service's error code ({@code BAD_REQUEST}, ...), or null. */
    public String errorCode() {
        return errorCode;
    }
}
