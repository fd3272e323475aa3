package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.core.http.ApiBody;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.tracking.LoggedModel;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.transfer.VersionSelection;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a transfer reads from: a tracking server or an export directory. Streams are lazy (pages, files) and must
 * be closed.
 */
public interface Source {
    /** For messages: the tracking URI or the directory. */
    String describe();

    /** Every active experiment. */
    List<Experiment> experiments();

    /** An experiment by id or name. */
    Optional<Experiment> experiment(String idOrName);

    /** The experiment a run belongs to. */
    Experiment experimentOf(SourceRun run);

    /** The selected runs of an experiment, oldest first when the source can order them. */
    Stream<SourceRun> runs(Experiment experiment, RunSelector selector);

    /** A run by id, when the source has it. */
    Optional<SourceRun> run(String runId);

    /** Every point of every metric of a run, key by key. */
    Stream<Metric> metrics(SourceRun run);

    /** Every point of one metric of a run, in the source's order. */
    Stream<Metric> history(SourceRun run, String key);

    /** Every artifact file of a run. */
    Stream<SourceArtifact> artifacts(SourceRun run);

    /** Opens an artifact file. */
    InputStream open(SourceRun run, String path);

    /** An artifact as a request body that is re-opened on each attempt (streamed, or a file). */
    ApiBody body(SourceRun run, SourceArtifact artifact);

    /** Every registered model name. */
    List<String> modelNames();

    /** A registered model by name. */
    Optional<RegisteredModel> model(String name);

    /** The selected versions of a model, in ascending version order. */
    List<SourceVersion> versions(RegisteredModel model, VersionSelection selection);

    /**
     * How many runs the transfer should announce ({@link #expect}) ahead of copying them; 0 when the source gains
     * nothing from knowing.
     */
    default int lookahead() {
        return 0;
    }

    /** Announces a run whose metrics will be read soon (so that reads can be batched across runs). */
    default void expect(SourceRun run) {
    }

    /** Says a run is done with: whatever was read ahead for it can go. */
    default void release(String runId) {
    }

    /** A logged model (MLflow 3) by id, when the source has logged models. */
    default Optional<LoggedModel> loggedModel(String modelId) {
        return Optional.empty();
    }

    /** The artifacts of a logged model of this source. */
    default ArtifactRepository loggedModelArtifacts(LoggedModel model) {
        throw new UnsupportedOperationException(describe() + " has no logged models");
    }
}
