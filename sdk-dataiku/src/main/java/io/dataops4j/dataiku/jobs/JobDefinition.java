package io.dataops4j.dataiku.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A job to start ({@code POST /projects/{key}/jobs/}): what to build and how.
 *
 * <pre>{@code
 * JobDefinition def = JobDefinition.builder(JobType.RECURSIVE_BUILD)
 *     .dataset("DATAOPS", "sales_raw")
 *     .output(JobDefinition.Output.of("MANAGED_FOLDER", "DATAOPS", "Xy12AbCd", null))
 *     .build();
 * }</pre>
 *
 * @param type                               how to build
 * @param outputs                            what to build
 * @param refreshHiveMetastore               whether to refresh the Hive metastore of HDFS outputs
 * @param autoUpdateSchemaBeforeEachRecipeRun whether to update schemas before each recipe runs
 */
public record JobDefinition(JobType type, List<Output> outputs, boolean refreshHiveMetastore,
                            boolean autoUpdateSchemaBeforeEachRecipeRun) {
    public JobDefinition {
        Objects.requireNonNull(type, "type");
        outputs = List.copyOf(outputs);
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one output");
        }
    }

    public static Builder builder(JobType type) {
        return new Builder(type);
    }

    /**
     * One output to build.
     *
     * @param type       DATASET, MANAGED_FOLDER, SAVED_MODEL, STREAMING_ENDPOINT or KNOWLEDGE_BANK
     * @param projectKey the project holding it
     * @param id         its name or id
     * @param partition  the partition to build, or null
     */
    public record Output(String type, String projectKey, String id, String partition) {
        public Output {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
        }

        public static Output of(String type, String projectKey, String id, String partition) {
            return new Output(type, projectKey, id, partition);
        }

        /** A dataset, all of it. */
        public static Output dataset(String projectKey, String name) {
            return new Output("DATASET", projectKey, name, null);
        }
    }

    /** Builds a {@link JobDefinition}. */
    public static final class Builder {
        private final JobType type;
        private final List<Output> outputs = new ArrayList<>();
        private boolean refreshHiveMetastore;
        private boolean autoUpdateSchema;

        private Builder(JobType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder dataset(String projectKey, String name) {
            return output(Output.dataset(projectKey, name));
        }

        public Builder output(Output output) {
            outputs.add(Objects.requireNonNull(output, "output"));
            return this;
        }

        public Builder refreshHiveMetastore(boolean refresh) {
            this.refreshHiveMetastore = refresh;
            return this;
        }

        public Builder autoUpdateSchemaBeforeEachRecipeRun(boolean update) {
            this.autoUpdateSchema = update;
            return this;
        }

        public JobDefinition build() {
            return new JobDefinition(type, outputs, refreshHiveMetastore, autoUpdateSchema);
        }
    }
}
