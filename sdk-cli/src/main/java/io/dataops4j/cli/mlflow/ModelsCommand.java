package io.dataops4j.cli.mlflow;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.core.json.Json;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.Tag;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.registry.RegisteredModelAlias;
import io.dataops4j.mlflow.registry.SearchModelVersions;
import io.dataops4j.mlflow.registry.SearchRegisteredModels;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dataops4j mlflow models list|get}: registered models of the model registry. */
@Command(name = "models", description = "List and show registered models.", synopsisSubcommandLabel = "COMMAND")
final class ModelsCommand {
    private final CliContext ctx;

    @ParentCommand
    MlflowCommand mlflow;

    ModelsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Command(name = "list", description = {"List registered models, page by page as the server sends them.",
            "With --json: a JSON array of registered models in MLflow's field names."})
    int list(@Option(names = "--filter", paramLabel = "FILTER",
                     description = "MLflow search filter, e.g. \"name LIKE 'churn%'\" or \"tags.team = 'ds'\".") String filter,
             @Option(names = "--order-by", paramLabel = "CLAUSE",
                     description = "Order clause, e.g. \"name ASC\" or \"last_updated_timestamp DESC\" (repeatable).")
             List<String> orderBy,
             @Option(names = "--max-results", paramLabel = "N", description = "Show at most N models.") Integer maxResults) {
        Output.checkMax(maxResults);
        SearchRegisteredModels search = new SearchRegisteredModels(filter, orderBy,
                Output.pageSize(maxResults, SearchRegisteredModels.DEFAULT_PAGE_SIZE));
        try (MlflowClient client = mlflow.client()) {
            Output.list(ctx, client.registeredModels().search(search), maxResults, List.of(
                    Table.Column.<RegisteredModel>of("NAME", 50, RegisteredModel::name),
                    Table.Column.<RegisteredModel>of("LATEST VERSIONS", 40, m -> latest(m.latestVersions())),
                    Table.Column.<RegisteredModel>of("ALIASES", 40, m -> aliases(m.aliases())),
                    Table.Column.<RegisteredModel>of("UPDATED", m -> Output.time(m.lastUpdatedTimestamp())),
                    Table.Column.<RegisteredModel>of("DESCRIPTION", 60, RegisteredModel::description)),
                    "no registered models", "models");
        }
        return ExitCodes.OK;
    }

    @Command(name = "get", description = {"Show a registered model and its versions (newest first).",
            "With --json: {\"registered_model\": {...}, \"model_versions\": [...]} in MLflow's field names."})
    int get(@Parameters(paramLabel = "NAME", description = "The registered model's name.") String name,
            @Option(names = "--max-results", paramLabel = "N", description = "Show at most N versions.") Integer maxResults) {
        Output.checkMax(maxResults);
        try (MlflowClient client = mlflow.client()) {
            RegisteredModel model = client.registeredModels().get(name);
            SearchModelVersions search = SearchModelVersions.ofModel(name).orderBy("version_number DESC")
                    .pageSize(Output.pageSize(maxResults, SearchModelVersions.DEFAULT_PAGE_SIZE));
            Iterable<ModelVersion> versions = client.modelVersions().search(search);
            PrintWriter out = ctx.out();
            if (ctx.json()) {
                Iterator<ModelVersion> it = versions.iterator();
                it.hasNext();   // the first page before anything is printed
                out.print("{\n  \"registered_model\": ");
                out.print(Output.indent(Json.shared().toPrettyJson(model), "  ").substring(2));
                out.print(",\n  \"model_versions\": ");
                Output.jsonArray(out, it, maxResults == null ? Long.MAX_VALUE : maxResults, "  ");
                out.println("\n}");
                out.flush();
                return ExitCodes.OK;
            }
            Output.row(out, "name", model.name());
            Output.row(out, "description", model.description());
            Output.row(out, "created", Output.time(model.creationTimestamp()));
            Output.row(out, "last updated", Output.time(model.lastUpdatedTimestamp()));
            Output.row(out, "user", model.userId());
            Output.row(out, "aliases", aliases(model.aliases()));
            Output.row(out, "latest versions", latest(model.latestVersions()));
            out.println("tags (" + model.tags().size() + ")");
            for (Tag t : model.tags()) {
                Output.row(out, "  " + t.key(), t.value());
            }
            out.println();
            out.println("versions");
            out.flush();
            Output.list(ctx, versions, maxResults, List.of(
                    Table.Column.<ModelVersion>right("VERSION", ModelVersion::version),
                    Table.Column.<ModelVersion>of("STATUS", v -> v.status() == null ? "" : v.status().name()),
                    Table.Column.<ModelVersion>of("STAGE", v -> v.currentStage() == null ? "" : v.currentStage().wireName()),
                    Table.Column.<ModelVersion>of("ALIASES", 30, v -> versionAliases(model, v)),
                    Table.Column.<ModelVersion>of("CREATED", v -> Output.time(v.creationTimestamp())),
                    Table.Column.<ModelVersion>of("RUN ID", v -> v.runId()),
                    Table.Column.<ModelVersion>of("SOURCE", 80, ModelVersion::source)),
                    "no versions", "versions");
        }
        return ExitCodes.OK;
    }

    /** The latest version of each stage, newest first: {@code 3, 2 (Production)}. */
    static String latest(List<ModelVersion> versions) {
        List<ModelVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing((ModelVersion v) -> number(v.version())).reversed());
        return sorted.stream()
                .map(v -> v.version() + (v.currentStage() == null || v.currentStage() == ModelStage.NONE ? ""
                        : " (" + v.currentStage().wireName() + ")"))
                .collect(Collectors.joining(", "));
    }

    /** A version's aliases: those it carries, else those the model maps to it (searches leave them out). */
    static String versionAliases(RegisteredModel model, ModelVersion version) {
        if (!version.aliases().isEmpty()) {
            return String.join(", ", version.aliases());
        }
        return model.aliases().stream().filter(a -> a.version().equals(version.version()))
                .map(RegisteredModelAlias::alias).collect(Collectors.joining(", "));
    }

    /** {@code champion=2, challenger=3}. */
    static String aliases(List<RegisteredModelAlias> aliases) {
        return aliases.stream().map(a -> a.alias() + "=" + a.version()).collect(Collectors.joining(", "));
    }

    private static long number(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
