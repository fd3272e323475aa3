package io.dataops4j.cli.mlflow;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.tracking.Metric;
import io.dataops4j.mlflow.tracking.Param;
import io.dataops4j.mlflow.tracking.Run;
import io.dataops4j.mlflow.tracking.RunInfo;
import io.dataops4j.mlflow.tracking.SearchRuns;
import io.dataops4j.mlflow.tracking.ViewType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dataops4j mlflow runs search|get}. */
@Command(name = "runs", description = "Search and show runs.", synopsisSubcommandLabel = "COMMAND")
final class RunsCommand {
    private final CliContext ctx;

    @ParentCommand
    MlflowCommand mlflow;

    RunsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Command(name = "search", description = {"Search the runs of one or more experiments, printed page by page as the "
            + "server sends them.", "With --json: a JSON array of runs (info, data, inputs, outputs) in MLflow's field names."})
    int search(@Option(names = {"-e", "--experiment"}, paramLabel = "NAME_OR_ID", required = true,
                       description = "The experiment's id or name (repeatable).") List<String> experiments,
               @Option(names = "--filter", paramLabel = "FILTER",
                       description = "MLflow search filter, e.g. \"metrics.rmse < 1 and params.model = 'tree'\".") String filter,
               @Option(names = "--order-by", paramLabel = "CLAUSE",
                       description = "Order clause, e.g. \"metrics.rmse ASC\" or \"attributes.start_time DESC\" (repeatable).")
               List<String> orderBy,
               @Option(names = "--view", paramLabel = "VIEW", converter = ViewTypeConverter.class,
                       description = "active (default), deleted or all.") ViewType view,
               @Option(names = "--max-results", paramLabel = "N", description = "Show at most N runs.") Integer maxResults) {
        Output.checkMax(maxResults);
        try (MlflowClient client = mlflow.client()) {
            List<String> ids = new ArrayList<>();
            for (String e : new LinkedHashSet<>(experiments)) {
                ids.add(client.experiments().getByIdOrName(e).experimentId());
            }
            SearchRuns.Builder search = SearchRuns.builder()
                    .experimentIds(ids)
                    .filter(filter)
                    .viewType(view == null ? ViewType.ACTIVE_ONLY : view)
                    .pageSize(Output.pageSize(maxResults, SearchRuns.DEFAULT_PAGE_SIZE));
            if (orderBy != null) {
                orderBy.forEach(search::orderBy);
            }
            List<Table.Column<Run>> columns = new ArrayList<>();
            columns.add(Table.Column.of("RUN ID", Run::id));
            if (ids.size() > 1) {
                columns.add(Table.Column.of("EXPERIMENT", r -> r.info().experimentId()));
            }
            columns.add(Table.Column.of("NAME", 40, r -> r.info().runName()));
            columns.add(Table.Column.of("STATUS", r -> r.info().status() == null ? "" : r.info().status().name()));
            columns.add(Table.Column.of("STARTED", r -> Output.time(r.info().startTime())));
            columns.add(Table.Column.right("DURATION", r -> Output.duration(r.info().startTime(), r.info().endTime())));
            columns.add(Table.Column.of("METRICS", 60, r -> metrics(r.data().metrics())));
            Output.list(ctx, client.runs().search(search.build()), maxResults, columns, "no runs", "runs");
        }
        return ExitCodes.OK;
    }

    @Command(name = "get", description = {"Show a run: info, parameters, latest metrics, tags, inputs and outputs.",
            "With --json: the run in MLflow's field names."})
    int get(@Parameters(paramLabel = "RUN_ID", description = "The run's id.") String runId) {
        try (MlflowClient client = mlflow.client()) {
            Run run = client.runs().get(runId);
            if (ctx.json()) {
                ctx.printJson(run);
            } else {
                print(ctx.out(), run);
                ctx.out().flush();
            }
        }
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, Run run) {
        RunInfo i = run.info();
        Output.row(out, "run id", i.runId());
        Output.row(out, "name", i.runName());
        Output.row(out, "experiment id", i.experimentId());
        Output.row(out, "status", i.status() == null ? null : i.status().name());
        Output.row(out, "stage", ExperimentsCommand.lower(i.lifecycleStage()));
        Output.row(out, "started", Output.time(i.startTime()));
        Output.row(out, "ended", Output.time(i.endTime()));
        Output.row(out, "duration", Output.duration(i.startTime(), i.endTime()));
        Output.row(out, "user", i.userId());
        Output.row(out, "artifact uri", i.artifactUri());
        List<Param> params = run.data().params().stream().sorted(Comparator.comparing(Param::key)).toList();
        out.println("params (" + params.size() + ")");
        params.forEach(p -> Output.row(out, "  " + p.key(), p.value()));
        List<Metric> metrics = run.data().metrics().stream().sorted(Comparator.comparing(Metric::key)).toList();
        out.println("metrics (" + metrics.size() + ", latest values)");
        metrics.forEach(m -> Output.row(out, "  " + m.key(), Output.number(m.value()) + "  (step " + m.step() + ", "
                + Output.time(m.instant()) + ")"));
        List<Tag> tags = run.data().tags().stream().sorted(Comparator.comparing(Tag::key)).toList();
        out.println("tags (" + tags.size() + ")");
        tags.forEach(t -> Output.row(out, "  " + t.key(), t.value()));
        if (!run.inputs().datasetInputs().isEmpty() || !run.inputs().modelInputs().isEmpty()) {
            out.println("inputs");
            run.inputs().datasetInputs().forEach(d -> Output.row(out, "  dataset",
                    d.dataset().name() + " (digest " + d.dataset().digest() + ", " + d.dataset().sourceType() + ")"));
            run.inputs().modelInputs().forEach(m -> Output.row(out, "  model", m.modelId()));
        }
        if (!run.outputs().modelOutputs().isEmpty()) {
            out.println("outputs");
            run.outputs().modelOutputs().forEach(m -> Output.row(out, "  model", m.modelId() + " (step " + m.step() + ")"));
        }
    }

    /** The latest metric values, by key: {@code acc=0.91, loss=0.12}. */
    static String metrics(List<Metric> metrics) {
        return metrics.stream().sorted(Comparator.comparing(Metric::key))
                .map(m -> m.key() + "=" + Output.number(m.value()))
                .collect(Collectors.joining(", "));
    }
}
