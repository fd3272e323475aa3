package io.dataops4j.mlflow.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.progress.ProgressListener;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import io.dataops4j.mlflow.tracking.CreateLoggedModel;
import io.dataops4j.mlflow.tracking.LoggedModel;
import io.dataops4j.mlflow.tracking.LoggedModelStatus;
import io.dataops4j.mlflow.tracking.SearchLoggedModels;
import java.nio.charset.StandardCharsets;
import io.dataops4j.mlflow.LifecycleStage;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.registry.CreateModelVersion;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.ModelVersionStatus;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.registry.SearchModelVersions;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunStatus;
import io.dataops4j.testkit.MlflowServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** DEV -> PROD copies between two real MLflow servers (proxied artifacts), checked directly and by {@link MlflowDiff}. */
class CopyTest {
    @RegisterExtension
    static MlflowServerExtension devServer = MlflowServerExtension.dedicated("dev");
    @RegisterExtension
    static MlflowServerExtension prodServer = MlflowServerExtension.dedicated("prod");

    static MlflowClient dev;
    static MlflowClient prod;
    static Seed seed;

    @BeforeAll
    static void seed() {
        dev = MlflowClient.of(devServer.server().trackingUri());
        prod = MlflowClient.of(prodServer.server().trackingUri());
        seed = new Seed(dev, true, 8);
    }

    /** A transfer of the seeded experiment and model under fresh target names. */
    private static MlflowTransfer transfer(String targetExperiment, String targetModel, Consumer<TransferOptions.Builder> more) {
        return MlflowTransfer.from(dev).to(prod).experiment(seed.experiment).model(seed.model)
                .options(o -> {
                    o.renameExperiment(seed.experiment, targetExperiment).renameModel(seed.model, targetModel).parallelism(3);
                    more.accept(o);
                });
    }

    private static MlflowDiff diff(String targetExperiment, String targetModel) {
        return MlflowDiff.between(dev, prod).experiment(seed.experiment).model(seed.model).artifactContent(true)
                .options(o -> o.renameExperiment(seed.experiment, targetExperiment).renameModel(seed.model, targetModel));
    }

    @Test
    void copiesEverythingExactlyAndOnlyOnce() {
        String exp = Seed.unique("prod-churn");
        String model = Seed.unique("prod-model");
        int n = seed.active.size();

        Plan plan = transfer(exp, model, o -> { }).plan();
        assertTrue(plan.errors().isEmpty(), plan.render());
        assertTrue(plan.hasChanges());
        assertEquals(n, plan.runsToCreate(), plan.render());
        assertEquals(Action.CREATE, plan.experiments().get(0).action());
        assertEquals(3, plan.models().get(0).versionsToCreate());
        assertTrue(plan.models().get(0).aliasesToSet().containsAll(List.of("champion -> 3", "challenger -> 2")), plan.render());
        assertTrue(plan.render().contains("\"" + seed.experiment + "\" -> \"" + exp + "\""), plan.render());
        assertTrue(prod.experiments().findByName(exp).isEmpty(), "planning changes nothing");

        List<long[]> progress = Collections.synchronizedList(new ArrayList<>());
        TransferResult r = plan.apply((done, total, what) -> progress.add(new long[] {done, total}));
        assertTrue(r.isComplete(), r.failures().toString());
        assertEquals(n, r.counts().runsCreated());
        assertEquals(3, r.counts().versionsCreated());
        assertEquals(n + 3, progress.size());
        assertTrue(progress.stream().allMatch(p -> p[1] == n + 3), "the total is known from the plan");
        assertEquals(n + 3, progress.stream().mapToLong(p -> p[0]).max().orElse(0));
        assertTrue(r.counts().metricPoints() > 500, r.counts().toString());
        assertEquals(10, r.counts().artifactFiles());

        // every field, directly
        String expId = prod.experiments().getByName(exp).experimentId();
        assertEquals("Predicts churn; owned by the fraud team", prod.experiments().getByName(exp).tag("mlflow.note.content"));
        assertEquals("fraud", prod.experiments().getByName(exp).tag("team"));
        for (Run s : seed.active) {
            String copy = r.runIds().get(s.id());
            assertNotNull(copy, "copied: " + s.info().runName());
            Checks.assertSameRun(dev, dev.runs().get(s.id()), prod, copy);
        }
        assertNull(r.runIds().get(seed.deleted.id()), "deleted runs are left out unless asked for");
        Run child1 = prod.runs().get(r.runIds().get(seed.child1.id()));
        assertEquals(r.runIds().get(seed.parent.id()), child1.data().tag("mlflow.parentRunId"));
        assertEquals(r.runIds().get(seed.parent.id()), prod.runs().get(r.runIds().get(seed.child2.id())).data().tag("mlflow.parentRunId"));
        assertEquals(r.runIds().get(seed.child1.id()),
                prod.runs().get(r.runIds().get(seed.grandchild.id())).data().tag("mlflow.parentRunId"));
        Run running = prod.runs().get(r.runIds().get(seed.running.id()));
        assertEquals(RunStatus.RUNNING, running.info().status());
        assertNull(running.info().endTime());
        assertEquals(seed.t0, prod.runs().get(r.runIds().get(seed.parent.id())).info().startTime());

        RegisteredModel m = prod.registeredModels().get(model);
        assertEquals("Churn classifier", m.description());
        assertEquals("ana", m.tag("owner"));
        assertEquals("3", m.aliasVersion("champion"));
        assertEquals("2", m.aliasVersion("challenger"));
        List<ModelVersion> versions = new ArrayList<>(prod.modelVersions().search(SearchModelVersions.ofModel(model)).toList());
        versions.sort(Comparator.comparingInt(v -> Integer.parseInt(v.version())));
        assertEquals(3, versions.size());
        assertEquals(List.of(ModelStage.ARCHIVED, ModelStage.STAGING, ModelStage.PRODUCTION),
                versions.stream().map(ModelVersion::currentStage).toList());
        assertTrue(versions.stream().allMatch(v -> v.status() == ModelVersionStatus.READY));
        assertEquals(List.of(r.runIds().get(seed.parent.id()), r.runIds().get(seed.child1.id()), r.runIds().get(seed.parent.id())),
                versions.stream().map(ModelVersion::runId).toList(), "versions recreated in source order");
        assertEquals("baseline", versions.get(0).description());
        assertEquals("good", versions.get(1).tag("quality"));
        assertEquals(prod.runs().get(r.runIds().get(seed.child1.id())).info().artifactUri() + "/model", versions.get(1).source());
        assertEquals(Map.of("1", "1", "2", "2", "3", "3"), r.modelVersions().get(seed.model));
        Map<?, ?> json = (Map<?, ?>) io.dataops4j.core.json.Json.shared().parseValue(r.toJson());
        assertEquals(r.runIds().get(seed.parent.id()), ((Map<?, ?>) json.get("run_ids")).get(seed.parent.id()));
        assertEquals((long) n, ((Map<?, ?>) json.get("counts")).get("runs_created"));
        assertEquals(Boolean.TRUE, json.get("complete"));

        DiffReport d = diff(exp, model).compare();
        assertTrue(d.isEmpty(), d.render());
        assertEquals(n, d.runsCompared());
        assertEquals(3, d.versionsCompared());

        // again: nothing to do, nothing duplicated
        Plan again = transfer(exp, model, o -> { }).plan();
        assertFalse(again.hasChanges(), again.render());
        assertEquals(n, again.runsToSkip());
        assertEquals(3, again.models().get(0).versionsToSkip());
        TransferResult r2 = again.apply(ProgressListener.NONE);
        assertEquals(n, r2.counts().runsSkipped());
        assertEquals(0, r2.counts().runsCreated());
        assertEquals(3, r2.counts().versionsSkipped());
        assertEquals(r.runIds(), r2.runIds(), "the same copies are found again");
        assertEquals(n, Checks.allRuns(prod, expId).size(), "no duplicates");
        assertEquals(3, prod.modelVersions().search(SearchModelVersions.ofModel(model)).toList().size());
    }

    @Test
    void followsSourceChangesAndReportsTargetDrift() {
        Seed small = new Seed(dev, true, 0);
        String exp = Seed.unique("drift");
        String model = Seed.unique("drift-model");
        MlflowTransfer t = MlflowTransfer.from(dev).to(prod).experiment(small.experiment).model(small.model)
                .options(o -> o.renameExperiment(small.experiment, exp).renameModel(small.model, model));
        MlflowDiff diff = MlflowDiff.between(dev, prod).experiment(small.experiment).model(small.model)
                .options(o -> o.renameExperiment(small.experiment, exp).renameModel(small.model, model));
        TransferResult first = t.plan().apply(ProgressListener.NONE);
        assertTrue(diff.compare().isEmpty());

        // the target drifts: the diff sees each change
        String parentCopy = first.runIds().get(small.parent.id());
        String childCopy = first.runIds().get(small.child1.id());
        prod.runs().setTag(parentCopy, "stage", "tampered");
        prod.runs().logMetric(childCopy, "metric_1", 42.0, 999);
        prod.artifacts().delete(parentCopy, "plot.png");
        prod.registeredModels().setAlias(model, "champion", "1");
        prod.modelVersions().updateDescription(model, "2", "edited in prod");
        DiffReport drift = diff.compare();
        assertTrue(drift.hasDifferences());
        List<String> found = drift.differences().stream().map(x -> x.object() + " " + x.field()).toList();
        assertTrue(found.stream().anyMatch(f -> f.contains(small.parent.id()) && f.endsWith("tags.stage")), drift.render());
        assertTrue(found.stream().anyMatch(f -> f.contains(small.child1.id()) && f.endsWith("metrics.metric_1")), drift.render());
        assertTrue(found.stream().anyMatch(f -> f.contains(small.parent.id()) && f.endsWith("artifacts/plot.png")), drift.render());
        assertTrue(found.stream().anyMatch(f -> f.endsWith("aliases.champion")), drift.render());
        assertTrue(found.stream().anyMatch(f -> f.contains("version 2") && f.endsWith("description")), drift.render());
        assertEquals(5, drift.totalDifferences(), drift.render());

        // the source changes: a new tag (updated in place), a new metric point (copied again), a new version description
        dev.runs().setTag(small.grandchild.id(), "reviewed", "yes");
        dev.runs().logMetric(small.running.id(), "metric_0", 0.01, 100);
        dev.modelVersions().updateDescription(small.model, "3", "promoted after review");
        dev.registeredModels().setAlias(small.model, "champion", "2");
        Plan plan = t.plan();
        PlannedExperiment pe = plan.experiments().get(0);
        assertEquals(1, pe.runsToUpdate(), plan.render());
        assertEquals(1, pe.runsToReplace(), plan.render());
        assertEquals(small.active.size() - 2, pe.runsToSkip(), plan.render());
        // versions are compared with the target itself: the edited description of version 2 is repaired too
        assertEquals(2, plan.models().get(0).versionsToUpdate(), plan.render());
        TransferResult second = plan.apply(ProgressListener.NONE);
        assertEquals(1, second.counts().runsUpdated());
        assertEquals(1, second.counts().runsReplaced());
        assertEquals(first.runIds().get(small.grandchild.id()), second.runIds().get(small.grandchild.id()), "updated in place");
        String replaced = first.runIds().get(small.running.id());
        assertNotEquals(replaced, second.runIds().get(small.running.id()), "copied again");
        Run old = prod.runs().get(replaced);
        assertEquals(LifecycleStage.DELETED, old.info().lifecycleStage());
        assertEquals("superseded", old.data().tag("dataops4j.transfer.state"));
        assertEquals("yes", prod.runs().get(second.runIds().get(small.grandchild.id())).data().tag("reviewed"));
        assertEquals("2", prod.registeredModels().get(model).aliasVersion("champion"));
        assertEquals("promoted after review", prod.modelVersions().get(model, "3").description());
        assertEquals("logistic regression", prod.modelVersions().get(model, "2").description());

        // runs are compared by the source's fingerprint: the drift of run copies stays, and the diff reports it
        DiffReport after = diff.compare();
        List<String> left = after.differences().stream().map(x -> x.object() + " " + x.field()).toList();
        assertTrue(left.stream().noneMatch(f -> f.contains(small.running.id()) || f.contains(small.grandchild.id())), after.render());
        assertTrue(left.stream().noneMatch(f -> f.endsWith("aliases.champion")), after.render());
        assertTrue(left.stream().anyMatch(f -> f.contains(small.parent.id()) && f.endsWith("tags.stage")), after.render());
        assertEquals(3, after.totalDifferences(), after.render());
    }

    @Test
    void resumesAnInterruptedCopy() {
        String exp = Seed.unique("resume");
        String model = Seed.unique("resume-model");
        AtomicInteger calls = new AtomicInteger();
        ProgressListener crash = (done, total, what) -> {
            if (calls.incrementAndGet() == 4) {
                throw new IllegalStateException("simulated crash after 4 runs");
            }
        };
        TransferException e = assertThrows(TransferException.class, () -> transfer(exp, model, o -> o.parallelism(4)).plan().apply(crash));
        assertEquals("simulated crash after 4 runs", e.getCause().getMessage());
        TransferResult partial = e.partialResult().orElseThrow();
        assertTrue(partial.counts().runsCreated() >= 4, partial.toString());
        assertTrue(partial.counts().runsCreated() < seed.active.size(), partial.toString());
        assertTrue(prod.registeredModels().find(model).isEmpty(), "stopped before the models");

        Plan resume = transfer(exp, model, o -> { }).plan();
        assertEquals(seed.active.size(), resume.runsToSkip() + resume.runsToCreate() + resume.runsToReplace(), resume.render());
        assertTrue(resume.runsToSkip() >= 4, resume.render());
        TransferResult r = resume.apply(ProgressListener.NONE);
        assertTrue(r.isComplete());
        DiffReport d = diff(exp, model).compare();
        assertTrue(d.isEmpty(), d.render());
        String expId = prod.experiments().getByName(exp).experimentId();
        Map<String, Integer> live = Checks.liveCopies(prod, expId);
        assertEquals(seed.active.size(), live.size());
        assertTrue(live.values().stream().allMatch(c -> c == 1), "one live copy per source run: " + live);
        for (Run x : Checks.allRuns(prod, expId)) {
            String state = x.data().tag("dataops4j.transfer.state");
            assertTrue(state.equals("complete") || (state.equals("superseded") && x.info().lifecycleStage() == LifecycleStage.DELETED),
                    "run " + x.id() + " is " + state + " and " + x.info().lifecycleStage());
        }
    }

    @Test
    void replacesAHalfCopiedRun() {
        String exp = Seed.unique("half");
        String model = Seed.unique("half-model");
        TransferResult first = transfer(exp, model, o -> { }).plan().apply(ProgressListener.NONE);
        // what a copy killed halfway leaves: the start marker, some metric points, no end
        Run victim = seed.bulk.get(2);
        String copy = first.runIds().get(victim.id());
        prod.runs().setTag(copy, "dataops4j.transfer.state", "started");
        prod.runs().logMetric(copy, "metric_0", 7.0, 0);

        Plan plan = transfer(exp, model, o -> { }).plan();
        assertEquals(1, plan.runsToReplace(), plan.render());
        assertEquals(seed.active.size() - 1, plan.runsToSkip());
        TransferResult second = plan.apply(ProgressListener.NONE);
        assertEquals(1, second.counts().runsReplaced());
        String fresh = second.runIds().get(victim.id());
        assertNotEquals(copy, fresh);
        Checks.assertSameRun(dev, dev.runs().get(victim.id()), prod, fresh);
        assertEquals(LifecycleStage.DELETED, prod.runs().get(copy).info().lifecycleStage());
        assertTrue(diff(exp, model).compare().isEmpty());
    }

    @Test
    void copiesTheParentsOfAPartialSelection(@TempDir Path tmp) throws Exception {
        String exp = Seed.unique("partial");
        Path ids = tmp.resolve("ids.jsonl");
        // small history pages: every history is read in several pages
        Plan plan = MlflowTransfer.from(dev).to(prod).run(seed.grandchild.id())
                .options(o -> o.renameExperiment(seed.experiment, exp).metricPageSize(7).idMapFile(ids)).plan();
        assertEquals(1, plan.runsToCreate());
        TransferResult r = plan.apply(ProgressListener.NONE);
        assertEquals(3, r.counts().runsCreated(), "the run, its parent and its grandparent");
        List<String> lines = Files.readAllLines(ids);
        assertEquals(3, lines.size());
        assertTrue(lines.contains("{\"type\":\"run\",\"source\":\"" + seed.parent.id() + "\",\"target\":\""
                + r.runIds().get(seed.parent.id()) + "\"}"), lines.toString());
        String gc = r.runIds().get(seed.grandchild.id());
        String c1 = r.runIds().get(seed.child1.id());
        String p = r.runIds().get(seed.parent.id());
        assertEquals(c1, prod.runs().get(gc).data().tag("mlflow.parentRunId"));
        assertEquals(p, prod.runs().get(c1).data().tag("mlflow.parentRunId"));
        Checks.assertSameRun(dev, dev.runs().get(seed.grandchild.id()), prod, gc);
        assertTrue(MlflowDiff.between(dev, prod).run(seed.grandchild.id()).run(seed.child1.id()).run(seed.parent.id())
                .options(o -> o.renameExperiment(seed.experiment, exp)).compare().isEmpty());

        // without parents: the link to a parent with no copy keeps the source id, with a warning
        String exp2 = Seed.unique("partial-noparents");
        TransferResult r2 = MlflowTransfer.from(dev).to(prod).run(seed.child2.id())
                .options(o -> o.renameExperiment(seed.experiment, exp2).includeParentRuns(false)).plan().apply(ProgressListener.NONE);
        assertEquals(1, r2.counts().runsCreated());
        assertEquals(seed.parent.id(), prod.runs().get(r2.runIds().get(seed.child2.id())).data().tag("mlflow.parentRunId"));
        assertTrue(r2.warnings().stream().anyMatch(w -> w.contains(seed.parent.id())), r2.warnings().toString());
    }

    @Test
    void filtersRenamesAndVersionSelection() {
        String exp = Seed.unique("window");
        String model = Seed.unique("prod-only");
        TransferResult r = transfer(exp, model, o -> o.runsStartedAfter(seed.t0.plusSeconds(5000)).includeDeletedRuns(true)
                .versions(VersionSelection.stages(ModelStage.PRODUCTION)).includeParentRuns(false)).plan().apply(ProgressListener.NONE);
        // the window takes the running run and the trials; the parent of version 3 comes as its dependency
        assertTrue(r.runIds().keySet().containsAll(seed.bulk.stream().map(Run::id).toList()));
        assertTrue(r.runIds().containsKey(seed.running.id()));
        assertTrue(r.runIds().containsKey(seed.parent.id()), "version 3's run");
        assertFalse(r.runIds().containsKey(seed.child1.id()));
        assertFalse(r.runIds().containsKey(seed.deleted.id()), "outside the window");
        assertEquals(Map.of("3", "1"), r.modelVersions().get(seed.model));
        RegisteredModel m = prod.registeredModels().get(model);
        assertEquals("1", m.aliasVersion("champion"));
        assertNull(m.aliasVersion("challenger"), "its version was not selected");
        assertEquals(ModelStage.PRODUCTION, prod.modelVersions().get(model, "1").currentStage());

        // deleted runs on request: copied, and deleted in the target too
        String exp2 = Seed.unique("with-deleted");
        TransferResult r2 = MlflowTransfer.from(dev).to(prod).experiment(seed.experiment)
                .options(o -> o.renameExperiment(seed.experiment, exp2).includeDeletedRuns(true)).plan().apply(ProgressListener.NONE);
        String copy = r2.runIds().get(seed.deleted.id());
        assertNotNull(copy);
        assertEquals(LifecycleStage.DELETED, prod.runs().get(copy).info().lifecycleStage());
        Checks.assertSameRun(dev, dev.runs().get(seed.deleted.id()), prod, copy);
        assertTrue(MlflowDiff.between(dev, prod).experiment(seed.experiment)
                .options(o -> o.renameExperiment(seed.experiment, exp2).includeDeletedRuns(true)).compare().isEmpty());
    }

    @Test
    void refusesWhatTheTargetCannotHold() {
        String uc = "main.ml." + Seed.unique("uc");
        Run run = seed.parent;
        dev.registeredModels().create(uc, "a Unity Catalog model", List.of(Tag.of("k", "v")));
        dev.modelVersions().createAndWait(CreateModelVersion.builder(uc, run.info().artifactUri() + "/model").runId(run.id()).build(),
                Duration.ofMinutes(1));
        Plan plan = MlflowTransfer.from(dev).to(prod).model(uc).experiment("no-such-experiment-" + Seed.RUN).plan();
        assertEquals(2, plan.errors().size(), plan.render());
        assertTrue(plan.errors().stream().anyMatch(x -> x.contains("three-part Unity Catalog name") && x.contains(uc)), plan.render());
        assertTrue(plan.errors().stream().anyMatch(x -> x.contains("no-such-experiment")), plan.render());
        assertTrue(plan.render().contains("Errors:"));
        TransferException e = assertThrows(TransferException.class, () -> plan.apply(ProgressListener.NONE));
        assertTrue(e.getMessage().contains("Unity Catalog"), e.getMessage());
        assertTrue(prod.registeredModels().find(uc).isEmpty());

        String renamed = Seed.unique("from-uc");
        Plan ok = MlflowTransfer.from(dev).to(prod).model(uc).options(o -> o.renameModel(uc, renamed)
                .renameExperiment(seed.experiment, Seed.unique("uc-runs"))).plan();
        assertTrue(ok.errors().isEmpty(), ok.render());
        TransferResult r = ok.apply(ProgressListener.NONE);
        assertEquals(1, r.counts().versionsCreated());
        assertEquals("a Unity Catalog model", prod.registeredModels().get(renamed).description());
        assertThrows(TransferException.class, () -> MlflowTransfer.from(dev).to(prod).plan().apply(ProgressListener.NONE),
                "nothing selected");
    }

    @Test
    void exportsAndImportsThroughADirectory(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("export");
        TransferResult exported = MlflowTransfer.from(dev).to(dir).experiment(seed.experiment).model(seed.model)
                .plan().apply(ProgressListener.NONE);
        assertEquals(seed.active.size(), exported.counts().runsCreated());
        assertTrue(Files.isRegularFile(dir.resolve("manifest.json")));
        assertTrue(Files.isRegularFile(dir.resolve("models/" + seed.model + "/model.json")));
        assertTrue(Files.isRegularFile(dir.resolve("experiments/" + seed.experimentId + "/" + seed.parent.id() + "/run.json")));
        assertTrue(Files.isRegularFile(dir.resolve("experiments/" + seed.experimentId + "/" + seed.parent.id()
                + "/artifacts/model/MLmodel")));

        // exporting again resumes: complete runs are skipped
        TransferResult again = MlflowTransfer.from(dev).to(dir).experiment(seed.experiment).model(seed.model)
                .plan().apply(ProgressListener.NONE);
        assertEquals(seed.active.size(), again.counts().runsSkipped());

        String exp = Seed.unique("imported");
        String model = Seed.unique("imported-model");
        MlflowTransfer imp = MlflowTransfer.from(dir).to(prod)
                .options(o -> o.renameExperiment(seed.experiment, exp).renameModel(seed.model, model));
        Plan plan = imp.plan();
        assertEquals(seed.active.size(), plan.runsToCreate(), plan.render());
        TransferResult r = plan.apply(ProgressListener.NONE);
        assertTrue(r.isComplete(), r.failures().toString());
        for (Run s : seed.active) {
            Checks.assertSameRun(dev, dev.runs().get(s.id()), prod, r.runIds().get(s.id()));
        }
        assertTrue(MlflowDiff.between(dir, prod).artifactContent(true)
                .options(o -> o.renameExperiment(seed.experiment, exp).renameModel(seed.model, model)).compare().isEmpty());
        assertTrue(diff(exp, model).compare().isEmpty());

        // importing twice: nothing duplicated
        TransferResult twice = imp.plan().apply(ProgressListener.NONE);
        assertEquals(seed.active.size(), twice.counts().runsSkipped());
        assertEquals(3, twice.counts().versionsSkipped());
        assertEquals(seed.active.size(), Checks.allRuns(prod, prod.experiments().getByName(exp).experimentId()).size());
        assertEquals(3, prod.modelVersions().search(SearchModelVersions.ofModel(model)).toList().size());

        // a metric point logged in the target shows as a difference against the export
        prod.runs().logMetrics(r.runIds().get(seed.bulk.get(0).id()), List.of(Metric.of("metric_0", 123.0, 77)));
        DiffReport d = MlflowDiff.between(dir, prod)
                .options(o -> o.renameExperiment(seed.experiment, exp).renameModel(seed.model, model)).compare();
        assertEquals(1, d.totalDifferences(), d.render());
        assertEquals("metrics.metric_0", d.differences().get(0).field());
    }

    @Test
    void copiesVersionsRegisteredFromLoggedModelsWithTheirModels() {
        String srcExp = Seed.unique("lm-dev");
        String srcModel = Seed.unique("lm-model");
        String expId = dev.experiments().create(srcExp);
        Run run = dev.runs().create(expId, "train");
        dev.runs().logMetric(run.id(), "auc", 0.91, 1);
        LoggedModel lm = dev.loggedModels().create(CreateLoggedModel.builder(expId).name("clf").modelType("sklearn")
                .sourceRunId(run.id()).param("alpha", "0.5").tag("flavor", "pyfunc").build());
        ArtifactRepository files = dev.loggedModels().artifacts(lm);
        byte[] weights = new byte[70_000];
        new java.util.Random(7).nextBytes(weights);
        files.upload("MLmodel", ApiBody.bytes("flavors: {python_function: {}}\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
        files.upload("data/weights.bin", ApiBody.bytes(weights, "application/octet-stream"));
        lm = dev.loggedModels().finalize(lm.id(), LoggedModelStatus.LOGGED_MODEL_READY);
        dev.registeredModels().create(srcModel);
        ModelVersion v1 = dev.modelVersions().createAndWait(CreateModelVersion.builder(srcModel, lm.uri()).runId(run.id())
                .modelId(lm.id()).build(), Duration.ofMinutes(1));
        dev.registeredModels().setAlias(srcModel, "champion", v1.version());

        String exp = Seed.unique("lm-prod");
        String model = Seed.unique("lm-prod-model");
        MlflowTransfer t = MlflowTransfer.from(dev).to(prod).experiment(srcExp).model(srcModel)
                .options(o -> o.renameExperiment(srcExp, exp).renameModel(srcModel, model));
        TransferResult r = t.plan().apply(ProgressListener.NONE);
        assertTrue(r.isComplete(), r.failures().toString());
        assertEquals(1, r.counts().versionsCreated());

        ModelVersion copy = prod.modelVersions().get(model, "1");
        assertTrue(copy.source().startsWith("models:/m-"), copy.source());
        assertNotEquals(lm.uri(), copy.source());
        LoggedModel target = prod.loggedModels().get(copy.source().substring("models:/".length()));
        assertEquals(lm.id(), target.info().tag("dataops4j.transfer.source_model_id"));
        assertEquals(r.runIds().get(run.id()), target.info().sourceRunId(), "linked to the copy of its run");
        assertEquals(r.runIds().get(run.id()), copy.runId());
        assertEquals(prod.experiments().getByName(exp).experimentId(), target.info().experimentId());
        assertEquals(LoggedModelStatus.LOGGED_MODEL_READY, target.info().status());
        assertEquals("0.5", target.data().param("alpha"));
        assertEquals("pyfunc", target.info().tag("flavor"));
        assertEquals("sklearn", target.info().modelType());
        try (java.io.InputStream in = prod.loggedModels().artifacts(target).open("data/weights.bin")) {
            assertArrayEquals(weights, in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals("1", prod.registeredModels().get(model).aliasVersion("champion"));
        MlflowDiff diff = MlflowDiff.between(dev, prod).experiment(srcExp).model(srcModel)
                .options(o -> o.renameExperiment(srcExp, exp).renameModel(srcModel, model));
        DiffReport d = diff.compare();
        assertTrue(d.isEmpty(), d.render());

        // a half-made copy (a crash before finalize) is replaced, a finished one is found again: one copy in the end
        String targetExp = target.info().experimentId();
        LoggedModel stray = prod.loggedModels().create(CreateLoggedModel.builder(targetExp).name("clf")
                .tag("dataops4j.transfer.source_model_id", lm.id()).build());
        prod.modelVersions().delete(model, "1");
        TransferResult again = t.plan().apply(ProgressListener.NONE);
        assertTrue(again.isComplete(), again.failures().toString());
        List<LoggedModel> copies = prod.loggedModels().search(SearchLoggedModels.builder().experimentIds(targetExp).build()).toList();
        assertEquals(List.of(target.id()), copies.stream().map(LoggedModel::id).toList(), "the stray " + stray.id() + " is gone");
        assertTrue(diff.compare().isEmpty(), diff.compare().render());
    }
}
