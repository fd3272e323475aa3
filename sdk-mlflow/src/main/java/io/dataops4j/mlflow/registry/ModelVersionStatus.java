package io.dataops4j.mlflow.registry;

/** Where a model version's registration stands. */
public enum ModelVersionStatus {
    /** Being registered (copying artifacts on some servers). */
    PENDING_REGISTRATION,
    /** Registration failed; the version's {@code statusMessage} says why. */
    FAILED_REGISTRATION,
    /** Registered and usable. */
    READY,
    /** A status this SDK does not know yet. */
    UNKNOWN
}
