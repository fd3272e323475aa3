package io.dataops4j.cli.demo;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.transfer.DiffReport;
import io.dataops4j.mlflow.transfer.Difference;
import io.dataops4j.mlflow.transfer.MlflowDiff;
import io.dataops4j.mlflow.transfer.Plan;
import io.dataops4j.mlflow.transfer.MlflowTransfer;
import io.dataops4j.mlflow.transfer.TransferCounts;
import io.dataops4j.mlflow.transfer.TransferResult;
import io.dataops4j.testkit.MlflowServer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dataops4j demo}: the DEV -> PROD scenario end to end on this machine. Starts two local MLflow servers (DEV
 * and PROD, through the testkit), seeds DEV with a realistic experiment and registered model, copies both to PROD,
 * compares the two servers with a diff (which must find nothing), prints a short report, and stops the servers
 * (or keeps them running with {@code --keep} until Ctrl-C).
 *
 * <pre>{@code
 * $ dataops4j demo
 * $ dataops4j demo --keep          # then open the PROD URL in a browser
 * $ dataops4j --json demo
 * }</pre>
 */
@Command(name = "demo", description = {"The main job: copy a seeded experiment and model from a local DEV MLflow to a local PROD one.",
        "Starts two local MLflow servers (DEV and PROD), seeds DEV with an experiment and a registered model,",
        "copies them to PROD, checks the copy with a diff, and prints a report.",
        "Needs Python 3.10+ once, to install the pinned MLflow into ~/.cache/dataops4j."},
        footer = {"", "Exit codes: 0 the copy is exact, 1 the copy failed or the diff found differences."})
public final class DemoCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--keep", description = "Keep both servers running after the report, until Ctrl-C.")
    boolean keep;

    DemoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        long t0 = System.nanoTime();
        status("starting two local MLflow " + MlflowServer.PINNED_VERSION + " servers (DEV and PROD)...");
        CompletableFuture<MlflowServer> devStart = CompletableFuture.supplyAsync(() -> MlflowServer.builder().name("dev").start());
        CompletableFuture<MlflowServer> prodStart = CompletableFuture.supplyAsync(() -> MlflowServer.builder().name("prod").start());
        MlflowServer dev = null;
        MlflowServer prod = null;
        try {
            dev = join(devStart);
            prod = join(prodStart);
            long started = System.nanoTime();
            Map<String, Object> report;
            int code;
            try (MlflowClient devClient = MlflowClient.of(dev.trackingUri());
                 MlflowClient prodClient = MlflowClient.of(prod.trackingUri())) {
                status("DEV  " + dev.trackingUri() + "\nPROD " + prod.trackingUri() + "\nseeding DEV...");
                DemoSeed seed = new DemoSeed(devClient);
                long seeded = System.nanoTime();

                Plan plan = MlflowTransfer.from(devClient).to(prodClient)
                        .experiment(DemoSeed.EXPERIMENT).model(DemoSeed.MODEL).plan();
                status("copying DEV -> PROD: " + plan.summary());
                TransferResult result;
                try (Progress progress = Progress.forContext(ctx)) {
                    result = plan.apply(progress::progress);
                }
                long copied = System.nanoTime();

                status("comparing DEV and PROD...");
                DiffReport diff = MlflowDiff.between(devClient, prodClient)
                        .experiment(DemoSeed.EXPERIMENT).model(DemoSeed.MODEL).compare();
                long compared = System.nanoTime();

                report = report(dev, prod, seed, result, diff, new long[] {t0, started, seeded, copied, compared});
                code = result.isComplete() && diff.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
                if (ctx.json()) {
                    ctx.printJson(report);
                } else {
                    print(ctx.out(), dev, prod, result, diff, report);
                }
            }
            if (keep) {
                keep(dev, prod);
            }
            return code;
        } finally {
            stop(dev, devStart);
            stop(prod, prodStart);
        }
    }

    private static MlflowServer join(CompletableFuture<MlflowServer> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Stops a server, or the one still starting when the other failed to start. */
    private static void stop(MlflowServer server, CompletableFuture<MlflowServer> start) {
        if (server != null) {
            server.close();
            return;
        }
        start.thenAccept(MlflowServer::close);
    }

    private void keep(MlflowServer dev, MlflowServer prod) throws InterruptedException {
        status("\nDEV  " + dev.trackingUri() + "\nPROD " + prod.trackingUri() + "\nservers running; press Ctrl-C to stop them."
                + "\ntry: dataops4j mlflow diff --from " + dev.trackingUri() + " --to " + prod.trackingUri());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dev.close();
            prod.close();
            stopped.countDown();
        }, "dataops4j-demo-stop"));
        stopped.await();
    }

    /** A progress line on standard error (nothing with --json: stdout has the report, stderr the progress events). */
    private void status(String line) {
        if (!ctx.json()) {
            ctx.err().println(line);
            ctx.err().flush();
        }
    }

    private static Map<String, Object> report(MlflowServer dev, MlflowServer prod, DemoSeed seed, TransferResult result,
                                              DiffReport diff, long[] t) {
        TransferCounts c = result.counts();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dev_url", dev.trackingUri());
        m.put("prod_url", prod.trackingUri());
        m.put("experiment", DemoSeed.EXPERIMENT);
        m.put("model", DemoSeed.MODEL);
        m.put("seeded_runs", seed.runs.size());
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("complete", result.isComplete());
        copy.put("experiments_created", c.experimentsCreated());
        copy.put("runs_created", c.runsCreated());
        copy.put("runs_failed", c.runsFailed());
        copy.put("models_created", c.modelsCreated());
        copy.put("versions_created", c.versionsCreated());
        copy.put("versions_failed", c.versionsFailed());
        copy.put("metric_points", c.metricPoints());
        copy.put("artifact_files", c.artifactFiles());
        copy.put("artifact_bytes", c.artifactBytes());
        copy.put("run_ids", new java.util.TreeMap<>(result.runIds()));
        Map<String, Object> versions = new java.util.TreeMap<>();
        result.modelVersions().forEach((k, v) -> versions.put(k, new java.util.TreeMap<>(v)));
        copy.put("model_versions", versions);
        copy.put("failures", result.failures().stream().map(Object::toString).toList());
        m.put("copy", copy);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("differences", diff.totalDifferences());
        d.put("experiments_compared", diff.experimentsCompared());
        d.put("runs_compared", diff.runsCompared());
        d.put("models_compared", diff.modelsCompared());
        d.put("versions_compared", diff.versionsCompared());
        List<String> listed = new ArrayList<>();
        for (Difference x : diff.differences()) {
            listed.add(x.toString());
        }
        d.put("listed", listed);
        m.put("diff", d);
        Map<String, Object> seconds = new LinkedHashMap<>();
        seconds.put("start_servers", secs(t[1] - t[0]));
        seconds.put("seed", secs(t[2] - t[1]));
        seconds.put("copy", secs(t[3] - t[2]));
        seconds.put("diff", secs(t[4] - t[3]));
        seconds.put("total", secs(t[4] - t[0]));
        m.put("seconds", seconds);
        return m;
    }

    private static double secs(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter out, MlflowServer dev, MlflowServer prod, TransferResult result, DiffReport diff,
                              Map<String, Object> report) {
        TransferCounts c = result.counts();
        Map<String, Object> s = (Map<String, Object>) report.get("seconds");
        out.println();
        out.println("dataops4j demo: DEV -> PROD");
        out.println("  DEV   " + dev.trackingUri());
        out.println("  PROD  " + prod.trackingUri());
        out.printf(Locale.ROOT, "  copied experiment \"%s\": %d runs (nested), %d metric points, %d artifact files (%d bytes)%n",
                DemoSeed.EXPERIMENT, c.runsCreated(), c.metricPoints(), c.artifactFiles(), c.artifactBytes());
        out.printf(Locale.ROOT, "  copied model \"%s\": %d versions (Archived, Staging, Production, one from an MLflow 3 logged model), "
                + "aliases champion, challenger%n",
                DemoSeed.MODEL, c.versionsCreated());
        if (!result.isComplete()) {
            result.failures().forEach(f -> out.println("  failed: " + f));
        }
        out.printf(Locale.ROOT, "  diff: %d experiments, %d runs, %d models, %d versions compared: %s%n", diff.experimentsCompared(),
                diff.runsCompared(), diff.modelsCompared(), diff.versionsCompared(),
                diff.isEmpty() ? "no differences" : diff.totalDifferences() + " differences");
        diff.differences().forEach(x -> out.println("    " + x));
        out.printf(Locale.ROOT, "  time: servers %.1f s, seed %.1f s, copy %.1f s, diff %.1f s, total %.1f s%n", s.get("start_servers"),
                s.get("seed"), s.get("copy"), s.get("diff"), s.get("total"));
        out.flush();
    }
}
