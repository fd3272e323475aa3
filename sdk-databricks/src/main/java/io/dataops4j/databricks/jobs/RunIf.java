package io.dataops4j.databricks.jobs;

/** When a task runs, given the outcomes of the tasks it depends on ({@code run_if}). */
public enum RunIf {
    /** Every dependency succeeded (the default). */
    ALL_SUCCESS,
    /** Every dependency finished, whatever its outcome. */
    ALL_DONE,
    /** No dependency failed (some may have been skipped). */
    NONE_FAILED,
    /** At least one dependency succeeded. */
    AT_LEAST_ONE_SUCCESS,
    /** Every dependency failed. */
    ALL_FAILED,
    /** At least one dependency failed. */
    AT_LEAST_ONE_FAILED
}
