package io.dataops4j.mlflow.transfer.internal;

import java.util.List;

/** The copies of source runs in one target experiment (or export directory). Thread-safe. */
public interface Copies {
    /** The copies of a source run (several when an earlier tool or attempt duplicated it), superseded ones included. */
    List<Copy> find(String sourceRunId);

    /** Records the copy a transfer just made or confirmed. */
    void put(String sourceRunId, Copy copy);

    /** No copies at all (a target experiment that does not exist yet). */
    Copies NONE = new Copies() {
        @Override
        public List<Copy> find(String sourceRunId) {
            return List.of();
        }

        @Override
        public void put(String sourceRunId, Copy copy) {
        }
    };
}
