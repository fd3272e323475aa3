package io.dataops4j.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the side-by-side benchmarks and prints their figures. Use {@code bench/run.sh}, which builds the module,
 * resolves the dependency closures and starts the JVM with the right options; by hand, after
 * {@code ./mvnw -Dquick -pl sdk-bench -am package -DskipTests} (whose package phase writes
 * {@code sdk-bench/target/bench.classpath}):
 *
 * <pre>
 * java -Dsun.net.httpserver.nodelay=true -cp "$(cat sdk-bench/target/bench.classpath):sdk-bench/target/classes" \
 *     io.dataops4j.bench.Main runs-get [--warmup 10000] [--rounds 40] [--calls 500]
 * java ... io.dataops4j.bench.Main breakdown                    # where our pipeline's CPU and bytes go
 * java ... io.dataops4j.bench.Main --closure 'label=cp-file' ...  # jars and MB of resolved class paths
 * java ... io.dataops4j.bench.Main mlflow [--mlflow-warmup 3] [--mlflow-rounds 10] [--mlflow-runs 1000]
 * </pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        List<String> commands = new ArrayList<>();
        List<Closure> closures = new ArrayList<>();
        int warmup = 10_000;
        int rounds = 40;
        int calls = 500;
        MlflowBenchmark.Settings mlflow = MlflowBenchmark.Settings.defaults();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--mlflow-warmup" -> mlflow = new MlflowBenchmark.Settings(Integer.parseInt(args[++i]), mlflow.rounds(),
                        mlflow.keys(), mlflow.steps(), mlflow.runs(), mlflow.pageSizes());
                case "--mlflow-rounds" -> mlflow = new MlflowBenchmark.Settings(mlflow.warmup(), Integer.parseInt(args[++i]),
                        mlflow.keys(), mlflow.steps(), mlflow.runs(), mlflow.pageSizes());
                case "--mlflow-runs" -> mlflow = new MlflowBenchmark.Settings(mlflow.warmup(), mlflow.rounds(),
                        mlflow.keys(), mlflow.steps(), Integer.parseInt(args[++i]), mlflow.pageSizes());
                case "--closure" -> {
                    String spec = args[++i];
                    int eq = spec.lastIndexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException("--closure expects label=classpath-file but was " + spec);
                    }
                    closures.add(Closure.read(spec.substring(0, eq), Path.of(spec.substring(eq + 1))));
                }
                case "runs-get", "breakdown", "profile", "mlflow", "all" -> commands.add(a);
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    usage();
                    System.exit(2);
                }
            }
        }
        if (commands.isEmpty() && closures.isEmpty()) {
            commands.add("all");
        }
        out.printf("java %s (%s), %d processors, GC %s%n", System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), gcNames());
        RunsGetBenchmark.Settings settings = new RunsGetBenchmark.Settings(warmup, rounds, calls);
        for (String c : commands) {
            switch (c) {
                case "runs-get" -> RunsGetBenchmark.run(settings, out);
                case "breakdown" -> Breakdown.run(settings, out);
                case "profile" -> Profile.run(settings, out);
                case "mlflow" -> MlflowBenchmark.run(mlflow, out);
                default -> {
                    RunsGetBenchmark.run(settings, out);
                    Breakdown.run(settings, out);
                }
            }
        }
        if (!closures.isEmpty()) {
            Closure.print(closures, out);
        }
    }

    private static void usage() {
        System.err.println("usage: Main [runs-get|breakdown|profile|mlflow|all]... [--warmup N] [--rounds N] [--calls N]"
                + " [--mlflow-warmup N] [--mlflow-rounds N] [--mlflow-runs N] [--closure label=classpath-file]...");
    }

    private static String gcNames() {
        StringBuilder sb = new StringBuilder();
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(gc.getName());
        }
        return sb.toString();
    }
}
