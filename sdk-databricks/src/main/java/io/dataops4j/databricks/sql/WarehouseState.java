package io.dataops4j.databricks.sql;

/** A SQL warehouse's state. */
public enum WarehouseState {
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED,
    DELETING,
    DELETED,
    /** A value this SDK does not know yet. */
    UNKNOWN
}
