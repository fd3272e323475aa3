package io.dataops4j.devops.pipelines;

import io.dataops4j.devops.Ref;

/**
 * A pipeline run.
 *
 * @param id           the run id
 * @param name         the run name ("20261128.1")
 * @param state        {@code unknown|inProgress|canceling|completed}
 * @param result       {@code unknown|succeeded|failed|canceled}, or null until completed
 * @param createdDate  when it was created (ISO-8601), or null
 * @param finishedDate when it finished, or null
 * @param pipeline     the pipeline
 * @param url          the API URL of the run
 */
public record PipelineRun(long id, String name, String state, String result, String createdDate, String finishedDate,
                          Ref pipeline, String url) {
    /** Whether the run has completed. */
    public boolean isCompleted() {
        return "completed".equalsIgnoreCase(state);
    }
}
