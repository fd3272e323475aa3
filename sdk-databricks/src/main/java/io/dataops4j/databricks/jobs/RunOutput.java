package io.dataops4j.databricks.jobs;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.RawJson;

/**
 * A task run's output ({@code jobs/runs/get-output}; for a multi-task job, ask with a task run's id).
 *
 * @param notebookOutput the notebook's exit value ({@code dbutils.notebook.exit}), or null
 * @param error          the error message when the task failed, or null
 * @param errorTrace     the error's stack trace, or null
 * @param logs           stdout of a Python or jar task (first 5 MB), or null
 * @param logsTruncated  whether the logs were cut
 * @param sqlOutput      a SQL task's output, as sent
 * @param runJobOutput   a run-job task's output, as sent
 * @param dbtOutput      a dbt task's output, as sent
 * @param info           extra information, or null
 */
public record RunOutput(@Json(name = "notebook_output") NotebookOutput notebookOutput,
                        String error,
                        @Json(name = "error_trace") String errorTrace,
                        String logs,
                        @Json(name = "logs_truncated") Boolean logsTruncated,
                        @Json(name = "sql_output") RawJson sqlOutput,
                        @Json(name = "run_job_output") RawJson runJobOutput,
                        @Json(name = "dbt_output") RawJson dbtOutput,
                        String info) {
    /**
     * A notebook's exit value.
     *
     * @param result    the value passed to {@code dbutils.notebook.exit}
     * @param truncated whether it was cut (the service keeps the first 5 MB)
     */
    public record NotebookOutput(String result, Boolean truncated) {
    }

    /** The notebook's exit value, or null. */
    public String notebookResult() {
        return notebookOutput == null ? null : notebookOutput.result();
    }
}
