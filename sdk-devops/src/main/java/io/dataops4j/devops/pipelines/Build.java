package io.dataops4j.devops.pipelines;

import io.dataops4j.devops.Ref;

/**
 * A build ({@code _apis/build/builds}).
 *
 * @param id           the build id
 * @param buildNumber  the build number
 * @param status       the status ({@link BuildStatus#UNKNOWN} for a value this SDK does not know), or null
 * @param result       the result once {@link BuildStatus#COMPLETED}, or null
 * @param definition   the build definition
 * @param sourceBranch the branch built, or null
 * @param queueTime    when it was queued (ISO-8601), or null
 * @param startTime    when it started, or null
 * @param finishTime   when it finished, or null
 */
public record Build(long id, String buildNumber, BuildStatus status, BuildResult result, Ref definition, String sourceBranch,
                    String queueTime, String startTime, String finishTime) {
    /** Whether the build has completed (see {@link #result()}). */
    public boolean isCompleted() {
        return status == BuildStatus.COMPLETED;
    }
}
