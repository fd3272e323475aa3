package io.dataops4j.dataiku.jobs;

import io.dataops4j.core.json.EpochMillis;
import java.time.Instant;

/**
 * A job in a project's job list.
 *
 * @param projectKey the project
 * @param jobId      the id
 * @param startTime  when it started, or null
 * @param endTime    when it ended, or null (also before the end: DSS sends 0)
 */
public record JobSummary(String projectKey, String jobId, @EpochMillis Instant startTime, @EpochMillis Instant endTime) {
}
