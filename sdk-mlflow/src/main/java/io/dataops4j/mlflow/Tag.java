package io.dataops4j.mlflow;

import java.util.Objects;

/**
 * A key/value tag, as MLflow sends it for experiments, runs, registered models and model versions.
 *
 * <pre>{@code
 * Tag team = Tag.of("team", "fraud");
 * }</pre>
 *
 * @param key   the key (at most 250 characters on MLflow)
 * @param value the value, possibly empty
 */
public record Tag(String key, String value) {
    public Tag {
        Objects.requireNonNull(key, "tag key");
    }

    /** A tag. */
    public static Tag of(String key, String value) {
        return new Tag(key, value);
    }
}
