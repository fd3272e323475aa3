package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.LifecycleStage;
import io.dataops4j.mlflow.tracking.Run;

/**
 * A copy of a source run in a target.
 *
 * @param runId       its id in the target (an export keeps the source id)
 * @param state       {@link TransferTags#COMPLETE}, {@link TransferTags#STARTED}, {@link TransferTags#SUPERSEDED}, or
 *                    null for a run imported by another tool
 * @param fingerprint what its source looked like when it was copied, or null
 * @param lifecycle   active or deleted in the target
 * @param parentId    its {@code mlflow.parentRunId} in the target, or null
 * @param artifactUri its artifact root in the target, or null
 */
public record Copy(String runId, String state, Fingerprint fingerprint, LifecycleStage lifecycle, String parentId,
                   String artifactUri) {
    /** The copy state a target run's tags describe. */
    public static Copy of(Run run) {
        return new Copy(run.id(), run.data().tag(TransferTags.STATE), Fingerprint.parse(run.data().tag(TransferTags.FINGERPRINT)),
                run.info().lifecycleStage(), run.data().tag(TransferTags.PARENT), run.info().artifactUri());
    }

    public boolean complete() {
        return TransferTags.COMPLETE.equals(state);
    }

    public boolean superseded() {
        return TransferTags.SUPERSEDED.equals(state);
    }
}
