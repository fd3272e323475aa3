package io.dataops4j.databricks.internal;

import com.squareup.moshi.Json;
import io.dataops4j.databricks.jobs.Job;
import io.dataops4j.databricks.jobs.Run;
import java.util.List;

/** Answers that are only envelopes. */
public final class Wire {
    private Wire() {
    }

    /** {@code {"job_id": 1}}. */
    public record JobId(@Json(name = "job_id") long jobId) {
    }

    /** {@code {"run_id": 1, "number_in_job": 1}}. */
    public record RunId(@Json(name = "run_id") long runId, @Json(name = "number_in_job") Long numberInJob) {
    }

    /** {@code {"repair_id": 1}}. */
    public record RepairId(@Json(name = "repair_id") Long repairId) {
    }

    /** A page of {@code jobs/list}. */
    public record JobsPage(List<Job> jobs, @Json(name = "has_more") Boolean hasMore,
                           @Json(name = "next_page_token") String nextPageToken) {
    }

    /** A page of {@code jobs/runs/list}. */
    public record RunsPage(List<Run> runs, @Json(name = "has_more") Boolean hasMore,
                           @Json(name = "next_page_token") String nextPageToken) {
    }
}
