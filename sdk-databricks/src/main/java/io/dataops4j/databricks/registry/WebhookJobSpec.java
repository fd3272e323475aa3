package io.dataops4j.databricks.registry;

import io.dataops4j.core.Secret;
import java.util.Objects;

/**
 * A job a registry webhook runs ({@code job_spec}): the job's id, a token of the workspace that holds it, and that
 * workspace's URL when it is not the registry's own. The token is never returned by the service, shown by
 * {@code toString()} or logged.
 *
 * <pre>{@code
 * WebhookJobSpec job = WebhookJobSpec.of("11", Secret.of(System.getenv("JOB_TOKEN")));
 * WebhookJobSpec remote = job.inWorkspace("https://adb-2.azuredatabricks.net");
 * }</pre>
 *
 * @param jobId        the job to run
 * @param accessToken  a token allowed to run it
 * @param workspaceUrl the job's workspace, or null for the registry's workspace
 */
public record WebhookJobSpec(String jobId, Secret accessToken, String workspaceUrl) {
    public WebhookJobSpec {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(accessToken, "accessToken");
        if (jobId.isBlank()) {
            throw new IllegalArgumentException("job_spec.job_id must not be blank");
        }
    }

    /** A job of the registry's own workspace. */
    public static WebhookJobSpec of(String jobId, Secret accessToken) {
        return new WebhookJobSpec(jobId, accessToken, null);
    }

    /** The same job in another workspace. */
    public WebhookJobSpec inWorkspace(String url) {
        return new WebhookJobSpec(jobId, accessToken, Objects.requireNonNull(url, "url"));
    }

    @Override
    public String toString() {
        return "WebhookJobSpec[jobId=" + jobId + ", accessToken=****, workspaceUrl=" + workspaceUrl + "]";
    }
}
