package io.dataops4j.bench.model;

/** How a run was created. Unknown values read as {@link #UNKNOWN}. */
public enum RunType {
    JOB_RUN,
    WORKFLOW_RUN,
    SUBMIT_RUN,
    UNKNOWN
}
