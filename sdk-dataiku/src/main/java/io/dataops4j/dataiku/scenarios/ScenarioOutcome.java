package io.dataops4j.dataiku.scenarios;

/** How a scenario run (or one of its steps) ended: {@code result.outcome}. */
public enum ScenarioOutcome {
    SUCCESS, WARNING, FAILED, ABORTED,
    /** An outcome this version does not know. */
    UNKNOWN
}
