package io.dataops4j.mlflow.transfer;

import java.util.Objects;

/**
 * What a plan would do to one experiment and its runs.
 *
 * @param sourceName    its name in the source
 * @param sourceId      its id in the source
 * @param targetName    its name in the target (after renames)
 * @param action        what happens to the experiment itself (its tags; restore when deleted in the target)
 * @param runsToCreate  runs not yet in the target
 * @param runsToUpdate  runs in the target that differ in what can be changed in place
 * @param runsToReplace runs copied halfway before, or whose parameters or metrics changed
 * @param runsToSkip    runs already copied and up to date
 */
public record PlannedExperiment(String sourceName, String sourceId, String targetName, Action action, long runsToCreate,
                                long runsToUpdate, long runsToReplace, long runsToSkip) {
    public PlannedExperiment {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(action, "action");
    }

    /** Runs in the selection. */
    public long runs() {
        return runsToCreate + runsToUpdate + runsToReplace + runsToSkip;
    }

    /** Whether applying would change anything. */
    public boolean hasChanges() {
        return action != Action.SKIP || runsToCreate + runsToUpdate + runsToReplace > 0;
    }
}
