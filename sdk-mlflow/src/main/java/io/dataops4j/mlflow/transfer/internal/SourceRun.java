package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.tracking.Run;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A run of a source: as the tracking server returns it (latest metrics only), or as read from an export directory
 * (its directory, the latest metrics computed from the histories).
 *
 * @param run the run
 * @param dir its directory in an export, or null
 */
public record SourceRun(Run run, Path dir) {
    public SourceRun {
        Objects.requireNonNull(run, "run");
    }

    public String id() {
        return run.id();
    }

    /** The parent run id ({@code mlflow.parentRunId}), or null. */
    public String parentId() {
        String p = run.data().tag(TransferTags.PARENT);
        return p == null || p.isBlank() ? null : p;
    }
}
