package io.dataops4j.dataiku.jobs;

/** How a job builds its outputs. */
public enum JobType {
    /** Builds the outputs and, first, whatever upstream is out of date ("smart" build). */
    RECURSIVE_BUILD,
    /** Builds only the outputs, from their direct inputs (dataikuapi's default). */
    NON_RECURSIVE_FORCED_BUILD,
    /** Rebuilds the outputs and everything upstream. */
    RECURSIVE_FORCED_BUILD,
    /** Builds upstream datasets that are missing, then the outputs. */
    RECURSIVE_MISSING_ONLY_BUILD
}
