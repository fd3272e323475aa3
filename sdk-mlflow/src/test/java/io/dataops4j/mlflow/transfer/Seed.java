package io.dataops4j.mlflow.transfer;

import io.dataops4j.core.http.ApiBody;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.registry.CreateModelVersion;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.tracking.CreateRun;
import io.dataops4j.mlflow.tracking.Dataset;
import io.dataops4j.mlflow.tracking.DatasetInput;
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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A realistic experiment and registered model seeded into a source server: nested runs three levels deep, metric
 * histories, params, tags, descriptions, dataset inputs, artifacts in nested directories with an MLmodel file, runs
 * in every status (one still running), a deleted run, and a model with three versions in several stages, with
 * descriptions, tags and aliases.
 */
final class Seed {
    private static final AtomicInteger SEQ = new AtomicInteger();
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    final String experiment;
    final String experimentId;
    final String model;
    final Run parent;
    final Run child1;
    final Run child2;
    final Run grandchild;
    final Run running;
    final Run deleted;
    final List<Run> bulk = new ArrayList<>();
    /** Runs active in the source (the deleted one aside). */
    final List<Run> active = new ArrayList<>();
    final Instant t0 = Instant.parse("2024-05-01T08:00:00Z");

    static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    /**
     * @param datasets whether runs get dataset inputs (mlflow-export-import 1.2.0 does not export them)
     * @param bulkRuns how many extra plain runs
     */
    Seed(MlflowClient c, boolean datasets, int bulkRuns) {
        experiment = unique("churn");
        experimentId = c.experiments().create(experiment,
                List.of(Tag.of("team", "fraud"), Tag.of("mlflow.note.content", "Predicts churn; owned by the fraud team")));
        parent = run(c, "parent", null, t0, Duration.ofMinutes(60), RunStatus.FINISHED, 4, 40, datasets);
        child1 = run(c, "child-lr", parent.id(), t0.plusSeconds(60), Duration.ofMinutes(20), RunStatus.FINISHED, 3, 30, datasets);
        child2 = run(c, "child-xgb", parent.id(), t0.plusSeconds(90), Duration.ofMinutes(25), RunStatus.FAILED, 3, 25, false);
        grandchild = run(c, "fold-1", child1.id(), t0.plusSeconds(120), Duration.ofMinutes(5), RunStatus.KILLED, 2, 10, false);
        running = run(c, "still-running", null, t0.plusSeconds(7200), null, RunStatus.RUNNING, 2, 5, false);
        deleted = run(c, "discarded", null, t0.plusSeconds(300), Duration.ofMinutes(1), RunStatus.FINISHED, 1, 3, false);
        c.runs().delete(deleted.id());
        active.addAll(List.of(parent, child1, child2, grandchild, running));
        for (int i = 0; i < bulkRuns; i++) {
            Run r = run(c, "trial-" + i, null, t0.plusSeconds(10_000 + i * 60L), Duration.ofMinutes(2), RunStatus.FINISHED, 2, 12,
                    false);
            bulk.add(r);
            active.add(r);
        }
        artifacts(c, parent, true);
        artifacts(c, child1, true);
        artifacts(c, grandchild, false);

        model = unique("churn-model");
        c.registeredModels().create(model, "Churn classifier", List.of(Tag.of("owner", "ana"), Tag.of("domain", "retention")));
        version(c, parent, "baseline", List.of(Tag.of("quality", "ok")));
        version(c, child1, "logistic regression", List.of(Tag.of("quality", "good")));
        version(c, parent, null, List.of());
        c.modelVersions().transitionStage(model, "1", ModelStage.ARCHIVED, false);
        c.modelVersions().transitionStage(model, "2", ModelStage.STAGING, false);
        c.modelVersions().transitionStage(model, "3", ModelStage.PRODUCTION, false);
        c.registeredModels().setAlias(model, "champion", "3");
        c.registeredModels().setAlias(model, "challenger", "2");
    }

    private Run run(MlflowClient c, String name, String parentId, Instant start, Duration length, RunStatus status, int keys,
                    int steps, boolean datasets) {
        CreateRun.Builder b = CreateRun.builder(experimentId).runName(name).startTime(start).userId("ana")
                .tag("mlflow.user", "ana").tag("mlflow.source.name", "train.py").tag("mlflow.source.type", "LOCAL")
                .tag("mlflow.note.content", "run " + name + " of the churn study");
        if (parentId != null) {
            b.tag("mlflow.parentRunId", parentId);
        }
        Run r = c.runs().create(b.build());
        List<Metric> metrics = new ArrayList<>();
        Random rnd = new Random(name.hashCode());
        for (int k = 0; k < keys; k++) {
            for (int s = 0; s < steps; s++) {
                metrics.add(Metric.of("metric_" + k, Math.exp(-s / 10.0) + rnd.nextDouble() / 100, start.toEpochMilli() + s * 1000L + k, s));
            }
        }
        // the same step logged twice at different times, and a point at a negative step
        metrics.add(Metric.of("metric_0", 0.5, start.toEpochMilli() + 999_999, 3));
        metrics.add(Metric.of("warmup", -1.25, start.toEpochMilli(), -1));
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            params.add(Param.of("param_" + i, "value " + i + " of " + name));
        }
        params.add(Param.of("unicode", "entraînement β 📊"));
        c.runs().logBatch(r.id(), metrics, params, List.of(Tag.of("stage", "exploration"), Tag.of("seed", "42")));
        if (datasets) {
            c.runs().logInputs(r.id(), List.of(
                    DatasetInput.of(new Dataset("train", "a1b2c3d4", "s3", "{\"uri\": \"s3://bucket/train.csv\"}",
                            "{\"mlflow_colspec\": [{\"type\": \"long\", \"name\": \"a\"}]}", "{\"num_rows\": 2}"), "training"),
                    DatasetInput.of(new Dataset("eval", "e5f6", "local", "{\"uri\": \"/data/eval.csv\"}", null, null), "evaluation")),
                    List.of());
        }
        RunUpdate.Builder u = RunUpdate.builder().status(status);
        if (length != null) {
            u.endTime(start.plus(length));
        }
        c.runs().update(r.id(), u.build());
        return c.runs().get(r.id());
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
        c.artifacts().upload(r.id(), "reports/deep/nested/summary.txt",
                ApiBody.bytes(("summary of " + r.id()).getBytes(StandardCharsets.UTF_8), "text/plain"));
        c.artifacts().upload(r.id(), "plot.png", ApiBody.bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}, "image/png"));
    }

    private void version(MlflowClient c, Run run, String description, List<Tag> tags) {
        CreateModelVersion.Builder b = CreateModelVersion.builder(model, run.info().artifactUri() + "/model").runId(run.id())
                .description(description);
        tags.forEach(t -> b.tag(t.key(), t.value()));
        c.modelVersions().createAndWait(b.build(), Duration.ofMinutes(1));
    }
}
