package io.dataops4j.mlflow.tracking;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.EpochMillis;
import io.dataops4j.mlflow.LifecycleStage;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.internal.Lists;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An MLflow experiment.
 *
 * @param experimentId     the id
 * @param name             the name (a workspace path on Databricks)
 * @param artifactLocation where the runs' artifacts go ({@code mlflow-artifacts:/1}, {@code file:///...}, {@code s3://...})
 * @param lifecycleStage   active or deleted
 * @param lastUpdateTime   when it last changed, or null
 * @param creationTime     when it was created, or null
 * @param tags             its tags, never null
 */
public record Experiment(
        @Json(name = "experiment_id") String experimentId,
        String name,
        @Json(name = "artifact_location") String artifactLocation,
        @Json(name = "lifecycle_stage") LifecycleStage lifecycleStage,
        @Json(name = "last_update_time") @EpochMillis Instant lastUpdateTime,
        @Json(name = "creation_time") @EpochMillis Instant creationTime,
        List<Tag> tags) {
    public Experiment {
        tags = Lists.view(tags);
    }

    /** The value of a tag, or null. */
    public String tag(String key) {
        for (Tag t : tags) {
            if (t.key().equals(key)) {
                return t.value();
            }
        }
        return null;
    }

    /** The tags as a map, in the order the server sent them. */
    public Map<String, String> tagMap() {
        Map<String, String> m = new LinkedHashMap<>();
        tags.forEach(t -> m.put(t.key(), t.value()));
        return m;
    }
}
