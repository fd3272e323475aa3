package io.dataops4j.mlflow.transfer;

import io.dataops4j.mlflow.registry.ModelStage;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which versions of a registered model a transfer takes: every version (the default), the latest version of each
 * stage, the versions in some stages, or some version numbers (mlflow-export-import's {@code --export-latest-versions},
 * {@code --stages} and {@code --versions}).
 *
 * <pre>{@code
 * TransferOptions o = TransferOptions.builder().versions(VersionSelection.stages(ModelStage.PRODUCTION)).build();
 * }</pre>
 *
 * @param kind     all, latest, by stage or by number
 * @param stages   the stages for {@link Kind#STAGES}, else empty
 * @param versions the version numbers for {@link Kind#VERSIONS}, else empty
 */
public record VersionSelection(Kind kind, List<ModelStage> stages, List<String> versions) {
    /** How versions are chosen. */
    public enum Kind { ALL, LATEST, STAGES, VERSIONS }

    public VersionSelection {
        Objects.requireNonNull(kind, "kind");
        stages = stages == null ? List.of() : List.copyOf(stages);
        versions = versions == null ? List.of() : List.copyOf(versions);
        if (kind == Kind.STAGES && stages.isEmpty()) {
            throw new IllegalArgumentException("a selection by stage needs at least one stage");
        }
        if (kind == Kind.VERSIONS && versions.isEmpty()) {
            throw new IllegalArgumentException("a selection by version needs at least one version number");
        }
    }

    /** Every version. */
    public static VersionSelection all() {
        return new VersionSelection(Kind.ALL, List.of(), List.of());
    }

    /** The latest version of each stage ({@code get-latest-versions}). */
    public static VersionSelection latest() {
        return new VersionSelection(Kind.LATEST, List.of(), List.of());
    }

    /** The versions currently in one of these stages. */
    public static VersionSelection stages(ModelStage... stages) {
        return new VersionSelection(Kind.STAGES, Arrays.asList(stages), List.of());
    }

    /** These version numbers. */
    public static VersionSelection versions(String... versions) {
        return new VersionSelection(Kind.VERSIONS, List.of(), Arrays.asList(versions));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all versions";
            case LATEST -> "latest versions";
            case STAGES -> "versions in " + stages.stream().map(ModelStage::wireName).toList();
            case VERSIONS -> "versions " + versions;
        };
    }
}
