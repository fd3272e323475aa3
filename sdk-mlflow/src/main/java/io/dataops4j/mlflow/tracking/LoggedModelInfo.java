package io.dataops4j.mlflow.tracking;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.EpochMillis;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.internal.Lists;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What identifies a logged model (MLflow 3) and where it stands ({@code LoggedModelInfo}).
 *
 * @param modelId              the id ({@code m-<32 hex>})
 * @param experimentId         the experiment it belongs to
 * @param name                 its name (the server makes one up when none is given)
 * @param creationTimestamp    when it was created
 * @param lastUpdatedTimestamp when it last changed
 * @param artifactUri          the root of its artifacts ({@code mlflow-artifacts:/<experiment>/models/<model id>/artifacts}
 *                             on a server with proxied artifacts)
 * @param status               pending, ready or upload failed
 * @param creatorId            the creator's numeric id, or null (open-source servers do not send it)
 * @param modelType            a free-form type ({@code "agent"}), or null; the Python client sends {@code ""} when unset
 * @param sourceRunId          the run that produced it, or null
 * @param statusMessage        details of its status, or null
 * @param tags                 its tags (the server adds {@code mlflow.modelVersions}, {@code mlflow.user}, ...)
 * @param registrations        the model versions made from it, when the server fills the field (see
 *                             {@link LoggedModelRegistration})
 */
public record LoggedModelInfo(
        @Json(name = "model_id") String modelId,
        @Json(name = "experiment_id") String experimentId,
        String name,
        @Json(name = "creation_timestamp_ms") @EpochMillis Instant creationTimestamp,
        @Json(name = "last_updated_timestamp_ms") @EpochMillis Instant lastUpdatedTimestamp,
        @Json(name = "artifact_uri") String artifactUri,
        LoggedModelStatus status,
        @Json(name = "creator_id") Long creatorId,
        @Json(name = "model_type") String modelType,
        @Json(name = "source_run_id") String sourceRunId,
        @Json(name = "status_message") String statusMessage,
        List<Tag> tags,
        List<LoggedModelRegistration> registrations) {
    public LoggedModelInfo {
        tags = Lists.view(tags);
        registrations = Lists.view(registrations);
    }

    /** A tag's value, or null. */
    public String tag(String key) {
        for (Tag t : tags) {
            if (t.key().equals(key)) {
                return t.value();
            }
        }
        return null;
    }

    /** The tags by key. */
    public Map<String, String> tagMap() {
        Map<String, String> m = new LinkedHashMap<>();
        tags.forEach(t -> m.put(t.key(), t.value()));
        return m;
    }
}
