package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.registry.SearchModelVersions;
import io.dataops4j.mlflow.registry.SearchRegisteredModels;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.tracking.LoggedModel;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.SearchExperiments;
import io.dataops4j.mlflow.tracking.SearchRuns;
import io.dataops4j.mlflow.tracking.ViewType;
import io.dataops4j.mlflow.transfer.VersionSelection;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A tracking server as a transfer source: runs through {@code runs/search} pages, histories page by page. */
public final class ServerSource implements Source {
    private final MlflowClient client;
    private final int metricPageSize;
    private final Map<String, Experiment> experiments = new ConcurrentHashMap<>();
    private final BulkHistories bulk;

    /** A source that reads each metric history on its own, page by page. */
    public ServerSource(MlflowClient client, int metricPageSize) {
        this(client, metricPageSize, false);
    }

    /**
     * A source; with {@code bulkHistories}, the histories of announced runs are read a key at a time for up to
     * 100 runs at once while at most {@code 40 x metricPageSize} points wait in memory.
     */
    public ServerSource(MlflowClient client, int metricPageSize, boolean bulkHistories) {
        this.client = client;
        this.metricPageSize = metricPageSize;
        this.bulk = bulkHistories ? new BulkHistories(client.runs(), 40L * metricPageSize) : null;
    }

    public MlflowClient client() {
        return client;
    }

    @Override
    public String describe() {
        return Redactor.url(client.trackingUri().toString());
    }

    @Override
    public List<Experiment> experiments() {
        List<Experiment> out = new ArrayList<>();
        for (Experiment e : client.experiments().search(SearchExperiments.builder().viewType(ViewType.ACTIVE_ONLY).build())) {
            experiments.put(e.experimentId(), e);
            out.add(e);
        }
        return out;
    }

    @Override
    public Optional<Experiment> experiment(String idOrName) {
        try {
            Experiment e = client.experiments().getByIdOrName(idOrName);
            experiments.put(e.experimentId(), e);
            return Optional.of(e);
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Experiment experimentOf(SourceRun run) {
        return experiments.computeIfAbsent(run.run().info().experimentId(), id -> client.experiments().get(id));
    }

    @Override
    public Stream<SourceRun> runs(Experiment experiment, RunSelector selector) {
        SearchRuns search = SearchRuns.builder().experimentIds(experiment.experimentId())
                .filter(selector.serverFilter())
                .viewType(selector.includeDeleted() ? ViewType.ALL : ViewType.ACTIVE_ONLY)
                .orderBy("attributes.start_time ASC")
                .pageSize(500)
                .build();
        return client.runs().search(search).stream().map(r -> new SourceRun(r, null));
    }

    @Override
    public Optional<SourceRun> run(String runId) {
        try {
            return Optional.of(new SourceRun(client.runs().get(runId), null));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Stream<Metric> metrics(SourceRun run) {
        List<String> keys = run.run().data().metrics().stream().map(Metric::key).distinct().sorted().toList();
        return keys.stream().flatMap(k -> history(run, k));
    }

    @Override
    public Stream<Metric> history(SourceRun run, String key) {
        Stream<Metric> read = bulk == null ? null : bulk.take(run, key);
        if (read != null) {
            return read;
        }
        return client.runs().metricHistory(run.id(), key, metricPageSize).stream();
    }

    @Override
    public Stream<SourceArtifact> artifacts(SourceRun run) {
        return client.artifacts().listRecursive(run.id(), "").stream()
                .map(f -> new SourceArtifact(f.path(), f.fileSize() == null ? -1 : f.fileSize()));
    }

    private ArtifactRepository repository(SourceRun run) {
        String root = run.run().info().artifactUri();
        return root == null ? client.artifacts().forRun(run.id()) : client.artifacts().forUri(root);
    }

    @Override
    public InputStream open(SourceRun run, String path) {
        return repository(run).open(path);
    }

    @Override
    public ApiBody body(SourceRun run, SourceArtifact artifact) {
        ArtifactRepository repo = repository(run);
        return ApiBody.stream(() -> repo.open(artifact.path()), artifact.size(), Paths.contentType(artifact.path()));
    }

    @Override
    public List<String> modelNames() {
        List<String> out = new ArrayList<>();
        for (RegisteredModel m : client.registeredModels().search(SearchRegisteredModels.all())) {
            out.add(m.name());
        }
        return out;
    }

    @Override
    public Optional<RegisteredModel> model(String name) {
        return client.registeredModels().find(name);
    }

    @Override
    public List<SourceVersion> versions(RegisteredModel model, VersionSelection selection) {
        List<ModelVersion> versions;
        if (selection.kind() == VersionSelection.Kind.LATEST) {
            versions = client.registeredModels().latestVersions(model.name());
        } else {
            versions = client.modelVersions().search(SearchModelVersions.ofModel(model.name())).toList();
        }
        List<SourceVersion> out = new ArrayList<>();
        for (ModelVersion v : versions) {
            if (selection.kind() == VersionSelection.Kind.STAGES
                    && !selection.stages().contains(v.currentStage() == null ? ModelStage.NONE : v.currentStage())) {
                continue;
            }
            if (selection.kind() == VersionSelection.Kind.VERSIONS && !selection.versions().contains(v.version())) {
                continue;
            }
            String experimentName = null;
            String runRoot = null;
            if (v.runId() != null && !v.runId().isEmpty()) {
                Optional<SourceRun> run = run(v.runId());
                if (run.isPresent()) {
                    runRoot = run.get().run().info().artifactUri();
                    experimentName = experimentOf(run.get()).name();
                }
            }
            out.add(new SourceVersion(v, experimentName, runRoot));
        }
        out.sort(Comparator.comparingInt(SourceVersion::number));
        return out;
    }

    @Override
    public int lookahead() {
        return bulk != null && bulk.enabled() ? io.dataops4j.mlflow.tracking.Runs.MAX_BULK_RUNS : 0;
    }

    @Override
    public void expect(SourceRun run) {
        if (bulk != null) {
            bulk.expect(run);
        }
    }

    @Override
    public void release(String runId) {
        if (bulk != null) {
            bulk.release(runId);
        }
    }

    /** Bulk history requests made so far (for tests and figures). */
    public long bulkRequests() {
        return bulk == null ? 0 : bulk.requests.get();
    }

    /** Points read ahead and waiting now (for tests). */
    public long heldPoints() {
        return bulk == null ? 0 : bulk.held();
    }

    @Override
    public Optional<LoggedModel> loggedModel(String modelId) {
        try {
            return Optional.of(client.loggedModels().get(modelId));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public ArtifactRepository loggedModelArtifacts(LoggedModel model) {
        return client.loggedModels().artifacts(model);
    }
}
