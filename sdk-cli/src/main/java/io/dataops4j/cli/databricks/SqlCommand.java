package io.dataops4j.cli.databricks;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.core.json.Json;
import io.dataops4j.databricks.sql.Row;
import io.dataops4j.databricks.sql.StatementRequest;
import io.dataops4j.databricks.sql.StatementRequest.Disposition;
import io.dataops4j.databricks.sql.StatementResponse;
import io.dataops4j.databricks.sql.StatementResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dataops4j databricks sql exec}. */
@Command(name = "sql", description = "SQL statements on a warehouse.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {SqlCommand.Exec.class})
public final class SqlCommand {
    @ParentCommand
    DatabricksCommand parent;

    /** {@code sql exec}. */
    @Command(name = "exec", description = "Run a statement and print its rows (all chunks, streamed).")
    static final class Exec implements Callable<Integer> {
        @ParentCommand
        SqlCommand sql;

        @Option(names = "--warehouse", required = true, paramLabel = "ID", description = "The SQL warehouse.")
        String warehouse;

        @Parameters(index = "0", paramLabel = "STATEMENT", description = "The SQL; named parameters as :name.")
        String statement;

        @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A named parameter (repeatable).")
        List<String> params;

        @Option(names = "--catalog", paramLabel = "NAME", description = "The default catalog.")
        String catalog;

        @Option(names = "--schema", paramLabel = "NAME", description = "The default schema.")
        String schema;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table, csv or json (default: ${DEFAULT-VALUE}; --json implies json).")
        String format;

        @Option(names = "--external-links", description = "Fetch the result through external links (large results).")
        boolean external;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1h", description = "How long to wait (default: ${DEFAULT-VALUE}).")
        String timeout;

        @Override
        public Integer call() {
            CliContext ctx = sql.parent.context();
            String f = ctx.json() ? "json" : format.toLowerCase(Locale.ROOT);
            if (!List.of("table", "csv", "json").contains(f)) {
                throw new IllegalArgumentException("--format must be table, csv or json, but was '" + format + "'");
            }
            StatementRequest.Builder b = StatementRequest.builder(warehouse, statement).catalog(catalog).schema(schema);
            Params.parse(params).forEach(b::parameter);
            if (external) {
                b.disposition(Disposition.EXTERNAL_LINKS);
            }
            try (StatementResult r = sql.parent.client().sql().statements().execute(b.build(), JobsCommand.duration(timeout))) {
                List<String> names = new ArrayList<>();
                for (StatementResponse.Column c : r.columns()) {
                    names.add(c.name());
                }
                PrintWriter out = ctx.out();
                switch (f) {
                    case "csv" -> {
                        out.println(csv(names.toArray(new String[0])));
                        for (Row row : r) {
                            out.println(csv(row.values()));
                        }
                    }
                    case "json" -> {
                        out.print("[");
                        boolean first = true;
                        for (Row row : r) {
                            Map<String, Object> m = new LinkedHashMap<>();
                            String[] v = row.values();
                            for (int i = 0; i < names.size() && i < v.length; i++) {
                                m.put(names.get(i), v[i]);
                            }
                            out.print((first ? "\n  " : ",\n  ") + Json.shared().toJson(m));
                            first = false;
                        }
                        out.println(first ? "]" : "\n]");
                    }
                    default -> {
                        TextTable t = new TextTable(names);
                        long n = 0;
                        for (Row row : r) {
                            t.add(Arrays.asList(row.values()));
                            n++;
                        }
                        t.print(out);
                        ctx.err().println(n + " row(s)" + (r.truncated() ? " (truncated by a limit)" : ""));
                    }
                }
                out.flush();
            }
            return ExitCodes.OK;
        }

        private static String csv(String[] values) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                String v = values[i];
                if (v == null) {
                    continue;
                }
                if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                    sb.append('"').append(v.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(v);
                }
            }
            return sb.toString();
        }
    }
}
