package io.dataops4j.devops.pipelines;

import com.squareup.moshi.Json;

/**
 * A finished build's result ({@code BuildResult} of the Build 7.1 REST spec); values this SDK does not know read as
 * {@link #UNKNOWN}.
 */
public enum BuildResult {
    /** No result. */
    @Json(name = "none") NONE,
    /** Completed successfully. */
    @Json(name = "succeeded") SUCCEEDED,
    /** Compiled, but had other errors. */
    @Json(name = "partiallySucceeded") PARTIALLY_SUCCEEDED,
    /** Completed unsuccessfully. */
    @Json(name = "failed") FAILED,
    /** Canceled. */
    @Json(name = "canceled") CANCELED,
    /** A value this SDK does not know. */
    UNKNOWN
}
