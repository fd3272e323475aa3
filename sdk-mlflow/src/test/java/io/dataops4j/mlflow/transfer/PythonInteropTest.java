package io.dataops4j.mlflow.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.progress.ProgressListener;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.ModelVersionStatus;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.registry.SearchModelVersions;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.SearchRuns;
import io.dataops4j.testkit.MlflowServerExtension;
import io.dataops4j.testkit.PythonTool;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with the real mlflow-export-import 1.2.0 (from PyPI, in a virtualenv of its own): what it exports
 * we import exactly, and what we export it imports.
 *
 * <p>Both servers keep artifacts in a local directory ({@code --default-artifact-root}) rather than behind the
 * artifact proxy: mlflow-export-import 1.2.0 cannot register model versions from {@code mlflow-artifacts:} sources
 * (its {@code _extract_model_path} cuts the source at the first "artifacts", which is the scheme, and it checks that
 * the new source exists with {@code os.path.exists}); its own tests run servers the same way.
 */
class PythonInteropTest {
    /** The tool, pinned: mlflow 3.8.1 needs SQLAlchemy below 2.1; the package forgets to require tabulate. */
    static final PythonTool EXIM = PythonTool.builder("mlflow-export-import", "1.2.0")
            .requirement("mlflow-export-import==1.2.0")
            .requirement("mlflow-skinny[databricks]==3.8.1")
            .requirement("tabulate==0.9.0")
            .constraint("sqlalchemy<2.1")
            .verify("import mlflow, mlflow_export_import.experiment.import_experiment, mlflow_export_import.model.import_model, "
                    + "mlflow_export_import.bulk.export_all\nassert mlflow.__version__ == '3.8.1', mlflow.__version__")
            .build();

    @RegisterExtension
    static MlflowServerExtension devServer = MlflowServerExtension.dedicated("exdev", PythonInteropTest::localArtifacts);
    @RegisterExtension
    static MlflowServerExtension prodServer = MlflowServerExtension.dedicated("exprod", PythonInteropTest::localArtifacts);

    static MlflowClient dev;
    static MlflowClient prod;
    static Seed seed;

    /**
     * A work directory of our own (the testkit keeps a given one), with no "artifacts" in its path (see above),
     * deleted when the JVM exits, after the extension has stopped the server.
     */
    private static void localArtifacts(io.dataops4j.testkit.MlflowServer.Builder b) {
        Path dir = Path.of("target", "mlflow-interop", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        b.workDir(dir).args("--default-artifact-root", dir.resolve("mlruns").toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir.toFile()), "delete " + dir));
    }

    private static void delete(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                delete(c);
            }
        }
        if (!f.delete() && f.exists()) {
            f.deleteOnExit();
        }
    }

    @BeforeAll
    static void seed() {
        EXIM.install();
        dev = MlflowClient.of(devServer.server().trackingUri());
        prod = MlflowClient.of(prodServer.server().trackingUri());
        seed = new Seed(dev, false, 2);   // mlflow-export-import 1.2.0 exports no dataset inputs
    }

    /** Runs a command of the tool against a server; fails with its output when it fails. */
    private static void python(String server, Path log, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(log.getParent().toFile());
        pb.environment().put("MLFLOW_TRACKING_URI", server);
        pb.environment().put("PYTHONUNBUFFERED", "1");
        pb.environment().put("MLFLOW_DISABLE_TELEMETRY", "true");
        pb.environment().put("DO_NOT_TRACK", "true");
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out: " + command);
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + out.substring(Math.max(0, out.length() - 4000)));
    }

    private static List<String> tool(String command, String... args) {
        List<String> l = new ArrayList<>();
        l.add(EXIM.executable(command).toString());
        l.addAll(List.of(args));
        return l;
    }

    /**
     * A tool command run with {@code json.dumps} told to write null for what it cannot serialise: with MLflow 3.8.1,
     * {@code export-model} and {@code export-all} of 1.2.0 fail writing model.json ("Object of type
     * ModelVersionDeploymentJobState is not JSON serializable": {@code dict(version)} now holds that object, null
     * for every OSS version).
     */
    private static List<String> patched(String module, String... args) {
        String code = "import json, sys\n"
                + "_dumps = json.dumps\n"
                + "def dumps(o, **kw):\n"
                + "    kw.setdefault('default', lambda x: None)\n"
                + "    return _dumps(o, **kw)\n"
                + "json.dumps = dumps\n"
                + "from " + module + " import main\n"
                + "sys.argv = ['" + module + "'] + sys.argv[1:]\n"
                + "main()\n";
        List<String> l = new ArrayList<>(List.of(EXIM.python().toString(), "-c", code));
        l.addAll(List.of(args));
        return l;
    }

    private static Map<String, Run> byName(MlflowClient c, String experiment) {
        String id = c.experiments().getByName(experiment).experimentId();
        Map<String, Run> m = new HashMap<>();
        for (Run r : c.runs().search(SearchRuns.inExperiments(id))) {
            m.put(r.info().runName(), r);
        }
        return m;
    }

    @Test
    void importsWhatPythonExports(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("py-experiment");
        python(dev.trackingUri().toString(), tmp.resolve("export.log"),
                tool("export-experiment", "--experiment", seed.experiment, "--output-dir", dir.toString()));
        assertTrue(Files.isRegularFile(dir.resolve("experiment.json")));
        assertTrue(Files.isRegularFile(dir.resolve(seed.parent.id()).resolve("run.json")), "the 1.2.0 layout: <run_id>/run.json");

        String exp = Seed.unique("from-python");
        MlflowTransfer imp = MlflowTransfer.from(dir).to(prod).options(o -> o.targetExperiment(exp));
        Plan plan = imp.plan();
        assertEquals(seed.active.size(), plan.runsToCreate(), plan.render());
        TransferResult r = plan.apply(ProgressListener.NONE);
        assertTrue(r.isComplete(), r.failures().toString());
        for (Run s : seed.active) {
            Checks.assertSameRun(dev, dev.runs().get(s.id()), prod, r.runIds().get(s.id()));
        }
        assertEquals(r.runIds().get(seed.child1.id()),
                prod.runs().get(r.runIds().get(seed.grandchild.id())).data().tag("mlflow.parentRunId"));
        DiffReport fromExport = MlflowDiff.between(dir, prod).artifactContent(true).options(o -> o.targetExperiment(exp)).compare();
        assertTrue(fromExport.isEmpty(), fromExport.render());
        DiffReport fromSource = MlflowDiff.between(dev, prod).experiment(seed.experiment).artifactContent(true)
                .options(o -> o.renameExperiment(seed.experiment, exp)).compare();
        assertTrue(fromSource.isEmpty(), fromSource.render());

        TransferResult again = imp.plan().apply(ProgressListener.NONE);
        assertEquals(seed.active.size(), again.counts().runsSkipped());
        assertEquals(seed.active.size(), Checks.allRuns(prod, prod.experiments().getByName(exp).experimentId()).size());
    }

    @Test
    void singleRunsBothWays(@TempDir Path tmp) throws Exception {
        Path pyRun = tmp.resolve("py-run");
        python(dev.trackingUri().toString(), tmp.resolve("export-run.log"),
                tool("export-run", "--run-id", seed.child1.id(), "--output-dir", pyRun.toString()));
        String exp = Seed.unique("run-from-python");
        TransferResult r = MlflowTransfer.from(pyRun).to(prod).options(o -> o.targetExperiment(exp)).plan().apply(ProgressListener.NONE);
        assertEquals(1, r.counts().runsCreated());
        Checks.assertSameRun(dev, dev.runs().get(seed.child1.id()), prod, r.runIds().get(seed.child1.id()));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains(seed.parent.id())), "its parent is not in the export");

        Path ourRun = tmp.resolve("our-run");
        MlflowTransfer.from(dev).to(ourRun).run(seed.parent.id()).plan().apply(ProgressListener.NONE);
        assertTrue(Files.isRegularFile(ourRun.resolve("run.json")), "the export-run layout");
        String exp2 = Seed.unique("run-into-python");
        python(prod.trackingUri().toString(), tmp.resolve("import-run.log"),
                tool("import-run", "--input-dir", ourRun.toString(), "--experiment-name", exp2));
        Run copy = byName(prod, exp2).get("parent");
        assertNotNull(copy);
        Run src = dev.runs().get(seed.parent.id());
        assertEquals(Checks.params(src), Checks.params(copy));
        for (String key : src.data().metricMap().keySet()) {
            assertEquals(Checks.history(dev, src.id(), key), Checks.history(prod, copy.id(), key), "history of " + key);
        }
        assertEquals(Checks.artifacts(dev, src.id()).keySet(), Checks.artifacts(prod, copy.id()).keySet());
    }

    @Test
    void importsWhatPythonExportsInBulk(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("py-all");
        python(dev.trackingUri().toString(), tmp.resolve("export-all.log"),
                patched("mlflow_export_import.bulk.export_all", "--output-dir", dir.toString()));
        assertTrue(Files.isRegularFile(dir.resolve("manifest.json")));
        assertTrue(Files.isRegularFile(dir.resolve("models").resolve(seed.model).resolve("model.json")));

        String exp = Seed.unique("bulk-from-python");
        String model = Seed.unique("bulk-model-from-python");
        TransferResult r = MlflowTransfer.from(dir).to(prod).experiment(seed.experiment).model(seed.model)
                .options(o -> o.renameExperiment(seed.experiment, exp).renameModel(seed.model, model))
                .plan().apply(ProgressListener.NONE);
        assertTrue(r.isComplete(), r.failures().toString());
        assertEquals(3, r.counts().versionsCreated());
        RegisteredModel m = prod.registeredModels().get(model);
        assertEquals("3", m.aliasVersion("champion"), "1.2.0 exports aliases but does not import them: we do");
        assertEquals(ModelStage.STAGING, prod.modelVersions().get(model, "2").currentStage());
        DiffReport d = MlflowDiff.between(dev, prod).experiment(seed.experiment).model(seed.model).artifactContent(true)
                .options(o -> o.renameExperiment(seed.experiment, exp).renameModel(seed.model, model)).compare();
        assertTrue(d.isEmpty(), d.render());
    }

    @Test
    void pythonImportsWhatWeExport(@TempDir Path tmp) throws Exception {
        // an experiment, imported with import-experiment
        Path expDir = tmp.resolve("our-experiment");
        MlflowTransfer.from(dev).to(expDir).experiment(seed.experiment).plan().apply(ProgressListener.NONE);
        String exp = Seed.unique("python-imported");
        python(prod.trackingUri().toString(), tmp.resolve("import-experiment.log"),
                tool("import-experiment", "--experiment-name", exp, "--input-dir", expDir.toString()));
        Map<String, Run> imported = byName(prod, exp);
        assertEquals(seed.active.size(), imported.size());
        for (Run s : seed.active) {
            Run src = dev.runs().get(s.id());
            Run copy = imported.get(src.info().runName());
            assertNotNull(copy, src.info().runName());
            assertEquals(Checks.params(src), Checks.params(copy));
            for (String key : src.data().metricMap().keySet()) {
                assertEquals(Checks.history(dev, src.id(), key), Checks.history(prod, copy.id(), key), "history of " + key);
            }
            assertEquals("train.py", copy.data().tag("mlflow.source.name"));
            assertEquals(Checks.artifacts(dev, src.id()).keySet(), Checks.artifacts(prod, copy.id()).keySet());
        }
        assertEquals(imported.get("parent").id(), imported.get("child-lr").data().tag("mlflow.parentRunId"),
                "its nested_tags re-links children within an experiment");

        // a model, imported with import-model
        Path modelDir = tmp.resolve("our-model");
        MlflowTransfer.from(dev).to(modelDir).model(seed.model).plan().apply(ProgressListener.NONE);
        assertTrue(Files.isRegularFile(modelDir.resolve("model.json")));
        assertTrue(Files.isRegularFile(modelDir.resolve(seed.child1.id()).resolve("run.json")));
        String model = Seed.unique("python-model");
        String modelExp = Seed.unique("python-model-runs");
        python(prod.trackingUri().toString(), tmp.resolve("import-model.log"),
                tool("import-model", "--model", model, "--experiment-name", modelExp, "--input-dir", modelDir.toString()));
        List<ModelVersion> versions = new ArrayList<>(prod.modelVersions().search(SearchModelVersions.ofModel(model)).toList());
        versions.sort(Comparator.comparingInt(v -> Integer.parseInt(v.version())));
        assertEquals(3, versions.size());
        assertTrue(versions.stream().allMatch(v -> v.status() == ModelVersionStatus.READY));
        assertEquals(List.of(ModelStage.ARCHIVED, ModelStage.STAGING, ModelStage.PRODUCTION),
                versions.stream().map(ModelVersion::currentStage).toList());
        assertEquals("logistic regression", versions.get(1).description());
        assertEquals("Churn classifier", prod.registeredModels().get(model).description());
        String child = prod.runs().get(versions.get(1).runId()).info().runName();
        assertEquals("child-lr", child);

        // everything, imported with import-all
        Path allDir = tmp.resolve("our-all");
        String bulkExp = Seed.unique("python-all");
        String bulkModel = Seed.unique("python-all-model");
        MlflowTransfer.from(dev).to(allDir).experiment(seed.experiment).model(seed.model)
                .options(o -> o.renameExperiment(seed.experiment, bulkExp).renameModel(seed.model, bulkModel))
                .plan().apply(ProgressListener.NONE);
        python(prod.trackingUri().toString(), tmp.resolve("import-all.log"), tool("import-all", "--input-dir", allDir.toString()));
        assertEquals(seed.active.size(), byName(prod, bulkExp).size());
        List<ModelVersion> bulkVersions = prod.modelVersions().search(SearchModelVersions.ofModel(bulkModel)).toList();
        assertEquals(3, bulkVersions.size());
        assertFalse(bulkVersions.stream().anyMatch(v -> v.runId() == null));
        assertTrue(bulkVersions.stream().allMatch(v -> byName(prod, bulkExp).values().stream().anyMatch(x -> x.id().equals(v.runId()))),
                "versions registered from the imported runs");
        assertTrue(new File(prod.runs().get(bulkVersions.get(0).runId()).info().artifactUri().replace("file://", ""), "model/MLmodel")
                .isFile());
    }
}
