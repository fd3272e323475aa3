package io.dataops4j.dataiku.projects;

/**
 * What to clear when deleting a project ({@code DELETE /projects/{key}}); the defaults are dataikuapi's: keep the
 * data, clear the job and scenario logs.
 *
 * @param clearManagedDatasets       drop the data of managed datasets
 * @param clearOutputManagedFolders  drop the data of managed folders that recipes write
 * @param clearJobAndScenarioLogs    drop job and scenario logs
 * @param clearManagedKnowledgeBanks drop the data of managed knowledge banks
 */
public record ProjectDeletion(boolean clearManagedDatasets, boolean clearOutputManagedFolders,
                              boolean clearJobAndScenarioLogs, boolean clearManagedKnowledgeBanks) {
    public static ProjectDeletion defaults() {
        return new ProjectDeletion(false, false, true, false);
    }

    /** Deletes the data of managed datasets and output folders too. */
    public ProjectDeletion withData() {
        return new ProjectDeletion(true, true, clearJobAndScenarioLogs, clearManagedKnowledgeBanks);
    }
}
