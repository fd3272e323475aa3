package io.dataops4j.cli.databricks;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.databricks.sql.ConnectionDetails;
import io.dataops4j.databricks.sql.ConnectionDetails.PowerBiMode;
import io.dataops4j.databricks.sql.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dataops4j databricks warehouses}: list, start, stop, pbids. */
@Command(name = "warehouses", description = "SQL warehouses.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {WarehousesCommand.ListCommand.class, WarehousesCommand.Start.class, WarehousesCommand.Stop.class,
                WarehousesCommand.Pbids.class})
public final class WarehousesCommand {
    @ParentCommand
    DatabricksCommand parent;

    static Map<String, Object> summary(Warehouse w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("name", w.name());
        m.put("state", w.state() == null ? null : w.state().name());
        m.put("cluster_size", w.clusterSize());
        m.put("num_clusters", w.numClusters());
        return m;
    }

    static int waitAndPrint(CliContext ctx, Poller<Warehouse> poller, boolean await, String timeout) {
        Warehouse w;
        if (await) {
            try (Progress progress = Progress.forContext(ctx)) {
                poller.onProgress(x -> progress.progress(0, -1, "warehouse " + x.id() + " " + x.state()));
                w = poller.waitForCompletion(JobsCommand.duration(timeout));
            }
        } else {
            w = null;
        }
        if (ctx.json()) {
            ctx.printJson(w == null ? Map.of("id", poller.id(), "requested", true) : summary(w));
        } else {
            ctx.out().println(w == null ? poller.id() + ": requested" : w.id() + ": " + w.state());
        }
        return ExitCodes.OK;
    }

    /** {@code warehouses list}. */
    @Command(name = "list", description = "Every SQL warehouse and its state.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        WarehousesCommand wh;

        @Override
        public Integer call() {
            CliContext ctx = wh.parent.context();
            List<Warehouse> all = wh.parent.client().sql().warehouses().list().toList();
            if (ctx.json()) {
                List<Map<String, Object>> out = new ArrayList<>();
                all.forEach(w -> out.add(summary(w)));
                ctx.printJson(out);
            } else if (all.isEmpty()) {
                ctx.out().println("no warehouses");
            } else {
                TextTable t = new TextTable(List.of("ID", "NAME", "STATE", "SIZE", "CLUSTERS"));
                all.forEach(w -> t.add(List.of(w.id(), String.valueOf(w.name()), String.valueOf(w.state()),
                        String.valueOf(w.clusterSize()), String.valueOf(w.numClusters()))));
                t.print(ctx.out());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code warehouses start}. */
    @Command(name = "start", description = "Start a warehouse; --wait until it is RUNNING.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        WarehousesCommand wh;

        @Parameters(index = "0", paramLabel = "ID", description = "The warehouse.")
        String id;

        @Option(names = "--wait", description = "Wait until it is RUNNING.")
        boolean await;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "20m", description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
        String timeout;

        @Override
        public Integer call() {
            return waitAndPrint(wh.parent.context(), wh.parent.client().sql().warehouses().start(id), await, timeout);
        }
    }

    /** {@code warehouses stop}. */
    @Command(name = "stop", description = "Stop a warehouse; --wait until it is STOPPED.")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        WarehousesCommand wh;

        @Parameters(index = "0", paramLabel = "ID", description = "The warehouse.")
        String id;

        @Option(names = "--wait", description = "Wait until it is STOPPED.")
        boolean await;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "20m", description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
        String timeout;

        @Override
        public Integer call() {
            return waitAndPrint(wh.parent.context(), wh.parent.client().sql().warehouses().stop(id), await, timeout);
        }
    }

    /** {@code warehouses pbids}. */
    @Command(name = "pbids", description = "A Power BI Desktop connection file (.pbids) for a warehouse, and its JDBC/ODBC details.")
    static final class Pbids implements Callable<Integer> {
        @ParentCommand
        WarehousesCommand wh;

        @Option(names = "--warehouse", required = true, paramLabel = "ID", description = "The warehouse.")
        String id;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the file here (default: standard output).")
        Path out;

        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "direct-query",
                description = "direct-query or import (default: ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--catalog", paramLabel = "NAME", description = "The initial catalog.")
        String catalog;

        @Option(names = "--schema", paramLabel = "NAME", description = "The initial schema.")
        String schema;

        @Override
        public Integer call() throws IOException {
            CliContext ctx = wh.parent.context();
            PowerBiMode m = switch (mode.toLowerCase(Locale.ROOT)) {
                case "direct-query", "directquery" -> PowerBiMode.DIRECT_QUERY;
                case "import" -> PowerBiMode.IMPORT;
                default -> throw new IllegalArgumentException("--mode must be direct-query or import, but was '" + mode + "'");
            };
            ConnectionDetails c = wh.parent.client().sql().warehouses().connectionDetails(id);
            String file = c.pbids(m, catalog, schema);
            if (out != null) {
                Files.writeString(out, file, StandardCharsets.UTF_8);
                if (ctx.json()) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("file", out.toString());
                    doc.put("hostname", c.hostname());
                    doc.put("http_path", c.httpPath());
                    doc.put("port", c.port());
                    doc.put("jdbc_url", c.jdbcUrl());
                    ctx.printJson(doc);
                } else {
                    ctx.out().println("wrote " + out);
                    ctx.out().println("host " + c.hostname() + ", HTTP path " + c.httpPath() + ", port " + c.port());
                    ctx.out().println("JDBC " + c.jdbcUrl());
                }
            } else {
                ctx.out().print(file);
                ctx.out().flush();
            }
            return ExitCodes.OK;
        }
    }
}
