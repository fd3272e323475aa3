package io.dataops4j.cli.demo;

import io.dataops4j.core.http.ApiBody;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import io.dataops4j.mlflow.registry.CreateModelVersion;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.tracking.CreateLoggedModel;
import io.dataops4j.mlflow.tracking.CreateRun;
import io.dataops4j.mlflow.tracking.Dataset;
import io.dataops4j.mlflow.tracking.DatasetInput;
import io.dataops4j.mlflow.tracking.LoggedModel;
import io.dataops4j.mlflow.tracking.LoggedModelStatus;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunStatus;
import io.dataops4j.mlflow.tracking.RunUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeds the demo's DEV server with a realistic experiment: a parent run with two children and a grandchild (nested
 * runs), a few hyper-parameter trials, metric histories (one point per step), params, tags, a description, dataset
 * inputs, artifacts (an MLmodel, a binary model file, a nested report, a plot), and a registered model with three
 * versions in Archived, Staging and Production, with aliases {@code champion} and {@code challenger}.
 */
final class DemoSeed {
    static final String EXPERIMENT = "churn-prediction";
    static final String MODEL = "churn-classifier";
    static final int TRIALS = 8;
    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    final String experimentId;
    final List<Run> runs = new ArrayList<>();

    DemoSeed(MlflowClient c) {
        experimentId = c.experiments().create(EXPERIMENT,
                List.of(Tag.of("team", "retention"), Tag.of("mlflow.note.content", "Predicts customer churn (dataops4j demo)")));
        Run parent = run(c, "training", null, T0, Duration.ofMinutes(60), RunStatus.FINISHED, 100, true);
        Run logistic = run(c, "logistic-regression", parent.id(), T0.plusSeconds(60), Duration.ofMinutes(20),
                RunStatus.FINISHED, 60, true);
        run(c, "xgboost", parent.id(), T0.plusSeconds(90), Duration.ofMinutes(25), RunStatus.FAILED, 40, false);
        Run fold = run(c, "cv-fold-1", logistic.id(), T0.plusSeconds(120), Duration.ofMinutes(5), RunStatus.KILLED, 20, false);
        for (int i = 0; i < TRIALS; i++) {
            run(c, "trial-" + i, null, T0.plusSeconds(10_000 + i * 600L), Duration.ofMinutes(4), RunStatus.FINISHED, 30, false);
        }
        artifacts(c, parent, true);
        artifacts(c, logistic, true);
        artifacts(c, fold, false);

        c.registeredModels().create(MODEL, "Churn classifier", List.of(Tag.of("owner", "retention-team")));
        version(c, parent, "baseline", List.of(Tag.of("quality", "ok")));
        version(c, logistic, "logistic regression", List.of(Tag.of("quality", "good")));
        version(c, parent, "retrained on May data", List.of());
        c.modelVersions().transitionStage(MODEL, "1", ModelStage.ARCHIVED, false);
        c.modelVersions().transitionStage(MODEL, "2", ModelStage.STAGING, false);
        c.modelVersions().transitionStage(MODEL, "3", ModelStage.PRODUCTION, false);
        c.registeredModels().setAlias(MODEL, "champion", "3");
        c.registeredModels().setAlias(MODEL, "challenger", "2");
        loggedModelVersion(c, logistic);
    }

    /** Version 4 the MLflow 3 way: registered from a logged model ({@code models:/m-...}) that holds the files. */
    private void loggedModelVersion(MlflowClient c, Run run) {
        LoggedModel m = c.loggedModels().create(CreateLoggedModel.builder(experimentId).name("churn-logreg")
                .modelType("sklearn").sourceRunId(run.id()).param("C", "0.5").tag("framework", "scikit-learn").build());
        ArtifactRepository files = c.loggedModels().artifacts(m);
        String mlmodel = "artifact_path: model\nflavors:\n  python_function:\n    loader_module: mlflow.sklearn\n"
                + "model_id: " + m.id() + "\n";
        files.upload("MLmodel", ApiBody.bytes(mlmodel.getBytes(StandardCharsets.UTF_8), "text/plain"));
        byte[] pkl = new byte[80_000];
        new Random(11).nextBytes(pkl);
        files.upload("model.pkl", ApiBody.bytes(pkl, "application/octet-stream"));
        m = c.loggedModels().finalize(m.id(), LoggedModelStatus.LOGGED_MODEL_READY);
        c.modelVersions().createAndWait(CreateModelVersion.builder(MODEL, m.uri()).runId(run.id()).modelId(m.id())
                .description("logged model (MLflow 3)").build(), Duration.ofMinutes(1));
    }

    private Run run(MlflowClient c, String name, String parentId, Instant start, Duration length, RunStatus status, int steps,
                    boolean datasets) {
        CreateRun.Builder b = CreateRun.builder(experimentId).runName(name).startTime(start).userId("ana")
                .tag("mlflow.user", "ana").tag("mlflow.source.name", "train.py").tag("mlflow.source.type", "LOCAL")
                .tag("mlflow.note.content", "Run " + name + " of the churn study");
        if (parentId != null) {
            b.tag("mlflow.parentRunId", parentId);
        }
        Run r = c.runs().create(b.build());
        Random rnd = new Random(name.hashCode());
        List<Metric> metrics = new ArrayList<>();
        String[] keys = {"loss", "accuracy", "auc"};
        for (int s = 0; s < steps; s++) {
            double decay = Math.exp(-s / 15.0);
            long at = start.toEpochMilli() + s * 1000L;
            metrics.add(Metric.of(keys[0], decay + rnd.nextDouble() / 50, at, s));
            metrics.add(Metric.of(keys[1], 0.6 + 0.35 * (1 - decay) + rnd.nextDouble() / 100, at, s));
            metrics.add(Metric.of(keys[2], 0.7 + 0.25 * (1 - decay), at, s));
        }
        List<Param> params = List.of(Param.of("learning_rate", "0.0" + (1 + rnd.nextInt(9))), Param.of("max_depth",
                Integer.toString(3 + rnd.nextInt(6))), Param.of("n_estimators", "200"), Param.of("features", "tenure,plan,usage"));
        for (int from = 0; from < metrics.size(); from += 900) {
            c.runs().logBatch(r.id(), metrics.subList(from, Math.min(from + 900, metrics.size())), from == 0 ? params : List.of(),
                    from == 0 ? List.of(Tag.of("stage", "exploration")) : List.of());
        }
        if (datasets) {
            c.runs().logInputs(r.id(), List.of(
                    DatasetInput.of(new Dataset("customers-train", "a1b2c3d4", "s3", "{\"uri\": \"s3://data/churn/train.csv\"}",
                            "{\"mlflow_colspec\": [{\"type\": \"long\", \"name\": \"tenure\"}]}", "{\"num_rows\": 50000}"), "training"),
                    DatasetInput.of(new Dataset("customers-eval", "e5f6", "local", "{\"uri\": \"/data/churn/eval.csv\"}", null, null),
                            "evaluation")), List.of());
        }
        c.runs().update(r.id(), RunUpdate.builder().status(status).endTime(start.plus(length)).build());
        Run done = c.runs().get(r.id());
        runs.add(done);
        return done;
    }

    private static void artifacts(MlflowClient c, Run r, boolean model) {
        if (model) {
            String mlmodel = "artifact_path: model\nflavors:\n  python_function:\n    loader_module: mlflow.sklearn\n"
                    + "run_id: " + r.id() + "\nutc_time_created: '2024-05-01 08:00:00'\n";
            c.artifacts().upload(r.id(), "model/MLmodel", ApiBody.bytes(mlmodel.getBytes(StandardCharsets.UTF_8), "text/plain"));
            byte[] pkl = new byte[150_000];
            new Random(7).nextBytes(pkl);
            c.artifacts().upload(r.id(), "model/model.pkl", ApiBody.bytes(pkl, "application/octet-stream"));
        }
        c.artifacts().upload(r.id(), "reports/evaluation/summary.txt",
                ApiBody.bytes(("evaluation of run " + r.id() + "\n").getBytes(StandardCharsets.UTF_8), "text/plain"));
        c.artifacts().upload(r.id(), "roc.png", ApiBody.bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}, "image/png"));
    }

    private static void version(MlflowClient c, Run run, String description, List<Tag> tags) {
        CreateModelVersion.Builder b = CreateModelVersion.builder(MODEL, run.info().artifactUri() + "/model").runId(run.id())
                .description(description);
        tags.forEach(t -> b.tag(t.key(), t.value()));
        c.modelVersions().createAndWait(b.build(), Duration.ofMinutes(1));
    }
}
