package io.dataops4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first figure: client-side CPU time and bytes allocated per {@code jobs/runs/get} call, decoded into a
 * record, against a loopback server, for ours, the peer and the floor in the same JVM and the same run.
 *
 * <p>Method: every stack is warmed up first (its calls interleaved with the others', in chunks), then measured
 * in rounds; each round runs every stack once for {@code callsPerRound} calls, in a rotating order
 * (A,B,C / B,C,A / C,A,B ...) so that drift (JIT, heap growth, noisy neighbours) spreads over all three. The
 * figures of one round are the calling thread's CPU time and allocated bytes divided by the calls; the table
 * shows the median round and the extremes.
 */
final class RunsGetBenchmark {
    /** How many calls and rounds. */
    record Settings(int warmupCalls, int rounds, int callsPerRound) {
        Settings {
            if (warmupCalls < 0 || rounds < 1 || callsPerRound < 1) {
                throw new IllegalArgumentException("warm-up >= 0, rounds >= 1 and calls per round >= 1");
            }
        }
    }

    /**
     * The measured figures of one stack, per call. "Caller" is the calling thread; "helpers" are the client's
     * other threads (everything but the server's); "client" is the two added up, round by round.
     */
    record Result(String name, String description, long calls, Stats callerCpuMicros, Stats callerAllocKb,
                  Stats helperCpuMicros, Stats helperAllocKb, Stats clientCpuMicros, Stats wallMicros,
                  Stats serverCpuMicros, Map<String, Long> helperCpuNanosByThread, double[] callerCpuByRound,
                  double[] clientCpuByRound) {
    }

    static final String TOKEN = "dapi-bench-0123456789abcdef0123456789abcdef";
    private static volatile long sink;

    private RunsGetBenchmark() {
    }

    static List<Result> run(Settings settings, PrintStream out) throws Exception {
        byte[] body = Bodies.runsGet();
        try (LoopbackServer server = LoopbackServer.start(body, Bodies.RUN_ID, TOKEN)) {
            List<Stack> stacks = List.of(
                    new OursStack(server.baseUrl(), TOKEN, Bodies.RUN_ID),
                    new PeerStack(server.baseUrl(), TOKEN, Bodies.RUN_ID),
                    new FloorStack(server.baseUrl(), TOKEN, Bodies.RUN_ID));
            try {
                out.printf(Locale.ROOT, "jobs/runs/get against %s: %,d-byte body; %,d warm-up calls per stack, then %d rounds"
                                + " x %,d calls per stack, interleaved%n", server.baseUrl(), body.length,
                        settings.warmupCalls(), settings.rounds(), settings.callsPerRound());
                verifySameAnswer(stacks);
                long refusedBefore = server.refused().values().stream().mapToLong(Long::longValue).sum();
                warmUp(stacks, settings.warmupCalls());
                List<Result> results = measure(stacks, settings);
                print(results, out);
                long refused = server.refused().values().stream().mapToLong(Long::longValue).sum() - refusedBefore;
                out.printf(Locale.ROOT, "server: %,d answers served; %d connections opened in all (keep-alive); "
                        + "refused %s%n", server.served(), server.connections(), server.refused());
                if (refused != 0) {
                    throw new IllegalStateException(refused + " benchmark requests were refused by the server");
                }
                return results;
            } finally {
                stacks.forEach(Stack::close);
            }
        }
    }

    /** Every stack must decode the same run, or the comparison means nothing. */
    static void verifySameAnswer(List<Stack> stacks) {
        long expected = stacks.get(0).call();
        for (Stack s : stacks) {
            long got = s.call();
            if (got != expected) {
                throw new IllegalStateException(s.name() + " decoded a different run (checksum " + got + ", expected "
                        + expected + ")");
            }
        }
    }

    private static void warmUp(List<Stack> stacks, int calls) {
        int chunk = 1_000;
        for (int done = 0; done < calls; done += chunk) {
            int n = Math.min(chunk, calls - done);
            for (Stack s : stacks) {
                long acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += s.call();
                }
                sink = acc;
            }
        }
    }

    private static List<Result> measure(List<Stack> stacks, Settings settings) {
        int k = stacks.size();
        int rounds = settings.rounds();
        int calls = settings.callsPerRound();
        double[][][] fig = new double[k][7][rounds];
        List<Map<String, Long>> helperByName = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            helperByName.add(new TreeMap<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < k; j++) {
                int i = (r + j) % k;
                Stack s = stacks.get(i);
                OtherThreads othersBefore = OtherThreads.now();
                ThreadCost before = ThreadCost.now();
                long acc = 0;
                for (int c = 0; c < calls; c++) {
                    acc += s.call();
                }
                ThreadCost spent = ThreadCost.now().since(before);
                OtherThreads.Spent others = OtherThreads.now().since(othersBefore, helperByName.get(i));
                sink = acc;
                fig[i][0][r] = spent.cpuNanos / 1_000.0 / calls;
                fig[i][1][r] = spent.allocatedBytes / 1024.0 / calls;
                fig[i][2][r] = others.helperCpuNanos() / 1_000.0 / calls;
                fig[i][3][r] = others.helperAllocatedBytes() / 1024.0 / calls;
                fig[i][4][r] = fig[i][0][r] + fig[i][2][r];
                fig[i][5][r] = spent.wallNanos / 1_000.0 / calls;
                fig[i][6][r] = others.serverCpuNanos() / 1_000.0 / calls;
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Stack s = stacks.get(i);
            double[][] f = fig[i];
            results.add(new Result(s.name(), s.description(), (long) rounds * calls, Stats.of(f[0]), Stats.of(f[1]),
                    Stats.of(f[2]), Stats.of(f[3]), Stats.of(f[4]), Stats.of(f[5]), Stats.of(f[6]), helperByName.get(i), f[0], f[4]));
        }
        return results;
    }

    static void print(List<Result> results, PrintStream out) {
        out.println();
        out.println("per call, median round [min .. max]; 1 KB = 1024 bytes");
        for (Result r : results) {
            out.printf(Locale.ROOT, "  %-6s %s%n", r.name(), r.description());
        }
        out.println();
        String row = "%-6s %-26s %-24s %-22s %-14s %-26s %-9s %s%n";
        out.printf(Locale.ROOT, row, "stack", "caller CPU us", "caller alloc KB", "helper thr. CPU us", "helper KB",
                "client CPU us (caller+hlp)", "wall us", "server CPU us");
        for (Result r : results) {
            out.printf(Locale.ROOT, row, r.name(), r.callerCpuMicros().format("%.1f"), r.callerAllocKb().format("%.2f"),
                    r.helperCpuMicros().format("%.1f"), fmt("%.2f", r.helperAllocKb().median()),
                    r.clientCpuMicros().format("%.1f"), fmt("%.0f", r.wallMicros().median()),
                    fmt("%.1f", r.serverCpuMicros().median()));
        }
        for (Result r : results) {
            StringBuilder sb = new StringBuilder();
            r.helperCpuNanosByThread().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .filter(e -> e.getValue() / 1_000.0 / r.calls() >= 0.05)
                    .limit(5)
                    .forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append('"').append(e.getKey()).append("\" ")
                            .append(fmt("%.1f", e.getValue() / 1_000.0 / r.calls())));
            out.printf(Locale.ROOT, "  helper threads of %-5s (us/call): %s%n", r.name(), sb.length() == 0 ? "none" : sb);
        }
        Result ours = find(results, "ours");
        Result peer = find(results, "peer");
        Result floor = find(results, "floor");
        double oursAlloc = ours.callerAllocKb().median();
        double allocRatio = oursAlloc / peer.callerAllocKb().median();
        Stats cpuRatio = pairedRatio(ours.callerCpuByRound(), floor.callerCpuByRound());
        out.println();
        out.println("ratios of medians; CPU ratios also as the median [min .. max] of per-round ratios (a round of one stack");
        out.println("against the same round of the other, run seconds apart, so that load drift cancels)");
        out.printf(Locale.ROOT, "ours/peer   allocation (caller)  %.2f   goal <= 0.50 and <= 30 KB: %s (ours %.1f KB)%n",
                allocRatio, allocRatio <= 0.5 && oursAlloc <= 30 ? "met" : "MISSED", oursAlloc);
        out.printf(Locale.ROOT, "ours/floor  CPU (caller)         %.2f   per round %s   goal <= 1.10: %s%n",
                ours.callerCpuMicros().median() / floor.callerCpuMicros().median(), cpuRatio.format("%.2f"),
                cpuRatio.median() <= 1.10 ? "met" : "MISSED");
        out.printf(Locale.ROOT, "ours/floor  CPU (client)         %.2f   per round %s%n",
                ours.clientCpuMicros().median() / floor.clientCpuMicros().median(),
                pairedRatio(ours.clientCpuByRound(), floor.clientCpuByRound()).format("%.2f"));
        out.printf(Locale.ROOT, "ours/peer   CPU (caller)         %.2f   per round %s%n",
                ours.callerCpuMicros().median() / peer.callerCpuMicros().median(),
                pairedRatio(ours.callerCpuByRound(), peer.callerCpuByRound()).format("%.2f"));
        out.printf(Locale.ROOT, "ours/peer   CPU (client)         %.2f   per round %s%n",
                ours.clientCpuMicros().median() / peer.clientCpuMicros().median(),
                pairedRatio(ours.clientCpuByRound(), peer.clientCpuByRound()).format("%.2f"));
        out.printf(Locale.ROOT, "ours/floor  allocation (caller)  %.2f%n", oursAlloc / floor.callerAllocKb().median());
        out.printf(Locale.ROOT, "floor/peer  allocation %.2f, CPU (caller) %.2f, CPU (client) %.2f%n",
                floor.callerAllocKb().median() / peer.callerAllocKb().median(),
                floor.callerCpuMicros().median() / peer.callerCpuMicros().median(),
                floor.clientCpuMicros().median() / peer.clientCpuMicros().median());
    }

    /** The per-round ratios a[r] / b[r]. */
    static Stats pairedRatio(double[] a, double[] b) {
        double[] r = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < r.length; i++) {
            r[i] = a[i] / b[i];
        }
        return Stats.of(r);
    }

    private static String fmt(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }

    private static Result find(List<Result> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
