package io.dataops4j.databricks.jobs;

/** The comparison of a condition task ({@code condition_task.op}). */
public enum ConditionOp {
    EQUAL_TO,
    NOT_EQUAL,
    GREATER_THAN,
    GREATER_THAN_OR_EQUAL,
    LESS_THAN,
    LESS_THAN_OR_EQUAL
}
