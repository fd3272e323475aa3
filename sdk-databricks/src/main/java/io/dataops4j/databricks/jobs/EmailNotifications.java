package io.dataops4j.databricks.jobs;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * Who is emailed when runs start, succeed or fail ({@code email_notifications}).
 *
 * @param onStart   addresses told when a run starts
 * @param onSuccess addresses told when a run succeeds
 * @param onFailure addresses told when a run fails
 * @param onDurationWarningThresholdExceeded addresses told when a run exceeds its duration health rule
 */
public record EmailNotifications(@Json(name = "on_start") List<String> onStart,
                                 @Json(name = "on_success") List<String> onSuccess,
                                 @Json(name = "on_failure") List<String> onFailure,
                                 @Json(name = "on_duration_warning_threshold_exceeded") List<String> onDurationWarningThresholdExceeded) {
    public EmailNotifications {
        onStart = onStart == null ? null : List.copyOf(onStart);
        onSuccess = onSuccess == null ? null : List.copyOf(onSuccess);
        onFailure = onFailure == null ? null : List.copyOf(onFailure);
        onDurationWarningThresholdExceeded = onDurationWarningThresholdExceeded == null ? null
                : List.copyOf(onDurationWarningThresholdExceeded);
    }

    /** Emails on failure only. */
    public static EmailNotifications onFailure(String... addresses) {
        return new EmailNotifications(null, null, List.of(addresses), null);
    }
}
