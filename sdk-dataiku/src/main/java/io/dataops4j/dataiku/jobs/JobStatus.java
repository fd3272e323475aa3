package io.dataops4j.dataiku.jobs;

import io.dataops4j.core.json.RawJson;

/**
 * A job's status ({@code GET /projects/{key}/jobs/{id}/}).
 *
 * @param projectKey the project
 * @param jobId      the job's id
 * @param state      where it stands
 * @param failure    why it failed, or null
 * @param raw        the whole status as DSS sent it (activities, timings)
 */
public record JobStatus(String projectKey, String jobId, JobState state, JobFailure failure, RawJson raw) {
}
