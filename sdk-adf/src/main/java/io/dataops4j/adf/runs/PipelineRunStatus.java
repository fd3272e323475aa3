package io.dataops4j.adf.runs;

import com.squareup.moshi.Json;

/** Where a pipeline run (or an activity run) stands; unknown values read as {@link #UNKNOWN}. */
public enum PipelineRunStatus {
    @Json(name = "Queued") QUEUED,
    @Json(name = "InProgress") IN_PROGRESS,
    @Json(name = "Succeeded") SUCCEEDED,
    @Json(name = "Failed") FAILED,
    @Json(name = "Canceling") CANCELING,
    @Json(name = "Cancelled") CANCELLED,
    UNKNOWN;

    /** Whether the run has ended. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
