package io.dataops4j.mlflow.transfer;

import java.util.List;
import java.util.Objects;

/**
 * What a plan would do to one registered model and its versions.
 *
 * @param sourceName        its name in the source
 * @param targetName        its name in the target (after renames)
 * @param action            what happens to the model itself (description, tags)
 * @param versionsToCreate  versions to register
 * @param versionsToUpdate  versions to change in place (description, tags, stage)
 * @param versionsToSkip    versions already copied and up to date
 * @param aliasesToSet      aliases to set or move, as {@code alias -> source version}
 * @param notes             what else is worth knowing (versions that cannot be copied, stages a target ignores)
 */
public record PlannedModel(String sourceName, String targetName, Action action, long versionsToCreate,
                           long versionsToUpdate, long versionsToSkip, List<String> aliasesToSet, List<String> notes) {
    public PlannedModel {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(action, "action");
        aliasesToSet = List.copyOf(aliasesToSet);
        notes = List.copyOf(notes);
    }

    /** Versions in the selection. */
    public long versions() {
        return versionsToCreate + versionsToUpdate + versionsToSkip;
    }

    /** Whether applying would change anything. */
    public boolean hasChanges() {
        return action != Action.SKIP || versionsToCreate + versionsToUpdate > 0 || !aliasesToSet.isEmpty();
    }
}
