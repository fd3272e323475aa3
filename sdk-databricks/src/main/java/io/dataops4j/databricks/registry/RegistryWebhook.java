package io.dataops4j.databricks.registry;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.EpochMillis;
import java.time.Instant;
import java.util.List;

/**
 * A Model Registry webhook as the service returns it ({@code RegistryWebhook}): secrets, authorization values and
 * job tokens are never part of it.
 *
 * @param id                   its id
 * @param events               what triggers it
 * @param status               ACTIVE, TEST_MODE or DISABLED
 * @param modelName            its model, or null for a registry-wide webhook
 * @param description          its description, or null
 * @param httpUrlSpec          where it posts (without the secret), or null for a job webhook
 * @param jobSpec              the job it runs (without the token), or null for an HTTP webhook
 * @param creationTimestamp    when it was created
 * @param lastUpdatedTimestamp when it last changed
 */
public record RegistryWebhook(String id, List<RegistryWebhookEvent> events, RegistryWebhookStatus status,
                              @Json(name = "model_name") String modelName, String description,
                              @Json(name = "http_url_spec") HttpUrl httpUrlSpec,
                              @Json(name = "job_spec") Job jobSpec,
                              @Json(name = "creation_timestamp") @EpochMillis Instant creationTimestamp,
                              @Json(name = "last_updated_timestamp") @EpochMillis Instant lastUpdatedTimestamp) {
    public RegistryWebhook {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * The HTTP target, as returned ({@code HttpUrlSpecWithoutSecret}).
     *
     * @param url                   the URL
     * @param enableSslVerification whether certificates are checked
     */
    public record HttpUrl(String url, @Json(name = "enable_ssl_verification") Boolean enableSslVerification) {
    }

    /**
     * The job target, as returned ({@code JobSpecWithoutSecret}).
     *
     * @param jobId        the job
     * @param workspaceUrl its workspace, or null for the registry's
     */
    public record Job(@Json(name = "job_id") String jobId, @Json(name = "workspace_url") String workspaceUrl) {
    }

    /** The status, UNKNOWN when absent. */
    public RegistryWebhookStatus statusOrUnknown() {
        return status == null ? RegistryWebhookStatus.UNKNOWN : status;
    }

    /** Whether it is registry-wide (no model name). */
    public boolean registryWide() {
        return modelName == null || modelName.isEmpty();
    }
}
