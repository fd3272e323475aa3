package io.dataops4j.bench;

import io.dataops4j.adf.AdfClient;
import io.dataops4j.adf.deploy.AdfDeployment;
import io.dataops4j.adf.deploy.DeploymentListener;
import io.dataops4j.adf.deploy.DeploymentResult;
import io.dataops4j.adf.deploy.ObjectChange;
import io.dataops4j.adf.deploy.Plan;
import io.dataops4j.adf.deploy.PublishOptions;
import io.dataops4j.adf.internal.JsonTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Data Factory deployment benchmark ({@code bench/run.sh adf}): sdk-adf's level-parallel deployment against
 * one-by-one deployment (azure.datafactory.tools' way) of a generated factory, on {@link AdfFake} with a fixed
 * latency per call; then plan times for a larger generated factory against a fake that holds all of it and one
 * that holds half of it.
 *
 * <pre>
 * java -cp ... io.dataops4j.bench.AdfDeployBench [--objects 500] [--plan-objects 2000] [--latency-ms 50] [--plan-rounds 5]
 * </pre>
 */
public final class AdfDeployBench {
    private AdfDeployBench() {
    }

    public static void main(String[] args) throws Exception {
        int objects = 500;
        int planObjects = 2000;
        long latency = 50;
        int planRounds = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--objects" -> objects = Integer.parseInt(args[++i]);
                case "--plan-objects" -> planObjects = Integer.parseInt(args[++i]);
                case "--latency-ms" -> latency = Long.parseLong(args[++i]);
                case "--plan-rounds" -> planRounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--objects N --plan-objects N --latency-ms N --plan-rounds N)");
            }
        }
        Path tmp = Files.createTempDirectory("adf-bench");
        try {
            deploy(tmp.resolve("deploy"), objects, latency);
            plan(tmp.resolve("plan"), planObjects, latency, planRounds);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- deploy

    private record DeployRun(long planNanos, long applyNanos, int calls, int maxInFlight, DeploymentResult result, int stored) {
    }

    private static void deploy(Path root, int n, long latency) throws IOException {
        Mix mix = generate(root, n);
        int defaultParallelism = PublishOptions.defaults().parallelism();
        System.out.printf(Locale.ROOT, "%n== ADF deploy: generated factory of %d objects (%s) + global parameters, stage config-prod.csv%n",
                mix.total(), mix);
        System.out.printf(Locale.ROOT, "   fake: MockWebServer (TCP_NODELAY), %d ms fixed latency per call, list pages of 50; fresh fake per deployment%n", latency);
        AdfDeployment base = AdfDeployment.fromFolder(root).stage("prod");
        // warm-up (JIT, class loading): one whole deployment with no latency, not measured
        runDeploy(base, defaultParallelism, 0, n);
        DeployRun par = runDeploy(base, defaultParallelism, latency, n);
        DeployRun seq = runDeploy(base, 1, latency, n);
        Plan shape = planOnFresh(base);
        List<List<String>> levels = shape.deployLevels();
        System.out.printf(Locale.ROOT, "   %d dependency levels of %s objects; %d triggers started after the deployment%n",
                levels.size(), levels.stream().map(l -> String.valueOf(l.size())).toList(), shape.triggersToStart().size());
        System.out.printf(Locale.ROOT, "   %-44s %10s %10s %8s %8s %10s%n", "", "apply", "plan", "calls", "max∥", "deployed");
        print("(a) level parallel, parallelism " + defaultParallelism + " (default)", par);
        print("(b) one by one, parallelism 1", seq);
        System.out.printf(Locale.ROOT, "   apply: (b)/(a) = %.2fx faster (goal >= 5x); plan + apply: %.2fx%n",
                (double) seq.applyNanos / par.applyNanos, (double) (seq.applyNanos + seq.planNanos) / (par.applyNanos + par.planNanos));
        System.out.printf(Locale.ROOT, "   floor at %d ms a call: (b) %d calls x %d ms = %.1f s%n", latency, seq.calls, latency, seq.calls * latency / 1000.0);
    }

    private static void print(String label, DeployRun r) {
        System.out.printf(Locale.ROOT, "   %-44s %8.2f s %8.3f s %8d %8d %10d%n", label, r.applyNanos / 1e9, r.planNanos / 1e9, r.calls,
                r.maxInFlight, r.result.deployed().size());
    }

    private static Plan planOnFresh(AdfDeployment base) throws IOException {
        try (AdfFake fake = new AdfFake(0); AdfClient client = fake.client()) {
            return base.plan(client);
        }
    }

    private static DeployRun runDeploy(AdfDeployment base, int parallelism, long latency, int n) throws IOException {
        try (AdfFake fake = new AdfFake(latency); AdfClient client = fake.client()) {
            AdfDeployment d = base.options(o -> o.parallelism(parallelism));
            long t0 = System.nanoTime();
            Plan plan = d.plan(client);
            long t1 = System.nanoTime();
            int creates = plan.changes(ObjectChange.Kind.CREATE).size();
            fake.resetCounters();
            long t2 = System.nanoTime();
            DeploymentResult r = plan.apply(DeploymentListener.NONE);
            long t3 = System.nanoTime();
            int stored = fake.size();
            if (stored != n || creates != n + 1 || r.startedTriggers().isEmpty()) {
                throw new IllegalStateException("the deployment did not create every object: " + stored + " stored, " + creates
                        + " creates planned, " + r.deployed().size() + " deployed");
            }
            return new DeployRun(t1 - t0, t3 - t2, fake.calls.get(), fake.maxInFlight.get(), r, stored);
        }
    }

    // ---------------------------------------------------------------------------------------------- plan

    private static void plan(Path root, int n, long latency, int rounds) throws IOException {
        Mix mix = generate(root, n);
        System.out.printf(Locale.ROOT, "%n== ADF plan: generated factory of %d objects (%s), stage config-prod.csv%n", mix.total(), mix);
        long l0 = System.nanoTime();
        AdfDeployment base = AdfDeployment.fromFolder(root).stage("prod");
        long l1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "   loading the folder (AdfDeployment.fromFolder, cold): %.3f s (not in the plan times below)%n", (l1 - l0) / 1e9);
        try (AdfFake full = new AdfFake(0); AdfClient fc = full.client(); AdfFake half = new AdfFake(0); AdfClient hc = half.client()) {
            base.plan(fc).apply(DeploymentListener.NONE);
            base.plan(hc).apply(DeploymentListener.NONE);
            int removed = keepHalf(half);
            System.out.printf(Locale.ROOT, "   targets: 'unchanged' holds all %d; 'half' holds %d (every other object of each collection removed)%n",
                    full.size(), half.size());
            System.out.printf(Locale.ROOT, "   plan = stage config applied + graph + reading every collection (nextLink pages of 50) + diffs; median of %d"
                    + " after 2 warm-ups [min - max]%n", rounds);
            System.out.printf(Locale.ROOT, "   %-28s %-26s %-26s %7s %9s %s%n", "target", "plan, 0 ms latency", "plan, " + latency + " ms latency",
                    "calls", "fake work", "plan result");
            planRow("unchanged", base, full, latency, rounds, n, 0);
            planRow("half (" + removed + " missing)", base, half, latency, rounds, n, removed);
        }
    }

    private static void planRow(String label, AdfDeployment base, AdfFake fake, long latency, int rounds, int n, int missing) {
        try (AdfClient client = fake.client()) {
            fake.latencyMillis = 0;
            base.plan(client);
            base.plan(client);
            long[] zero = new long[rounds];
            Plan p = null;
            int gets = 0;
            long handling = 0;
            for (int i = 0; i < rounds; i++) {
                fake.resetCounters();
                long t0 = System.nanoTime();
                p = base.plan(client);
                zero[i] = System.nanoTime() - t0;
                gets = fake.calls.get();
                handling = fake.handlingNanos.get();
            }
            fake.latencyMillis = latency;
            long[] slow = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                base.plan(client);
                slow[i] = System.nanoTime() - t0;
            }
            int creates = p.changes(ObjectChange.Kind.CREATE).size();
            int updates = p.changes(ObjectChange.Kind.UPDATE).size();
            int unchanged = p.changes(ObjectChange.Kind.UNCHANGED).size();
            if (creates != missing || updates != 0 || unchanged != n + 1 - missing) {
                throw new IllegalStateException("unexpected plan against '" + label + "': " + p.summary());
            }
            System.out.printf(Locale.ROOT, "   %-28s %-26s %-26s %7d %7.0f ms %s%n", label, stats(zero), stats(slow), gets, handling / 1e6,
                    creates + " create, " + unchanged + " unchanged");
        }
    }

    private static String stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%.3f s [%.3f - %.3f]", s[s.length / 2] / 1e9, s[0] / 1e9, s[s.length - 1] / 1e9);
    }

    private static int keepHalf(AdfFake fake) {
        int removed = 0;
        synchronized (fake) {
            for (Map<String, Map<String, Object>> c : fake.store.values()) {
                int i = 0;
                for (var it = c.entrySet().iterator(); it.hasNext(); i++) {
                    it.next();
                    if (i % 2 == 1) {
                        it.remove();
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    // ---------------------------------------------------------------------------------------------- generator

    /** How many objects of each type a generated factory has. */
    record Mix(int integrationRuntimes, int linkedServices, int datasets, int dataFlows, int pipelines, int triggers) {
        int total() {
            return integrationRuntimes + linkedServices + datasets + dataFlows + pipelines + triggers;
        }

        @Override
        public String toString() {
            return integrationRuntimes + " integration runtime, " + linkedServices + " linked services, " + datasets + " datasets, "
                    + dataFlows + " data flows, " + pipelines + " pipelines, " + triggers + " triggers";
        }
    }

    /**
     * Writes a factory of {@code n} objects in the ADF Git layout: a managed integration runtime; linked services
     * (a Key Vault, the others taking their secrets from it and running on the runtime); datasets on them; data
     * flows reading and writing datasets; pipelines in four tiers (copy pipelines on datasets, some running a
     * data flow, then orchestrators executing pipelines of the tier below); schedule triggers, started, on
     * orchestrators. Plus the factory's global parameters and {@code deployment/config-prod.csv}.
     */
    static Mix generate(Path root, int n) {
        int ls = Math.max(2, n * 8 / 100);
        int ds = Math.max(1, n * 30 / 100);
        int df = Math.max(1, n * 2 / 100);
        int tr = Math.max(1, n * 10 / 100);
        int pl = n - 1 - ls - ds - df - tr;
        if (pl < 4) {
            throw new IllegalArgumentException("too few objects: " + n);
        }
        Mix mix = new Mix(1, ls, ds, df, pl, tr);
        write(root, "integrationRuntime", "IR_Managed", obj("IR_Managed", map("type", "Managed", "typeProperties",
                map("computeProperties", map("location", "AutoResolve", "dataFlowProperties",
                        map("computeType", "General", "coreCount", 8, "timeToLive", 10))))));
        write(root, "linkedService", "LS_KeyVault", obj("LS_KeyVault", map("type", "AzureKeyVault", "annotations", List.of(),
                "typeProperties", map("baseUrl", "https://kv-dev.vault.azure.net/"))));
        String[] lsTypes = {"AzureBlobStorage", "AzureSqlDatabase", "AzureDataLakeStoreGen2", "AzureDatabricks"};
        for (int i = 1; i < ls; i++) {
            String type = lsTypes[i % lsTypes.length];
            Map<String, Object> tp = new LinkedHashMap<>();
            switch (type) {
                case "AzureBlobStorage" -> tp.put("connectionString", "DefaultEndpointsProtocol=https;AccountName=devblob" + i + ";");
                case "AzureSqlDatabase" -> tp.put("connectionString", "Integrated Security=False;Encrypt=True;Data Source=dev-sql-" + i
                        + ".database.windows.net;Initial Catalog=db" + i + ";User ID=etl");
                case "AzureDataLakeStoreGen2" -> tp.put("url", "https://devlake" + i + ".dfs.core.windows.net/");
                default -> {
                    tp.put("domain", "https://adb-" + (1000 + i) + ".azuredatabricks.net");
                    tp.put("existingClusterId", "0101-000000-abc" + i);
                }
            }
            tp.put(type.equals("AzureDatabricks") ? "accessToken" : "password", map("type", "AzureKeyVaultSecret",
                    "store", ref("LS_KeyVault", "LinkedServiceReference"), "secretName", "secret-" + i));
            write(root, "linkedService", lsName(i), obj(lsName(i), map("type", type, "annotations", List.of(), "typeProperties", tp,
                    "connectVia", ref("IR_Managed", "IntegrationRuntimeReference"))));
        }
        String[] dsTypes = {"DelimitedText", "AzureSqlTable", "Parquet"};
        for (int i = 0; i < ds; i++) {
            String type = dsTypes[i % dsTypes.length];
            List<Object> schema = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                schema.add(map("name", "col_" + c, "type", c % 3 == 0 ? "String" : c % 3 == 1 ? "Int32" : "DateTime"));
            }
            Map<String, Object> tp = type.equals("AzureSqlTable") ? map("schema", "dbo", "table", "t_" + i)
                    : map("location", map("type", "AzureBlobStorageLocation", "fileName", map("value", "@dataset().file", "type", "Expression"),
                    "folderPath", "in/area" + (i % 7), "container", "data"), "columnDelimiter", ",", "firstRowAsHeader", true);
            int lsi = 1 + i % (ls - 1);
            write(root, "dataset", dsName(i), obj(dsName(i), map("linkedServiceName", ref(lsName(lsi), "LinkedServiceReference"),
                    "parameters", map("file", map("type", "string", "defaultValue", "part-0.csv")), "annotations", List.of(),
                    "folder", map("name", "Area" + (i % 7)), "type", type, "typeProperties", tp, "schema", schema)));
        }
        for (int i = 0; i < df; i++) {
            write(root, "dataflow", dfName(i), obj(dfName(i), map("type", "MappingDataFlow", "typeProperties", map(
                    "sources", List.of(map("dataset", ref(dsName((i * 3) % ds), "DatasetReference"), "name", "Source")),
                    "sinks", List.of(map("dataset", ref(dsName((i * 3 + 1) % ds), "DatasetReference"), "name", "Sink")),
                    "transformations", List.of(map("name", "Derive")),
                    "script", "source(allowSchemaDrift: true, validateSchema: false) ~> Source\n"
                            + "Source derive(loaded = currentTimestamp()) ~> Derive\nDerive sink(allowSchemaDrift: true) ~> Sink"))));
        }
        // pipeline tiers: 60 % copy pipelines, then 25 %, 10 %, 5 % orchestrators of the tier below
        int[] tierEnd = {pl * 60 / 100, pl * 85 / 100, pl * 95 / 100, pl};
        for (int i = 0; i < pl; i++) {
            int tier = i < tierEnd[0] ? 0 : i < tierEnd[1] ? 1 : i < tierEnd[2] ? 2 : 3;
            List<Object> acts = new ArrayList<>();
            if (tier == 0) {
                acts.add(map("name", "Lookup watermark", "type", "Lookup", "typeProperties", map("source", map("type", "AzureSqlSource"),
                        "dataset", ref(dsName((i * 7) % ds), "DatasetReference"))));
                acts.add(map("name", "Copy data", "type", "Copy", "dependsOn", List.of(map("activity", "Lookup watermark",
                        "dependencyConditions", List.of("Succeeded"))), "policy", map("timeout", "0.12:00:00", "retry", 2),
                        "inputs", List.of(refP(dsName(i % ds), "DatasetReference", "file", "@pipeline().parameters.file")),
                        "outputs", List.of(ref(dsName((i + 1) % ds), "DatasetReference")),
                        "typeProperties", map("source", map("type", "DelimitedTextSource"), "sink", map("type", "AzureSqlSink"),
                                "enableStaging", false)));
                if (i % 15 == 0) {
                    acts.add(map("name", "Transform", "type", "ExecuteDataFlow", "dependsOn", List.of(map("activity", "Copy data",
                            "dependencyConditions", List.of("Succeeded"))), "typeProperties",
                            map("dataflow", ref(dfName((i / 15) % df), "DataFlowReference"), "compute", map("coreCount", 8, "computeType", "General"))));
                }
            } else {
                int from = tier == 1 ? 0 : tierEnd[tier - 2];
                int size = tierEnd[tier - 1] - from;
                for (int k = 0; k < 3; k++) {
                    acts.add(map("name", "Run " + k, "type", "ExecutePipeline", "typeProperties", map("pipeline",
                            ref(plName(from + (i * 3 + k) % size), "PipelineReference"), "waitOnCompletion", true)));
                }
            }
            write(root, "pipeline", plName(i), obj(plName(i), map("activities", acts, "parameters",
                    map("file", map("type", "string", "defaultValue", "part-0.csv")), "folder", map("name", "Tier" + tier),
                    "annotations", List.of())));
        }
        for (int i = 0; i < tr; i++) {
            int target = tierEnd[0] + (i * 5) % (pl - tierEnd[0]);
            write(root, "trigger", trName(i), obj(trName(i), map("runtimeState", "Started", "type", "ScheduleTrigger",
                    "pipelines", List.of(map("pipelineReference", ref(plName(target), "PipelineReference"),
                            "parameters", map("file", "daily-" + i + ".csv"))),
                    "typeProperties", map("recurrence", map("frequency", "Day", "interval", 1, "startTime", "2026-01-01T0" + (i % 10) + ":00:00Z",
                            "timeZone", "UTC")))));
        }
        write(root, "factory", "adf-bench", map("name", "adf-bench", "location", "westeurope", "properties", map("globalParameters",
                map("Env", map("type", "string", "value", "dev"), "Threads", map("type", "int", "value", 4)))));
        try {
            Files.createDirectories(root.resolve("deployment"));
            Files.writeString(root.resolve("deployment/config-prod.csv"), "type,name,path,value\n"
                    + "# the Key Vault of the stage\n"
                    + "linkedService,LS_KeyVault,typeProperties.baseUrl,\"https://kv-prod.vault.azure.net/\"\n"
                    + "factory,adf-bench,$.properties.globalParameters.Env.value,\"prod\"\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mix;
    }

    private static String lsName(int i) {
        return String.format(Locale.ROOT, "LS_%04d", i);
    }

    private static String dsName(int i) {
        return String.format(Locale.ROOT, "DS_%04d", i);
    }

    private static String dfName(int i) {
        return String.format(Locale.ROOT, "DF_%04d", i);
    }

    private static String plName(int i) {
        return String.format(Locale.ROOT, "PL_%04d", i);
    }

    private static String trName(int i) {
        return String.format(Locale.ROOT, "TR_%04d", i);
    }

    private static Map<String, Object> ref(String name, String type) {
        return map("referenceName", name, "type", type);
    }

    private static Map<String, Object> refP(String name, String type, String param, String value) {
        return map("referenceName", name, "type", type, "parameters", map(param, map("value", value, "type", "Expression")));
    }

    private static Map<String, Object> obj(String name, Map<String, Object> properties) {
        return map("name", name, "properties", properties);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            // JsonTree holds numbers as its own type: parse them from their text
            m.put((String) kv[i], kv[i + 1] instanceof Integer n ? JsonTree.parse(n.toString()) : kv[i + 1]);
        }
        return m;
    }

    private static void write(Path root, String folder, String name, Map<String, Object> body) {
        try {
            Path dir = root.resolve(folder);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".json"), JsonTree.pretty(body), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
