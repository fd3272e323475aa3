package io.dataops4j.adf.deploy;

/** Which started triggers are stopped before a deployment (the tool's TriggerStopMethod). */
public enum TriggerStopMethod {
    /** Every started trigger of the target (the default). */
    ALL_ENABLED,
    /** Only triggers this deployment changes or deletes (and those whose desired state is Stopped). */
    DEPLOYABLE_ONLY
}
