package io.dataops4j.cli.dss;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import io.dataops4j.dataiku.datasets.SqlTable;
import io.dataops4j.dataiku.datasets.TablesImport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops4j dss datasets}: import-tables. */
@Command(name = "datasets", description = "DSS datasets.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {DssDatasetsCommand.ImportTablesCmd.class})
public final class DssDatasetsCommand {
    @ParentCommand
    DssCommand dss;

    /** {@code dss datasets import-tables --project KEY --connection NAME --schema S}. */
    @Command(name = "import-tables", description = "Import every table of a SQL connection's schema as datasets.")
    static final class ImportTablesCmd implements Callable<Integer> {
        @ParentCommand
        DssDatasetsCommand parent;

        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project to import into.")
        String project;

        @Option(names = "--connection", required = true, paramLabel = "NAME", description = "The SQL connection.")
        String connection;

        @Option(names = "--schema", paramLabel = "S", description = "The schema (default: the connection's).")
        String schema;

        @Override
        public Integer call() {
            CliContext ctx = parent.dss.context();
            TablesImport done;
            try (Progress progress = Progress.forContext(ctx)) {
                done = parent.dss.client().datasets().importTables(project, connection, schema, progress::progress);
            }
            List<Object> tables = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (SqlTable t : done.tables()) {
                tables.add(DssOutput.entry("schema", t.schema(), "table", t.table()));
                lines.add((t.schema() == null ? "" : t.schema() + ".") + t.table());
            }
            lines.add(0, done.tables().isEmpty() ? "no table found in " + connection + (schema == null ? "" : "." + schema)
                    : "imported " + done.tables().size() + " tables into " + project + ":");
            DssOutput.print(ctx, DssOutput.entry("project", project, "connection", connection, "schema", schema,
                    "tables", tables, "candidates", DssOutput.plain(done.candidates())), lines);
            return ExitCodes.OK;
        }
    }
}
