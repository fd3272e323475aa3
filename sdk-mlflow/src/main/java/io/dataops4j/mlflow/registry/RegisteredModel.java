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
 * A registered model.
 *
 * @param name                 its name
 * @param creationTimestamp    when it was created
 * @param lastUpdatedTimestamp when it last changed
 * @param userId               who created it, or null
 * @param description          its description, or null
 * @param latestVersions       the latest version in each stage
 * @param tags                 its tags
 * @param aliases              its aliases
 */
public record RegisteredModel(
        String name,
        @Json(name = "creation_timestamp") @EpochMillis Instant creationTimestamp,
        @Json(name = "last_updated_timestamp") @EpochMillis Instant lastUpdatedTimestamp,
        @Json(name = "user_id") String userId,
        String description,
        @Json(name = "latest_versions") List<ModelVersion> latestVersions,
        List<Tag> tags,
        List<RegisteredModelAlias> aliases) {
    public RegisteredModel {
        latestVersions = Lists.view(latestVersions);
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

    /** The version an alias points to, or null. */
    public String aliasVersion(String alias) {
        for (RegisteredModelAlias a : aliases) {
            if (a.alias().equals(alias)) {
                return a.version();
            }
        }
        return null;
    }
}
