package io.dataops4j.mlflow.transfer;

/** What a transfer does, or would do, to one object of the target. */
public enum Action {
    /** It is not in the target: it is created. */
    CREATE("+", "create"),
    /** It is in the target but differs in what can be changed in place (tags, status, end time, stage...). */
    UPDATE("~", "update"),
    /**
     * A run copied only halfway by an earlier attempt, or whose parameters or metrics changed since: the old copy is
     * marked superseded and deleted (restorable) and the run is copied again, since metrics can only be appended.
     */
    REPLACE("-/+", "replace"),
    /** It is in the target and up to date: nothing is done. */
    SKIP("=", "skip");

    private final String symbol;
    private final String verb;

    Action(String symbol, String verb) {
        this.symbol = symbol;
        this.verb = verb;
    }

    /** {@code +}, {@code ~}, {@code -/+} or {@code =}, as a plan prints it. */
    public String symbol() {
        return symbol;
    }

    /** {@code create}, {@code update}, {@code replace} or {@code skip}. */
    public String verb() {
        return verb;
    }
}
