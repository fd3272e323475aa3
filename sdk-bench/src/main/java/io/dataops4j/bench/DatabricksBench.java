package io.dataops4j.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * sdk-databricks next to databricks-sdk-java 0.141.0, in one JVM and one run (bench/run.sh dbx-runs-get,
 * dbx-statement):
 * <ul>
 *   <li>{@code dbx-runs-get}: {@code jobs().getRun(runId)} of the full client, decoded into sdk-databricks' own
 *   records, against the loopback server and body of the core's runs/get figure: CPU and bytes per call, on the
 *   calling thread and on the client's helper threads.</li>
 *   <li>{@code dbx-statement}: every row of a 1,000,000-row JSON_ARRAY result in 10 EXTERNAL_LINKS chunks from a
 *   loopback server: rows per second, CPU and bytes per row (caller and helper threads), and peak heap.</li>
 * </ul>
 * Stacks alternate round by round (A,B / B,A ...) so that drift spreads over both; medians with extremes.
 */
public final class DatabricksBench {
    private static volatile long sink;

    private DatabricksBench() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        List<String> commands = new ArrayList<>();
        int warmup = 5_000;
        int rounds = 20;
        int calls = 500;
        int stmtRounds = 6;
        int rows = 1_000_000;
        int chunks = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--stmt-rounds" -> stmtRounds = Integer.parseInt(args[++i]);
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--chunks" -> chunks = Integer.parseInt(args[++i]);
                case "dbx-runs-get", "dbx-statement" -> commands.add(args[i]);
                default -> {
                    System.err.println("usage: DatabricksBench [dbx-runs-get] [dbx-statement] [--warmup N] [--rounds N] "
                            + "[--calls N] [--stmt-rounds N] [--rows N] [--chunks N]");
                    System.exit(2);
                }
            }
        }
        if (commands.isEmpty()) {
            commands = List.of("dbx-runs-get", "dbx-statement");
        }
        out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (String c : commands) {
            if (c.equals("dbx-runs-get")) {
                runsGet(out, warmup, rounds, calls);
            } else {
                statement(out, stmtRounds, rows, chunks);
            }
        }
    }

    static void runsGet(PrintStream out, int warmup, int rounds, int calls) throws Exception {
        byte[] body = Bodies.runsGet();
        try (LoopbackServer server = LoopbackServer.start(body, Bodies.RUN_ID, RunsGetBenchmark.TOKEN)) {
            List<Stack> stacks = List.of(new DbxRunsGetStack(server.baseUrl(), RunsGetBenchmark.TOKEN, Bodies.RUN_ID),
                    new PeerStack(server.baseUrl(), RunsGetBenchmark.TOKEN, Bodies.RUN_ID));
            try {
                out.printf(Locale.ROOT, "%njobs/runs/get through the full clients: %,d-byte body; %,d warm-up calls per stack, "
                        + "%d rounds x %,d calls%n", body.length, warmup, rounds, calls);
                RunsGetBenchmark.verifySameAnswer(stacks);
                for (int done = 0; done < warmup; done += 1000) {
                    for (Stack s : stacks) {
                        long acc = 0;
                        for (int i = 0; i < Math.min(1000, warmup - done); i++) {
                            acc += s.call();
                        }
                        sink = acc;
                    }
                }
                double[][][] fig = new double[2][5][rounds];
                for (int r = 0; r < rounds; r++) {
                    for (int j = 0; j < 2; j++) {
                        int i = (r + j) % 2;
                        Stack s = stacks.get(i);
                        OtherThreads others0 = OtherThreads.now();
                        ThreadCost before = ThreadCost.now();
                        long acc = 0;
                        for (int c = 0; c < calls; c++) {
                            acc += s.call();
                        }
                        ThreadCost spent = ThreadCost.now().since(before);
                        OtherThreads.Spent others = OtherThreads.now().since(others0, new TreeMap<>());
                        sink = acc;
                        fig[i][0][r] = spent.cpuNanos / 1_000.0 / calls;
                        fig[i][1][r] = spent.allocatedBytes / 1024.0 / calls;
                        fig[i][2][r] = (spent.cpuNanos + others.helperCpuNanos()) / 1_000.0 / calls;
                        fig[i][3][r] = (spent.allocatedBytes + others.helperAllocatedBytes()) / 1024.0 / calls;
                        fig[i][4][r] = spent.wallNanos / 1_000.0 / calls;
                    }
                }
                out.println("per call, median round [min .. max]");
                String row = "%-5s %-26s %-26s %-26s %-26s %s%n";
                out.printf(Locale.ROOT, row, "stack", "caller CPU us", "caller alloc KB", "client CPU us (all thr.)",
                        "client alloc KB", "wall us");
                for (int i = 0; i < 2; i++) {
                    out.printf(Locale.ROOT, row, stacks.get(i).name(), Stats.of(fig[i][0]).format("%.1f"),
                            Stats.of(fig[i][1]).format("%.1f"), Stats.of(fig[i][2]).format("%.1f"), Stats.of(fig[i][3]).format("%.1f"),
                            Stats.of(fig[i][4]).format("%.0f"));
                }
                for (Stack s : stacks) {
                    out.printf(Locale.ROOT, "  %-5s %s%n", s.name(), s.description());
                }
                out.printf(Locale.ROOT, "peer/ours: caller CPU %.2fx, caller alloc %.2fx%n",
                        Stats.of(fig[1][0]).median() / Stats.of(fig[0][0]).median(),
                        Stats.of(fig[1][1]).median() / Stats.of(fig[0][1]).median());
            } finally {
                stacks.forEach(Stack::close);
            }
        }
    }

    static void statement(PrintStream out, int rounds, int rows, int chunks) throws Exception {
        String token = RunsGetBenchmark.TOKEN;
        try (StatementServer server = new StatementServer(chunks, rows / chunks, token)) {
            List<StatementStacks.Reader> readers = List.of(new StatementStacks.Ours(server.baseUrl(), token),
                    new StatementStacks.Peer(server.baseUrl(), token));
            try {
                long total = server.totalRows();
                out.printf(Locale.ROOT, "%nstatement result of %,d rows in %d EXTERNAL_LINKS chunks of %,d bytes from %s; "
                        + "%d measured rounds per stack after 2 warm-up rounds%n", total, chunks, server.chunkBytes(),
                        server.baseUrl(), rounds);
                long expected = -1;
                for (StatementStacks.Reader r : readers) {
                    for (int w = 0; w < 2; w++) {
                        long got = r.readAll();
                        if (expected == -1) {
                            expected = got;
                        } else if (got != expected) {
                            throw new IllegalStateException(r.name() + " read different rows (checksum " + got + ", expected "
                                    + expected + ")");
                        }
                    }
                }
                long refusedAtStart = server.refused.sum();   // the peer's one-time probes when it starts (host metadata)
                List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP).toList();
                double[][][] fig = new double[2][7][rounds];
                for (int r = 0; r < rounds; r++) {
                    for (int j = 0; j < 2; j++) {
                        int i = (r + j) % 2;
                        StatementStacks.Reader reader = readers.get(i);
                        System.gc();
                        long baseline = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
                        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                        OtherThreads others0 = OtherThreads.now();
                        ThreadCost before = ThreadCost.now();
                        sink = reader.readAll();
                        ThreadCost spent = ThreadCost.now().since(before);
                        OtherThreads.Spent others = OtherThreads.now().since(others0, new TreeMap<>());
                        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                        long oldPeak = heap.stream().filter(p -> p.getName().contains("Old")).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                        fig[i][0][r] = total / (spent.wallNanos / 1e9);
                        fig[i][1][r] = spent.cpuNanos / 1.0 / total;
                        fig[i][2][r] = (spent.cpuNanos + others.helperCpuNanos()) / 1.0 / total;
                        fig[i][3][r] = (spent.allocatedBytes + others.helperAllocatedBytes()) / 1.0 / total;
                        fig[i][4][r] = (peak - Math.min(peak, baseline)) / 1048576.0;
                        fig[i][5][r] = oldPeak / 1048576.0;
                        fig[i][6][r] = spent.wallNanos / 1e6;
                    }
                }
                out.println("per round (whole result), median [min .. max]; CPU and bytes per row; heap in MB above the "
                        + "post-GC baseline (young garbage included) and the old generation's peak");
                String row = "%-5s %-30s %-24s %-24s %-24s %-26s %-24s %s%n";
                out.printf(Locale.ROOT, row, "stack", "rows/s", "caller CPU ns/row", "client CPU ns/row",
                        "client alloc B/row", "peak heap MB", "old gen peak MB", "wall ms");
                for (int i = 0; i < 2; i++) {
                    out.printf(Locale.ROOT, row, readers.get(i).name(), Stats.of(fig[i][0]).format("%,.0f"),
                            Stats.of(fig[i][1]).format("%.0f"), Stats.of(fig[i][2]).format("%.0f"), Stats.of(fig[i][3]).format("%.0f"),
                            Stats.of(fig[i][4]).format("%.0f"), Stats.of(fig[i][5]).format("%.0f"), Stats.of(fig[i][6]).format("%.0f"));
                }
                for (StatementStacks.Reader r : readers) {
                    out.printf(Locale.ROOT, "  %-5s %s%n", r.name(), r.description());
                }
                out.printf(Locale.ROOT, "ours/peer: rows/s %.2fx; peer/ours: client CPU %.2fx, client alloc %.2fx%n",
                        Stats.of(fig[0][0]).median() / Stats.of(fig[1][0]).median(),
                        Stats.of(fig[1][2]).median() / Stats.of(fig[0][2]).median(),
                        Stats.of(fig[1][3]).median() / Stats.of(fig[0][3]).median());
                out.printf(Locale.ROOT, "server: %d link downloads, %d of them with an Authorization header; refused %d "
                        + "during warm-up (the peer's start-up probes), %d while measuring%n", server.linkRequests.sum(),
                        server.linkRequestsWithAuthorization.sum(), refusedAtStart, server.refused.sum() - refusedAtStart);
                if (server.refused.sum() != refusedAtStart) {
                    throw new IllegalStateException("the server refused requests");
                }
            } finally {
                readers.forEach(StatementStacks.Reader::close);
            }
        }
    }
}
