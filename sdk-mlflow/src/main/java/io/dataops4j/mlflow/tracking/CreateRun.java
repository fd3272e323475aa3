package io.dataops4j.mlflow.tracking;

import io.dataops4j.mlflow.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run to create.
 *
 * <pre>{@code
 * Run run = mlflow.runs().create(CreateRun.builder(experimentId)
 *     .runName("baseline")
 *     .startTime(Instant.parse("2024-01-01T00:00:00Z"))    // e.g. when importing a run
 *     .tag("mlflow.user", "etl-bot")
 *     .build());
 * }</pre>
 *
 * @param experimentId the experiment
 * @param runName      a name, or null for one the server makes up
 * @param startTime    when it started, or null for now
 * @param tags         tags, possibly empty
 * @param userId       the deprecated {@code user_id} field, or null (MLflow prefers the {@code mlflow.user} tag)
 */
public record CreateRun(String experimentId, String runName, Instant startTime, List<Tag> tags, String userId) {
    public CreateRun {
        Objects.requireNonNull(experimentId, "experimentId");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A run in an experiment, started now, with a generated name. */
    public static CreateRun in(String experimentId) {
        return new CreateRun(experimentId, null, null, List.of(), null);
    }

    public static Builder builder(String experimentId) {
        return new Builder(experimentId);
    }

    /** Builds a {@link CreateRun}. */
    public static final class Builder {
        private final String experimentId;
        private String runName;
        private Instant startTime;
        private final List<Tag> tags = new ArrayList<>();
        private String userId;

        private Builder(String experimentId) {
            this.experimentId = Objects.requireNonNull(experimentId, "experimentId");
        }

        public Builder runName(String runName) {
            this.runName = runName;
            return this;
        }

        public Builder startTime(Instant startTime) {
            this.startTime = startTime;
            return this;
        }

        public Builder tag(String key, String value) {
            tags.add(Tag.of(key, value));
            return this;
        }

        public Builder tags(List<Tag> tags) {
            this.tags.addAll(tags);
            return this;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public CreateRun build() {
            return new CreateRun(experimentId, runName, startTime, tags, userId);
        }
    }
}
