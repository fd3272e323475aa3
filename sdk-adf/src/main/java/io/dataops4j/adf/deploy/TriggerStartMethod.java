package io.dataops4j.adf.deploy;

/** Which triggers are started after a deployment (the tool's TriggerStartMethod). */
public enum TriggerStartMethod {
    /** Source triggers whose (configured) {@code runtimeState} is Started (the default). */
    BASED_ON_SOURCE_CODE,
    /** Triggers that were started before the deployment (new triggers stay stopped). */
    KEEP_PREVIOUS_STATE
}
