package io.dataops4j.mlflow.transfer;

/**
 * What a transfer did, counted.
 *
 * @param experimentsCreated experiments created in the target
 * @param experimentsUpdated experiments whose tags were changed or that were restored
 * @param runsCreated        runs copied for the first time
 * @param runsUpdated        runs changed in place (tags, status, end time, lifecycle, parent link)
 * @param runsReplaced       half-copied or changed runs copied again
 * @param runsSkipped        runs already copied and up to date
 * @param runsFailed         runs that could not be copied
 * @param modelsCreated      registered models created
 * @param modelsUpdated      registered models whose description or tags were changed
 * @param versionsCreated    model versions registered
 * @param versionsUpdated    model versions changed in place (description, tags, stage)
 * @param versionsSkipped    model versions already copied and up to date
 * @param versionsFailed     model versions that could not be copied
 * @param metricPoints       metric points written
 * @param artifactFiles      artifact files copied
 * @param artifactBytes      artifact bytes copied (as announced by the source's listing)
 */
public record TransferCounts(long experimentsCreated, long experimentsUpdated, long runsCreated, long runsUpdated,
                             long runsReplaced, long runsSkipped, long runsFailed, long modelsCreated, long modelsUpdated,
                             long versionsCreated, long versionsUpdated, long versionsSkipped, long versionsFailed,
                             long metricPoints, long artifactFiles, long artifactBytes) {
    /** Runs looked at, whatever was done to them. */
    public long runs() {
        return runsCreated + runsUpdated + runsReplaced + runsSkipped + runsFailed;
    }

    /** Model versions looked at, whatever was done to them. */
    public long versions() {
        return versionsCreated + versionsUpdated + versionsSkipped + versionsFailed;
    }

    @Override
    public String toString() {
        return "runs: " + runsCreated + " created, " + runsUpdated + " updated, " + runsReplaced + " replaced, " + runsSkipped
                + " skipped, " + runsFailed + " failed; versions: " + versionsCreated + " created, " + versionsUpdated
                + " updated, " + versionsSkipped + " skipped, " + versionsFailed + " failed; experiments: " + experimentsCreated
                + " created, " + experimentsUpdated + " updated; models: " + modelsCreated + " created, " + modelsUpdated
                + " updated; " + metricPoints + " metric points, " + artifactFiles + " artifact files (" + artifactBytes + " bytes)";
    }
}
