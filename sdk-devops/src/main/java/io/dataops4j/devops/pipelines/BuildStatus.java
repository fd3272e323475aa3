package io.dataops4j.devops.pipelines;

import com.squareup.moshi.Json;

/**
 * A build's status ({@code BuildStatus} of the Build 7.1 REST spec, {@code specification/build/7.1/build.json});
 * values this SDK does not know read as {@link #UNKNOWN}.
 */
public enum BuildStatus {
    /** No status. */
    @Json(name = "none") NONE,
    /** Running. */
    @Json(name = "inProgress") IN_PROGRESS,
    /** Finished; see {@link Build#result()}. */
    @Json(name = "completed") COMPLETED,
    /** Being cancelled. */
    @Json(name = "cancelling") CANCELLING,
    /** Inactive in the queue. */
    @Json(name = "postponed") POSTPONED,
    /** Queued, not started yet. */
    @Json(name = "notStarted") NOT_STARTED,
    /** The "all" filter value (never a build's own status). */
    @Json(name = "all") ALL,
    /** A value this SDK does not know. */
    UNKNOWN
}
