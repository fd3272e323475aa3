package io.dataops4j.mlflow.tracking;

/** Which experiments or runs a search sees. */
public enum ViewType {
    /** Only active ones (the default). */
    ACTIVE_ONLY,
    /** Only deleted (restorable) ones. */
    DELETED_ONLY,
    /** Both. */
    ALL
}
