package io.dataops4j.mlflow.registry;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.EpochMillis;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.internal.Lists;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A version of a registered model.
 *
 * @param name                 the registered model's name
 * @param version              the version number, as MLflow sends it (a string)
 * @param creationTimestamp    when it was created
 * @param lastUpdatedTimestamp when it last changed
 * @param userId               who created it, or null
 * @param currentStage         its stage (deprecated by MLflow, still served)
 * @param description          its description, or null
 * @param source               where its files are ({@code mlflow-artifacts:/1/<run>/artifacts/model}, {@code models:/m-...})
 * @param runId                the run that produced it, or null
 * @param status               registration status
 * @param statusMessage        why registration failed or what it waits for, or null
 * @param tags                 its tags
 * @param runLink              a link to the run on another server, or null
 * @param aliases              the aliases pointing at it (not filled by {@code search} on some servers)
 * @param modelId              the MLflow 3 logged model it was registered from, or null
 */
public record ModelVersion(
        String name,
        String version,
        @Json(name = "creation_timestamp") @EpochMillis Instant creationTimestamp,
        @Json(name = "last_updated_timestamp") @EpochMillis Instant lastUpdatedTimestamp,
        @Json(name = "user_id") String userId,
        @Json(name = "current_stage") ModelStage currentStage,
        String description,
        String source,
        @Json(name = "run_id") String runId,
        ModelVersionStatus status,
        @Json(name = "status_message") String statusMessage,
        List<Tag> tags,
        @Json(name = "run_link") String runLink,
        List<String> aliases,
        @Json(name = "model_id") String modelId) {
    public ModelVersion {
        tags = Lists.view(tags);
        aliases = Lists.view(aliases);
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
