package io.dataops4j.cli.mlflow;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.tracking.SearchExperiments;
import io.dataops4j.mlflow.tracking.ViewType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dataops4j mlflow experiments list|create|get}. */
@Command(name = "experiments", description = "List, create and show experiments.", synopsisSubcommandLabel = "COMMAND")
final class ExperimentsCommand {
    private final CliContext ctx;

    @ParentCommand
    MlflowCommand mlflow;

    ExperimentsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Command(name = "list", description = {"List experiments, page by page as the server sends them.",
            "With --json: a JSON array of experiments in MLflow's field names."})
    int list(@Option(names = "--filter", paramLabel = "FILTER",
                     description = "MLflow search filter, e.g. \"name LIKE 'churn%'\" or \"tags.team = 'ds'\".") String filter,
             @Option(names = "--order-by", paramLabel = "CLAUSE",
                     description = "Order clause, e.g. \"name ASC\" or \"last_update_time DESC\" (repeatable).") List<String> orderBy,
             @Option(names = "--view", paramLabel = "VIEW", converter = ViewTypeConverter.class,
                     description = "active (default), deleted or all.") ViewType view,
             @Option(names = "--max-results", paramLabel = "N", description = "Show at most N experiments.") Integer maxResults) {
        Output.checkMax(maxResults);
        SearchExperiments.Builder search = SearchExperiments.builder()
                .filter(filter)
                .viewType(view == null ? ViewType.ACTIVE_ONLY : view)
                .pageSize(Output.pageSize(maxResults, SearchExperiments.DEFAULT_PAGE_SIZE));
        if (orderBy != null) {
            orderBy.forEach(search::orderBy);
        }
        try (MlflowClient client = mlflow.client()) {
            Output.list(ctx, client.experiments().search(search.build()), maxResults, List.of(
                    Table.Column.<Experiment>of("ID", Experiment::experimentId),
                    Table.Column.<Experiment>of("NAME", 60, Experiment::name),
                    Table.Column.<Experiment>of("STAGE", e -> lower(e.lifecycleStage())),
                    Table.Column.<Experiment>of("CREATED", e -> Output.time(e.creationTime())),
                    Table.Column.<Experiment>of("ARTIFACT LOCATION", 80, Experiment::artifactLocation)),
                    "no experiments", "experiments");
        }
        return ExitCodes.OK;
    }

    @Command(name = "create", description = {"Create an experiment and show it.",
            "With --json: the experiment in MLflow's field names."})
    int create(@Parameters(paramLabel = "NAME", description = "The experiment's name.") String name,
               @Option(names = "--artifact-location", paramLabel = "URI",
                       description = "Where its runs' artifacts go (default: the server's).") String artifactLocation,
               @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A tag (repeatable).") Map<String, String> tags) {
        List<Tag> tagList = new ArrayList<>();
        if (tags != null) {
            tags.forEach((k, v) -> tagList.add(Tag.of(k, v)));
        }
        try (MlflowClient client = mlflow.client()) {
            String id = client.experiments().create(name, artifactLocation, tagList);
            Experiment experiment = client.experiments().get(id);
            if (ctx.json()) {
                ctx.printJson(experiment);
            } else {
                ctx.out().println("Created experiment " + id + " '" + Table.clean(name) + "'");
                ctx.out().println();
                print(ctx.out(), experiment);
                ctx.out().flush();
            }
        }
        return ExitCodes.OK;
    }

    @Command(name = "get", description = {"Show an experiment.", "With --json: the experiment in MLflow's field names."})
    int get(@Parameters(paramLabel = "NAME_OR_ID", description = "The experiment's id or name.") String nameOrId) {
        try (MlflowClient client = mlflow.client()) {
            Experiment experiment = client.experiments().getByIdOrName(nameOrId);
            if (ctx.json()) {
                ctx.printJson(experiment);
            } else {
                print(ctx.out(), experiment);
                ctx.out().flush();
            }
        }
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, Experiment e) {
        Output.row(out, "id", e.experimentId());
        Output.row(out, "name", e.name());
        Output.row(out, "stage", lower(e.lifecycleStage()));
        Output.row(out, "artifact location", e.artifactLocation());
        Output.row(out, "created", Output.time(e.creationTime()));
        Output.row(out, "last updated", Output.time(e.lastUpdateTime()));
        out.println("tags (" + e.tags().size() + ")");
        for (Tag t : e.tags()) {
            Output.row(out, "  " + t.key(), t.value());
        }
    }

    static String lower(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
