package io.dataops4j.bench;

import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.progress.ProgressListener;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.registry.CreateModelVersion;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.tracking.CreateRun;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunStatus;
import io.dataops4j.mlflow.tracking.RunUpdate;
import io.dataops4j.mlflow.transfer.DiffReport;
import io.dataops4j.mlflow.transfer.Difference;
import io.dataops4j.mlflow.transfer.MlflowDiff;
import io.dataops4j.mlflow.transfer.MlflowTransfer;
import io.dataops4j.mlflow.transfer.Plan;
import io.dataops4j.mlflow.transfer.TransferResult;
import io.dataops4j.testkit.MlflowServer;
import io.dataops4j.testkit.PythonTool;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * MLflow copy between two servers: ours ({@link MlflowTransfer}, server to server, streaming) next to
 * mlflow-export-import 1.2.0's {@code export-experiment} + {@code export-model} to a directory and
 * {@code import-experiment} + {@code import-model} from it, on the same seeded data in the same run.
 *
 * <p>Three local servers (sdk-testkit's {@link MlflowServer}, MLflow 3.8.1, sqlite, one worker): DEV, seeded with one
 * experiment ({@code runs} runs, each with 20 params, 30 metrics x 100 steps and 3 artifacts) and one registered
 * model with 3 versions (stages Archived, Staging, Production and an alias); PROD-A, which ours copies into; PROD-B,
 * which the Python tool imports into. All keep artifacts in local directories ({@code --default-artifact-root}): the
 * Python tool cannot register versions from {@code mlflow-artifacts:} sources (see sdk-mlflow's PythonInteropTest),
 * so both tools copy artifact files through the file system, and the HTTP counts are tracking and registry calls.
 * The Python imports run with {@code --import-source-tags true}, which tags each imported run with its source run's id
 * ({@code mlflow_exim.run_info.run_id}, as ours does), so that {@link MlflowDiff} pairs its copies with their sources
 * and reports field by field what they lost.
 *
 * <p>Figures: wall time of each (ours: plan + apply; Python: the four commands, each its own process), the
 * requests both servers answered (from their access logs) per run, our JVM's peak heap during the copy (the sum of
 * the heap pools' peaks, reset after a GC just before), and {@link MlflowDiff} of DEV against each copy.
 *
 * <pre>{@code
 * bench/run.sh mlflow-copy                       # 200 runs
 * bench/run.sh --no-build mlflow-copy --copy-runs 20 --copy-parallelism 8
 * }</pre>
 */
public final class MlflowCopyBench {
    static final PythonTool EXIM = PythonTool.builder("mlflow-export-import", "1.2.0")
            .requirement("mlflow-export-import==1.2.0")
            .requirement("mlflow-skinny[databricks]==3.8.1")
            .requirement("tabulate==0.9.0")
            .constraint("sqlalchemy<2.1")
            .verify("import mlflow, mlflow_export_import.experiment.import_experiment, mlflow_export_import.model.import_model\n"
                    + "assert mlflow.__version__ == '3.8.1', mlflow.__version__")
            .build();

    private static final int PARAMS = 20;
    private static final int METRICS = 30;
    private static final int STEPS = 100;

    private MlflowCopyBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 200;
        int parallelism = 4;   // the default; the servers' sqlite pools (5 + 10) refuse requests at 8
        // worker processes per server: 1 (the testkit's) is where the Python tool is at its best; `mlflow server`'s own
        // default, 4, adds about 40 ms to every request of a one-at-a-time client (measured: 48 vs 7 ms a GET)
        int workers = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--copy-runs" -> runs = Integer.parseInt(args[++i]);
                case "--copy-parallelism" -> parallelism = Integer.parseInt(args[++i]);
                case "--copy-workers" -> workers = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--copy-runs N, --copy-parallelism N, --copy-workers N)");
            }
        }
        Path work = Files.createTempDirectory("mlflow-copy-bench");
        try {
            run(work, runs, parallelism, workers);
        } finally {
            delete(work.toFile());
        }
    }

    private static MlflowServer server(Path work, String name, int workers) {
        Path dir = work.resolve(name);   // no "artifacts" in the path: the Python tool cuts sources at that word
        return MlflowServer.builder().name(name).workDir(dir).startupTimeout(Duration.ofMinutes(5))
                .args("--default-artifact-root", dir.resolve("mlruns").toString(), "--workers", Integer.toString(workers)).start();
    }

    private static void run(Path work, int runs, int parallelism, int workers) throws Exception {
        long t = System.nanoTime();
        Path python = EXIM.install();
        System.out.printf(Locale.ROOT, "== mlflow-export-import 1.2.0 at %s (%.1f s)%n", python, secs(System.nanoTime() - t));
        try (MlflowServer devServer = server(work, "dev", workers); MlflowServer prodAServer = server(work, "proda", workers);
             MlflowServer prodBServer = server(work, "prodb", workers)) {
            MlflowClient dev = MlflowClient.of(devServer.trackingUri());
            MlflowClient prodA = MlflowClient.of(prodAServer.trackingUri());
            MlflowClient prodB = MlflowClient.of(prodBServer.trackingUri());
            ServerLog devLog = new ServerLog(devServer.logFile());
            ServerLog prodALog = new ServerLog(prodAServer.logFile());
            ServerLog prodBLog = new ServerLog(prodBServer.logFile());
            System.out.printf(Locale.ROOT, "== MLflow %s, %d worker process(es) each: dev %s, prod-a %s (ours), prod-b %s "
                            + "(mlflow-export-import); %d cores, load %s%n",
                    MlflowServer.PINNED_VERSION, workers, devServer.trackingUri(), prodAServer.trackingUri(), prodBServer.trackingUri(),
                    Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());

            t = System.nanoTime();
            String experiment = "churn-bench";
            String model = "churn-bench-model";
            seed(dev, experiment, model, runs, 8);
            System.out.printf(Locale.ROOT, "== seeded DEV: %d runs x (%d params, %d metrics x %d steps = %,d points, 3 artifacts), "
                            + "model with 3 versions, in %.1f s%n", runs, PARAMS, METRICS, STEPS, runs * METRICS * STEPS,
                    secs(System.nanoTime() - t));

            // (a) ours: straight from server to server
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long baseHeap = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            long devFrom = devLog.mark();
            long prodAFrom = prodALog.mark();
            final int par = parallelism;
            t = System.nanoTime();
            Plan plan = MlflowTransfer.from(dev).to(prodA).experiment(experiment).model(model)
                    .options(o -> o.parallelism(par)).plan();
            TransferResult result = plan.apply(ProgressListener.NONE);
            long oursNanos = System.nanoTime() - t;
            int attempts = 1;
            while (!result.isComplete() && attempts < 3) {   // resume what the server refused; timed too
                System.out.printf(Locale.ROOT, "== ours: attempt %d left %d failures (%s); re-running%n", attempts,
                        result.failures().size(), result.failures().get(0));
                long again = System.nanoTime();
                result = MlflowTransfer.from(dev).to(prodA).experiment(experiment).model(model)
                        .options(o -> o.parallelism(par)).plan().apply(ProgressListener.NONE);
                oursNanos += System.nanoTime() - again;
                attempts++;
            }
            long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            ServerLog.Requests oursDev = devLog.between(devFrom, devLog.mark());
            ServerLog.Requests oursProd = prodALog.between(prodAFrom, prodALog.mark());
            if (!result.isComplete()) {
                throw new IllegalStateException("our copy is incomplete: " + result.failures());
            }
            System.out.printf(Locale.ROOT, "== ours (MlflowTransfer dev -> prod-a, parallelism %d): %.2f s in %d attempt(s); %s%n",
                    parallelism, secs(oursNanos), attempts, result.counts());

            // (b) mlflow-export-import: export to a directory, import from it
            Path exportDir = work.resolve("exim");
            devFrom = devLog.mark();
            long prodBFrom = prodBLog.mark();
            Map<String, Double> steps = new TreeMap<>();
            t = System.nanoTime();
            steps.put("1 export-experiment", python(devServer.trackingUri(), work, "export-experiment",
                    tool("export-experiment", "--experiment", experiment, "--output-dir", exportDir.resolve("experiment").toString())));
            steps.put("2 export-model", python(devServer.trackingUri(), work, "export-model",
                    patched("mlflow_export_import.model.export_model", "--model", model,
                            "--output-dir", exportDir.resolve("model").toString())));
            steps.put("3 import-experiment", python(prodBServer.trackingUri(), work, "import-experiment",
                    tool("import-experiment", "--experiment-name", experiment, "--import-source-tags", "true", "--input-dir", exportDir.resolve("experiment").toString())));
            steps.put("4 import-model", python(prodBServer.trackingUri(), work, "import-model",
                    tool("import-model", "--model", model, "--experiment-name", experiment + "-model-runs", "--import-source-tags", "true",
                            "--input-dir", exportDir.resolve("model").toString())));
            long pyNanos = System.nanoTime() - t;
            ServerLog.Requests pyDev = devLog.between(devFrom, devLog.mark());
            ServerLog.Requests pyProd = prodBLog.between(prodBFrom, prodBLog.mark());
            System.out.printf(Locale.ROOT, "== mlflow-export-import (export-experiment + export-model, import-experiment + import-model): "
                    + "%.2f s %s%n", secs(pyNanos), format(steps));

            // the floor: the same writes into PROD-A, with nothing to read (what any copy has to make the target do)
            t = System.nanoTime();
            writeOnly(prodA, experiment + "-floor", runs, parallelism);
            long floorNanos = System.nanoTime() - t;

            // fidelity
            t = System.nanoTime();
            DiffReport oursDiff = MlflowDiff.between(dev, prodA).experiment(experiment).model(model).compare();
            DiffReport pyDiff = MlflowDiff.between(dev, prodB).experiment(experiment).model(model).compare();
            long diffNanos = System.nanoTime() - t;

            System.out.println();
            System.out.printf(Locale.ROOT, "MLflow copy: %d runs, %,d metric points, %d artifacts, 1 model x 3 versions; "
                    + "servers with %d worker process(es); our parallelism %d%n", runs, (long) runs * METRICS * STEPS, runs * 3,
                    workers, parallelism);
            System.out.printf(Locale.ROOT, "  %-26s %12s %14s %14s %16s%n", "", "wall", "requests", "per run", "diff vs DEV");
            System.out.printf(Locale.ROOT, "  %-26s %10.2f s %14d %14.1f %16d%n", "ours (server to server)", secs(oursNanos),
                    oursDev.count() + oursProd.count(), (oursDev.count() + oursProd.count()) / (double) runs,
                    oursDiff.totalDifferences());
            System.out.printf(Locale.ROOT, "  %-26s %10.2f s %14d %14.1f %16d%n", "mlflow-export-import", secs(pyNanos),
                    pyDev.count() + pyProd.count(), (pyDev.count() + pyProd.count()) / (double) runs, pyDiff.totalDifferences());
            System.out.printf(Locale.ROOT, "  wall time ratio (python / ours): %.1fx (goal: at least 5x)%n", pyNanos / (double) oursNanos);
            System.out.printf(Locale.ROOT, "  the target's floor: the same runs written straight into PROD-A (create, log-batch, "
                            + "3 uploads, update; nothing read), parallelism %d: %.2f s; ours / floor %.2f, python / floor %.1fx "
                            + "(the most any copy into this server could gain)%n", parallelism, secs(floorNanos),
                    oursNanos / (double) floorNanos, pyNanos / (double) floorNanos);
            System.out.printf(Locale.ROOT, "  our peak heap during the copy: %.1f MB (heap pools' peaks summed; %.1f MB in use before; "
                            + "max heap %.0f MB)%n", peakHeap / 1e6, baseHeap / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
            System.out.printf(Locale.ROOT, "  both diffs took %.1f s%n", secs(diffNanos));
            System.out.println();
            System.out.println("requests answered, ours:   DEV " + oursDev);
            System.out.println("                           PROD-A " + oursProd);
            System.out.println("requests answered, python: DEV " + pyDev);
            System.out.println("                           PROD-B " + pyProd);
            System.out.println();
            System.out.println("diff DEV vs PROD-A (ours): " + oursDiff.totalDifferences() + " differences"
                    + (oursDiff.isEmpty() ? "" : "\n" + oursDiff.render()));
            System.out.println("diff DEV vs PROD-B (mlflow-export-import): " + pyDiff.totalDifferences() + " differences; by field:");
            Map<String, Long> byField = new TreeMap<>();
            for (Difference d : pyDiff.differences()) {
                byField.merge(d.kind() + " " + (d.field() == null ? "(whole object)" : d.field().replaceAll("\\.[^.]*$", ".*")), 1L, Long::sum);
            }
            byField.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %6d  %s%n", v, k));
            pyDiff.differences().stream().limit(12).forEach(d -> System.out.println("  e.g. " + d));
            if (pyDiff.differences().size() < pyDiff.totalDifferences()) {
                System.out.println("  (" + pyDiff.differences().size() + " of " + pyDiff.totalDifferences() + " listed)");
            }
        }
    }

    /** DEV: one experiment of {@code runs} runs and a model with 3 versions of the first 3, seeded in parallel. */
    private static void seed(MlflowClient c, String experiment, String model, int runs, int parallelism) throws Exception {
        String experimentId = c.experiments().create(experiment,
                List.of(Tag.of("team", "retention"), Tag.of("mlflow.note.content", "Benchmark experiment")));
        Instant t0 = Instant.parse("2024-05-01T08:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        List<Future<Run>> futures = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            final int n = i;
            futures.add(pool.submit(() -> seedRun(c, experimentId, n, t0.plusSeconds(600L * n))));
        }
        List<Run> seeded = new ArrayList<>();
        for (Future<Run> f : futures) {
            seeded.add(f.get());
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("seeding did not stop");
        }
        c.registeredModels().create(model, "Churn classifier", List.of(Tag.of("owner", "ana")));
        for (int v = 0; v < 3; v++) {
            Run r = seeded.get(Math.min(v, seeded.size() - 1));
            c.modelVersions().createAndWait(CreateModelVersion.builder(model, r.info().artifactUri() + "/model").runId(r.id())
                    .description("version from " + r.info().runName()).tag("quality", "q" + v).build(), Duration.ofMinutes(1));
        }
        c.modelVersions().transitionStage(model, "1", ModelStage.ARCHIVED, false);
        c.modelVersions().transitionStage(model, "2", ModelStage.STAGING, false);
        c.modelVersions().transitionStage(model, "3", ModelStage.PRODUCTION, false);
        c.registeredModels().setAlias(model, "champion", "3");
    }

    /** The writes of {@link #seed}'s runs alone, {@code parallelism} at a time, into a new experiment. */
    private static void writeOnly(MlflowClient c, String experiment, int runs, int parallelism) throws Exception {
        String experimentId = c.experiments().create(experiment);
        Instant t0 = Instant.parse("2024-05-01T08:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        List<Future<Run>> futures = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            final int n = i;
            futures.add(pool.submit(() -> seedRun(c, experimentId, n, t0.plusSeconds(600L * n))));
        }
        for (Future<Run> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private static Run seedRun(MlflowClient c, String experimentId, int n, Instant start) {
        String name = "trial-" + n;
        Run r = c.runs().create(CreateRun.builder(experimentId).runName(name).startTime(start).userId("ana")
                .tag("mlflow.user", "ana").tag("mlflow.source.name", "train.py").tag("mlflow.source.type", "LOCAL").build());
        List<Metric> metrics = new ArrayList<>(METRICS * STEPS);
        Random rnd = new Random(n);
        for (int s = 0; s < STEPS; s++) {   // training order: each step, every key
            for (int k = 0; k < METRICS; k++) {
                metrics.add(Metric.of("metric_" + k, Math.exp(-s / 20.0) + rnd.nextDouble() / 100, start.toEpochMilli() + s * 1000L + k, s));
            }
        }
        List<Param> params = new ArrayList<>(PARAMS);
        for (int p = 0; p < PARAMS; p++) {
            params.add(Param.of("param_" + p, "value " + p + " of " + name));
        }
        c.runs().logBatch(r.id(), metrics, params, List.of(Tag.of("seed", Integer.toString(n))));
        String mlmodel = "artifact_path: model\nflavors:\n  python_function:\n    loader_module: mlflow.sklearn\nrun_id: " + r.id() + "\n";
        c.artifacts().upload(r.id(), "model/MLmodel", ApiBody.bytes(mlmodel.getBytes(StandardCharsets.UTF_8), "text/plain"));
        byte[] pkl = new byte[20_000];
        rnd.nextBytes(pkl);
        c.artifacts().upload(r.id(), "model/model.pkl", ApiBody.bytes(pkl, "application/octet-stream"));
        c.artifacts().upload(r.id(), "reports/summary.txt", ApiBody.bytes(("summary of " + name).getBytes(StandardCharsets.UTF_8),
                "text/plain"));
        c.runs().update(r.id(), RunUpdate.builder().status(RunStatus.FINISHED).endTime(start.plusSeconds(STEPS)).build());
        return c.runs().get(r.id());
    }

    /** Runs one command of the tool against a server; returns its wall time in seconds. */
    private static double python(String trackingUri, Path work, String label, List<String> command) throws IOException, InterruptedException {
        Path log = work.resolve(label + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).directory(work.toFile());
        pb.environment().put("MLFLOW_TRACKING_URI", trackingUri);
        pb.environment().put("PYTHONUNBUFFERED", "1");
        pb.environment().put("MLFLOW_DISABLE_TELEMETRY", "true");
        pb.environment().put("DO_NOT_TRACK", "true");
        long t = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        long nanos = System.nanoTime() - t;
        if (p.exitValue() != 0) {
            String out = Files.readString(log, StandardCharsets.UTF_8);
            throw new IllegalStateException(label + " failed:\n" + out.substring(Math.max(0, out.length() - 4000)));
        }
        return secs(nanos);
    }

    private static List<String> tool(String command, String... args) {
        List<String> l = new ArrayList<>();
        l.add(EXIM.executable(command).toString());
        l.addAll(List.of(args));
        return l;
    }

    /**
     * A module of the tool run with {@code json.dumps} told to write null for what it cannot serialise: with MLflow
     * 3.8.1, {@code export-model} of 1.2.0 fails writing model.json ("Object of type ModelVersionDeploymentJobState is
     * not JSON serializable"; null for every OSS version). The same shim as sdk-mlflow's PythonInteropTest.
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

    private static String format(Map<String, Double> steps) {
        StringBuilder sb = new StringBuilder("(");
        steps.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k.substring(2)).append(' ')
                .append(String.format(Locale.ROOT, "%.1f s", v)));
        return sb.append(')').toString();
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
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
}
