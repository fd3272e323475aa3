package io.dataops4j.devops.releases;

import com.squareup.moshi.Json;

/**
 * An approval's status ({@code ApprovalStatus} of the Release 7.1 REST spec); values this SDK does not know read as
 * {@link #UNKNOWN}.
 */
public enum ApprovalStatus {
    @Json(name = "undefined") UNDEFINED,
    @Json(name = "pending") PENDING,
    @Json(name = "approved") APPROVED,
    @Json(name = "rejected") REJECTED,
    @Json(name = "reassigned") REASSIGNED,
    @Json(name = "canceled") CANCELED,
    @Json(name = "skipped") SKIPPED,
    /** A value this SDK does not know. */
    UNKNOWN
}
