package io.dataops4j.devops.pipelines;

import io.dataops4j.devops.Ref;

/**
 * A build ({@code _apis/build/builds}).
 *
 * @param id          the build id
 * @param buildNumber the build number
 * @param status      the status as DevOps spells it
 * @param result      the result, or null until finished
 * @param definition  the build definition
 * @param queueTime   when it was queued (ISO-8601), or null
 */
public record Build(long id, String buildNumber, String status, String result, Ref definition, String queueTime) {
}
