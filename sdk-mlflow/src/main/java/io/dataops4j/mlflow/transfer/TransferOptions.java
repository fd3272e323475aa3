package io.dataops4j.mlflow.transfer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a transfer (copy, export, import) or a diff runs. Every setting has a default; {@link #defaults()} is what
 * a plain {@code MlflowTransfer} uses.
 *
 * <pre>{@code
 * TransferOptions o = TransferOptions.builder()
 *     .parallelism(8)
 *     .renameExperiment("/Users/ana@corp.com/churn", "/Shared/churn")
 *     .renameModel("churn-dev", "churn")
 *     .runsStartedAfter(Instant.parse("2025-01-01T00:00:00Z"))
 *     .versions(VersionSelection.latest())
 *     .build();
 * }</pre>
 *
 * @param parallelism          runs copied at once (default 4)
 * @param includeDeletedRuns   also copy runs marked deleted (they stay deleted in the target)
 * @param runsStartedAfter     only runs started at or after this instant, or null
 * @param runsStartedBefore    only runs started before this instant, or null
 * @param runFilter            an MLflow search filter on the source runs ({@code "params.model = 'xgb'"}), or null;
 *                             only a tracking server source can apply it
 * @param experimentRenames    source experiment name to target experiment name
 * @param modelRenames         source model name to target model name
 * @param targetExperiment     put every copied run into this experiment instead of one named like its source
 *                             ({@code --experiment-name} of mlflow-export-import's import commands), or null
 * @param targetModel          the target name of the (single) selected model instead of its source name
 *                             ({@code --model} of mlflow-export-import's {@code import-model}), or null
 * @param versions             which registered model versions
 * @param copyArtifacts        copy run artifacts (default true)
 * @param fixMlmodelRunId      rewrite {@code run_id} in copied {@code MLmodel} files to the new run's id (default true),
 *                             as mlflow-export-import's {@code --mlmodel-fix} does
 * @param sourceTags           also write mlflow-export-import's provenance tags ({@code mlflow_exim.run_info.*},
 *                             {@code mlflow_exim.mlflow_tag.*}, {@code mlflow_exim.field.*}; its
 *                             {@code --import-source-tags}); the run's source id is always written
 * @param includeParentRuns    copy the parents (and their parents) of selected nested runs even when they are not
 *                             selected, so that every copied child links to its parent's copy (default true)
 * @param versionReadyTimeout  how long to wait for a new model version to become READY (default 5 minutes)
 * @param failFast             stop at the first run or version that fails (default: carry on, report failures)
 * @param idMapFile            a file to which every source id -> target id mapping is appended as a JSON line as
 *                             soon as it is known (kept on disk, not in memory), or null
 * @param metricPageSize       metric history points fetched per request (default 25,000)
 * @param maxIdMapEntries      most run id mappings kept in the result (default 100,000; use {@code idMapFile} beyond)
 * @param indexLimit           most copies of one target experiment indexed in memory at once; past it each run is
 *                             looked up with a search of its own (default 100,000)
 */
public record TransferOptions(int parallelism, boolean includeDeletedRuns, Instant runsStartedAfter,
                              Instant runsStartedBefore, String runFilter, Map<String, String> experimentRenames,
                              Map<String, String> modelRenames, String targetExperiment, String targetModel,
                              VersionSelection versions,
                              boolean copyArtifacts, boolean fixMlmodelRunId, boolean sourceTags,
                              boolean includeParentRuns, Duration versionReadyTimeout, boolean failFast, Path idMapFile,
                              int metricPageSize, int maxIdMapEntries, int indexLimit) {
    public TransferOptions {
        if (parallelism < 1 || parallelism > 256) {
            throw new IllegalArgumentException("parallelism must be between 1 and 256 but was " + parallelism);
        }
        experimentRenames = Map.copyOf(Objects.requireNonNull(experimentRenames, "experimentRenames"));
        modelRenames = Map.copyOf(Objects.requireNonNull(modelRenames, "modelRenames"));
        versions = versions == null ? VersionSelection.all() : versions;
        Objects.requireNonNull(versionReadyTimeout, "versionReadyTimeout");
        if (metricPageSize < 1 || metricPageSize > 100_000) {
            throw new IllegalArgumentException("metricPageSize must be between 1 and 100000 but was " + metricPageSize);
        }
        if (maxIdMapEntries < 0 || indexLimit < 0) {
            throw new IllegalArgumentException("maxIdMapEntries and indexLimit cannot be negative");
        }
        if (runsStartedAfter != null && runsStartedBefore != null && !runsStartedAfter.isBefore(runsStartedBefore)) {
            throw new IllegalArgumentException("runsStartedAfter (" + runsStartedAfter + ") must be before runsStartedBefore ("
                    + runsStartedBefore + ")");
        }
    }

    /** The defaults. */
    public static TransferOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.parallelism = parallelism;
        b.includeDeletedRuns = includeDeletedRuns;
        b.runsStartedAfter = runsStartedAfter;
        b.runsStartedBefore = runsStartedBefore;
        b.runFilter = runFilter;
        b.experimentRenames.putAll(experimentRenames);
        b.modelRenames.putAll(modelRenames);
        b.targetExperiment = targetExperiment;
        b.targetModel = targetModel;
        b.versions = versions;
        b.copyArtifacts = copyArtifacts;
        b.fixMlmodelRunId = fixMlmodelRunId;
        b.sourceTags = sourceTags;
        b.includeParentRuns = includeParentRuns;
        b.versionReadyTimeout = versionReadyTimeout;
        b.failFast = failFast;
        b.idMapFile = idMapFile;
        b.metricPageSize = metricPageSize;
        b.maxIdMapEntries = maxIdMapEntries;
        b.indexLimit = indexLimit;
        return b;
    }

    /** The target name of a source experiment. */
    public String experimentName(String sourceName) {
        if (targetExperiment != null) {
            return targetExperiment;
        }
        return experimentRenames.getOrDefault(sourceName, sourceName);
    }

    /** The target name of a source model. */
    public String modelName(String sourceName) {
        if (targetModel != null) {
            return targetModel;
        }
        return modelRenames.getOrDefault(sourceName, sourceName);
    }

    /** Builds {@link TransferOptions}. */
    public static final class Builder {
        private int parallelism = 4;
        private boolean includeDeletedRuns;
        private Instant runsStartedAfter;
        private Instant runsStartedBefore;
        private String runFilter;
        private final Map<String, String> experimentRenames = new LinkedHashMap<>();
        private final Map<String, String> modelRenames = new LinkedHashMap<>();
        private String targetExperiment;
        private String targetModel;
        private VersionSelection versions = VersionSelection.all();
        private boolean copyArtifacts = true;
        private boolean fixMlmodelRunId = true;
        private boolean sourceTags;
        private boolean includeParentRuns = true;
        private Duration versionReadyTimeout = Duration.ofMinutes(5);
        private boolean failFast;
        private Path idMapFile;
        private int metricPageSize = 25_000;
        private int maxIdMapEntries = 100_000;
        private int indexLimit = 100_000;

        private Builder() {
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        public Builder includeDeletedRuns(boolean include) {
            this.includeDeletedRuns = include;
            return this;
        }

        public Builder runsStartedAfter(Instant after) {
            this.runsStartedAfter = after;
            return this;
        }

        public Builder runsStartedBefore(Instant before) {
            this.runsStartedBefore = before;
            return this;
        }

        public Builder runFilter(String filter) {
            this.runFilter = filter;
            return this;
        }

        public Builder renameExperiment(String from, String to) {
            experimentRenames.put(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
            return this;
        }

        public Builder renameExperiments(Map<String, String> renames) {
            renames.forEach(this::renameExperiment);
            return this;
        }

        public Builder renameModel(String from, String to) {
            modelRenames.put(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
            return this;
        }

        public Builder renameModels(Map<String, String> renames) {
            renames.forEach(this::renameModel);
            return this;
        }

        public Builder targetExperiment(String name) {
            this.targetExperiment = name;
            return this;
        }

        public Builder targetModel(String name) {
            this.targetModel = name;
            return this;
        }

        public Builder versions(VersionSelection versions) {
            this.versions = Objects.requireNonNull(versions, "versions");
            return this;
        }

        public Builder copyArtifacts(boolean copy) {
            this.copyArtifacts = copy;
            return this;
        }

        public Builder fixMlmodelRunId(boolean fix) {
            this.fixMlmodelRunId = fix;
            return this;
        }

        public Builder sourceTags(boolean write) {
            this.sourceTags = write;
            return this;
        }

        public Builder includeParentRuns(boolean include) {
            this.includeParentRuns = include;
            return this;
        }

        public Builder versionReadyTimeout(Duration timeout) {
            this.versionReadyTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        public Builder idMapFile(Path file) {
            this.idMapFile = file;
            return this;
        }

        public Builder metricPageSize(int size) {
            this.metricPageSize = size;
            return this;
        }

        public Builder maxIdMapEntries(int max) {
            this.maxIdMapEntries = max;
            return this;
        }

        public Builder indexLimit(int limit) {
            this.indexLimit = limit;
            return this;
        }

        public TransferOptions build() {
            return new TransferOptions(parallelism, includeDeletedRuns, runsStartedAfter, runsStartedBefore, runFilter,
                    experimentRenames, modelRenames, targetExperiment, targetModel, versions, copyArtifacts, fixMlmodelRunId, sourceTags,
                    includeParentRuns, versionReadyTimeout, failFast, idMapFile, metricPageSize, maxIdMapEntries, indexLimit);
        }
    }
}
