package io.dataops4j.bench;

import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.tracking.CreateRun;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.testkit.MlflowServer;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * MLflow, ours against MLflow's own Java client on the same real server (sdk-testkit's {@link MlflowServer}: MLflow
 * 3.8.1, sqlite store, one worker) in the same JVM and run: logging {@code keys x steps} metric points to a run, and
 * reading every run of an experiment of {@code runs} runs, at each page size.
 *
 * <p>Method: the server and both clients start once; the experiment to search is seeded through our client (never
 * measured). Each operation is run {@code warmup} times per stack, then measured in {@code rounds} rounds; a round runs
 * the operation once per stack, the order alternating (ours, peer / peer, ours). Per execution the tool records wall
 * time, the calling thread's CPU time and allocation, the CPU time and allocation of the client's other threads, the
 * server processes' CPU time, and, from the server's access log, the requests answered and the client connections
 * (source ports) they came on. Every execution is checked: each logged run's full metric history is read back, and
 * every search must decode the same runs (a checksum over ids, names, start times, metrics, params and tags).
 */
final class MlflowBenchmark {
    /** How much work and how many rounds. */
    record Settings(int warmup, int rounds, int keys, int steps, int runs, List<Integer> pageSizes) {
        Settings {
            if (warmup < 0 || rounds < 1 || keys < 1 || steps < 1 || runs < 1 || pageSizes.isEmpty()) {
                throw new IllegalArgumentException("warm-up >= 0, rounds, keys, steps, runs >= 1, at least one page size");
            }
            pageSizes = List.copyOf(pageSizes);
        }

        static Settings defaults() {
            return new Settings(3, 10, 4, 2_500, 1_000, List.of(1_000, 100));
        }
    }

    /** One measured execution. */
    record Sample(double wallMs, double callerCpuMs, double callerAllocMb, double helperCpuMs, double helperAllocMb,
                  double serverCpuMs, long requests, int connections) {
        double clientCpuMs() {
            return callerCpuMs + helperCpuMs;
        }
    }

    /** An operation as the benchmark runs it. */
    interface Operation {
        String name();

        /** Unmeasured set-up for one execution (a fresh run to log to); returns what {@link #execute} needs. */
        String prepare(MlflowStack stack, int execution);

        /** The measured part. */
        Object execute(MlflowStack stack, String prepared);

        /** Unmeasured check of the outcome; throws when it is wrong. */
        void check(MlflowStack stack, String prepared, Object outcome);
    }

    private static final String ROW = "%-31s %-5s %-24s %-22s %-24s %-9s %-9s %-9s %-6s %s%n";
    private static volatile Object sink;

    private MlflowBenchmark() {
    }

    static void run(Settings settings, PrintStream out) throws Exception {
        try (MlflowServer server = MlflowServer.builder().name("bench").startupTimeout(Duration.ofMinutes(5)).start()) {
            String uri = server.trackingUri();
            ServerLog log = new ServerLog(server.logFile());
            try (OursMlflowStack ours = new OursMlflowStack(uri); PeerMlflowStack peer = new PeerMlflowStack(uri)) {
                List<MlflowStack> stacks = List.of(ours, peer);
                MlflowClient setup = ours.client();
                out.printf(Locale.ROOT, "MLflow against a local MLflow %s server (sqlite store, 1 worker) at %s; %d warm-up and %d "
                                + "measured executions per operation and stack, the order alternating%n",
                        MlflowServer.PINNED_VERSION, uri, settings.warmup(), settings.rounds());
                for (MlflowStack s : stacks) {
                    out.printf(Locale.ROOT, "  %-5s %s%n", s.name(), s.description());
                }
                long t0 = System.nanoTime();
                String searchExperiment = seed(setup, settings.runs());
                out.printf(Locale.ROOT, "seeded %,d runs (5 params, 5 metrics, 2 tags each) in %.1f s, not measured%n",
                        settings.runs(), (System.nanoTime() - t0) / 1e9);
                MlflowChecksum expected = ours.searchRuns(searchExperiment, 1_000);
                if (expected.runs() != settings.runs()) {
                    throw new IllegalStateException("seeded " + settings.runs() + " runs but found " + expected.runs());
                }
                String logExperiment = setup.experiments().create("bench-log-" + System.currentTimeMillis());

                List<Operation> operations = new ArrayList<>();
                operations.add(logOperation(setup, logExperiment, settings.keys(), settings.steps()));
                for (int pageSize : settings.pageSizes()) {
                    operations.add(searchOperation(searchExperiment, settings.runs(), pageSize, expected));
                }
                Map<String, Map<String, List<Sample>>> results = new LinkedHashMap<>();
                printHeader(out);
                for (Operation op : operations) {
                    Map<String, List<Sample>> samples = measure(op, stacks, settings, log, server);
                    results.put(op.name(), samples);
                    printRows(op.name(), samples, stacks, out);
                }
                printRatios(results, out);
            }
        }
    }

    /** An experiment of {@code runs} runs, each with 5 params, 5 metrics and 2 tags (besides MLflow's own). */
    static String seed(MlflowClient client, int runs) {
        String experiment = client.experiments().create("bench-search-" + System.currentTimeMillis());
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < runs; i++) {
            Run run = client.runs().create(CreateRun.builder(experiment).runName("run-" + i)
                    .startTime(Instant.ofEpochMilli(start + i * 1000L)).tag("team", "forecasting").tag("fold", "f" + (i % 5))
                    .build());
            List<Metric> metrics = new ArrayList<>();
            List<Param> params = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                metrics.add(Metric.of("metric_" + k, MlflowStack.value(k, i), start + i, i));
                params.add(Param.of("param_" + k, "value-" + k + "-" + (i % 17)));
            }
            client.runs().logBatch(run.id(), metrics, params, List.of());
        }
        return experiment;
    }

    static Operation logOperation(MlflowClient setup, String experiment, int keys, int steps) {
        long base = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        return new Operation() {
            @Override
            public String name() {
                return String.format(Locale.ROOT, "log %,d points", keys * steps);
            }

            @Override
            public String prepare(MlflowStack stack, int execution) {
                return setup.runs().create(experiment, stack.name() + "-" + execution).id();
            }

            @Override
            public Object execute(MlflowStack stack, String runId) {
                return stack.logMetrics(runId, keys, steps, base);
            }

            @Override
            public void check(MlflowStack stack, String runId, Object outcome) {
                for (int k = 0; k < keys; k++) {
                    int step = 0;
                    for (Metric m : setup.runs().metricHistory(runId, "m" + k)) {
                        if (m.step() != step || m.value() != MlflowStack.value(k, step) || m.timestamp() != base + step) {
                            throw new IllegalStateException(stack.name() + " logged " + m + " where step " + step + " was expected");
                        }
                        step++;
                    }
                    if (step != steps) {
                        throw new IllegalStateException(stack.name() + " logged " + step + " points of m" + k + ", not " + steps);
                    }
                }
            }
        };
    }

    static Operation searchOperation(String experiment, int runs, int pageSize, MlflowChecksum expected) {
        return new Operation() {
            @Override
            public String name() {
                return String.format(Locale.ROOT, "search %,d runs, %,d/page", runs, pageSize);
            }

            @Override
            public String prepare(MlflowStack stack, int execution) {
                return experiment;
            }

            @Override
            public Object execute(MlflowStack stack, String experimentId) {
                return stack.searchRuns(experimentId, pageSize);
            }

            @Override
            public void check(MlflowStack stack, String experimentId, Object outcome) {
                if (!expected.equals(outcome)) {
                    throw new IllegalStateException(stack.name() + " decoded " + outcome + ", expected " + expected);
                }
            }
        };
    }

    private static Map<String, List<Sample>> measure(Operation op, List<MlflowStack> stacks, Settings settings, ServerLog log,
                                                     MlflowServer server) {
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        stacks.forEach(s -> samples.put(s.name(), new ArrayList<>()));
        int execution = 0;
        for (int r = 0; r < settings.warmup() + settings.rounds(); r++) {
            for (int j = 0; j < stacks.size(); j++) {
                MlflowStack stack = stacks.get((r + j) % stacks.size());
                Sample s = once(op, stack, execution++, log, server);
                if (r >= settings.warmup()) {
                    samples.get(stack.name()).add(s);
                }
            }
        }
        return samples;
    }

    static Sample once(Operation op, MlflowStack stack, int execution, ServerLog log, MlflowServer server) {
        String prepared = op.prepare(stack, execution);
        long logFrom = log.mark();
        long serverBefore = serverCpuNanos(server);
        OtherThreads othersBefore = OtherThreads.now();
        ThreadCost before = ThreadCost.now();
        Object outcome = op.execute(stack, prepared);
        ThreadCost spent = ThreadCost.now().since(before);
        OtherThreads.Spent others = OtherThreads.now().since(othersBefore, new TreeMap<>());
        long serverCpu = serverCpuNanos(server) - serverBefore;
        ServerLog.Requests requests = log.between(logFrom, log.mark());
        sink = outcome;
        op.check(stack, prepared, outcome);
        return new Sample(spent.wallNanos / 1e6, spent.cpuNanos / 1e6, spent.allocatedBytes / 1e6,
                others.helperCpuNanos() / 1e6, others.helperAllocatedBytes() / 1e6, serverCpu / 1e6, requests.count(),
                requests.connections());
    }

    /** CPU time of the server process and its children (the uvicorn worker), as the OS counts it. */
    static long serverCpuNanos(MlflowServer server) {
        Optional<ProcessHandle> root = ProcessHandle.of(server.pid());
        if (root.isEmpty()) {
            return 0;
        }
        long total = cpu(root.get());
        for (ProcessHandle child : (Iterable<ProcessHandle>) root.get().descendants()::iterator) {
            total += cpu(child);
        }
        return total;
    }

    private static long cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    static void printHeader(PrintStream out) {
        out.println();
        out.println("per operation, median [min .. max] of the measured executions; client CPU = calling thread + the client's "
                + "other threads; MB = 10^6 bytes");
        out.printf(Locale.ROOT, ROW, "operation", "stack", "wall ms", "caller CPU ms", "caller alloc MB", "helper ms",
                "client ms", "requests", "conns", "server CPU ms");
    }

    static void printRows(String operation, Map<String, List<Sample>> results, List<MlflowStack> stacks, PrintStream out) {
        for (MlflowStack s : stacks) {
            List<Sample> samples = results.get(s.name());
            out.printf(Locale.ROOT, ROW, operation, s.name(),
                    stats(samples, Sample::wallMs).format("%.0f"),
                    stats(samples, Sample::callerCpuMs).format("%.1f"),
                    stats(samples, Sample::callerAllocMb).format("%.2f"),
                    fmt("%.1f", stats(samples, Sample::helperCpuMs).median()),
                    fmt("%.1f", stats(samples, Sample::clientCpuMs).median()),
                    fmt("%.0f", stats(samples, x -> x.requests()).median()),
                    fmt("%.0f", stats(samples, x -> x.connections()).median()),
                    fmt("%.0f", stats(samples, Sample::serverCpuMs).median()));
        }
        out.flush();
    }

    static void printRatios(Map<String, Map<String, List<Sample>>> results, PrintStream out) {
        out.println();
        out.println("ours/peer: ratios of medians; CPU also as the median [min .. max] of per-round ratios (the two executions of a");
        out.println("round run back to back, so that drift cancels)");
        String ratioRow = "%-31s %-12s %-30s %-30s %-14s %s%n";
        out.printf(Locale.ROOT, ratioRow, "operation", "wall", "caller CPU (per round)", "client CPU (per round)",
                "caller alloc", "requests");
        for (Map.Entry<String, Map<String, List<Sample>>> op : results.entrySet()) {
            List<Sample> a = op.getValue().get("ours");
            List<Sample> b = op.getValue().get("peer");
            out.printf(Locale.ROOT, ratioRow, op.getKey(),
                    fmt("%.2f", ratio(a, b, Sample::wallMs)),
                    fmt("%.2f", ratio(a, b, Sample::callerCpuMs)) + " " + paired(a, b, Sample::callerCpuMs).format("%.2f"),
                    fmt("%.2f", ratio(a, b, Sample::clientCpuMs)) + " " + paired(a, b, Sample::clientCpuMs).format("%.2f"),
                    fmt("%.2f", ratio(a, b, Sample::callerAllocMb)),
                    fmt("%.0f", stats(a, x -> x.requests()).median()) + " / " + fmt("%.0f", stats(b, x -> x.requests()).median()));
        }
    }

    private interface Figure {
        double of(Sample s);
    }

    private static Stats stats(List<Sample> samples, Figure f) {
        return Stats.of(samples.stream().mapToDouble(f::of).toArray());
    }

    private static double ratio(List<Sample> a, List<Sample> b, Figure f) {
        return stats(a, f).median() / stats(b, f).median();
    }

    private static Stats paired(List<Sample> a, List<Sample> b, Figure f) {
        double[] r = new double[Math.min(a.size(), b.size())];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.of(a.get(i)) / f.of(b.get(i));
        }
        return Stats.of(r);
    }

    private static String fmt(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
