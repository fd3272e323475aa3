package io.dataops4j.databricks.jobs;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.EpochMillis;
import io.dataops4j.core.json.RawJson;
import java.time.Instant;

/**
 * A job ({@code jobs/get}, {@code jobs/list}); its settings are kept exactly as sent.
 *
 * @param jobId           the job's id
 * @param creatorUserName who created it
 * @param createdTime     when
 * @param settings        its settings, as sent ({@link #spec()} reads them as a {@link JobSpec})
 * @param runAsUserName   who its runs run as
 * @param nextPageToken   a page of tasks is still to be read (null once merged)
 * @param hasMore         whether more pages exist (as sent)
 */
public record Job(@Json(name = "job_id") long jobId,
                  @Json(name = "creator_user_name") String creatorUserName,
                  @Json(name = "created_time") @EpochMillis Instant createdTime,
                  RawJson settings,
                  @Json(name = "run_as_user_name") String runAsUserName,
                  @Json(name = "next_page_token") String nextPageToken,
                  @Json(name = "has_more") Boolean hasMore) {
    /** The job's name, or null. */
    public String name() {
        if (settings == null) {
            return null;
        }
        Object n = settings.asMap().get("name");
        return n == null ? null : n.toString();
    }

    /** The settings as a validated {@link JobSpec}. */
    public JobSpec spec() {
        return JobSpec.parse(settings == null ? "{}" : settings.json());
    }
}
