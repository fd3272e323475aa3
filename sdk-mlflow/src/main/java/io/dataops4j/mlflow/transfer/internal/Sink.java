package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.transfer.PlannedModel;
import java.util.List;

/** Where a transfer writes to: a tracking server or an export directory. Thread-safe. */
public interface Sink {
    /** For messages. */
    String describe();

    /** What this target cannot hold of a selection (target names), as plan errors. */
    List<String> check(List<String> targetExperimentNames, List<String> targetModelNames);

    /** What a transfer would do to the target experiment of a source experiment (nothing is changed). */
    ExperimentTarget inspectExperiment(Experiment source, String targetName);

    /** Makes the target experiment exist and match its source. */
    ExperimentTarget ensureExperiment(Experiment source, String targetName, Work work);

    /** The copies of source runs in a target experiment. */
    Copies copies(ExperimentTarget target);

    /** Carries out a decision about one run; returns the copy as it now is. */
    Copy write(ExperimentTarget target, SourceRun run, Decision decision, String parentLink, Work work);

    /** Whether a copy records its parent link apart from the fingerprint (an export keeps the source's link). */
    default boolean linksParents() {
        return true;
    }

    /** Whether parents of selected runs can be written too (an export of a single run holds that run only). */
    default boolean holdsParents() {
        return true;
    }

    /** Told that a run could not be copied (an export lists failed runs). */
    default void failed(ExperimentTarget target, String sourceRunId) {
    }

    /** The parent link of a copied child: the parent copy's id on a server, the source id in an export. */
    String parentLink(String sourceParentId, Copy parentCopy);

    /** What a transfer would do to a registered model. */
    PlannedModel inspectModel(RegisteredModel model, String targetName, List<SourceVersion> versions, Source source);

    /** Copies a registered model and its selected versions (their runs through {@link Work#run}). */
    void copyModel(RegisteredModel model, String targetName, List<SourceVersion> versions, Work work);

    /** Writes what can only be written at the end (an export's manifests). */
    void finish(Work work);
}
