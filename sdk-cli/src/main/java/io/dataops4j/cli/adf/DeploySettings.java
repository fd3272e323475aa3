package io.dataops4j.cli.adf;

import io.dataops4j.adf.deploy.AdfDeployment;
import io.dataops4j.adf.deploy.PublishOptions;
import io.dataops4j.adf.deploy.StateStore;
import io.dataops4j.adf.deploy.TriggerStartMethod;
import io.dataops4j.adf.deploy.TriggerStopMethod;
import io.dataops4j.cli.CliContext;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.auth.EntraIdCredential;
import io.dataops4j.core.error.ConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The source, the stage and azure.datafactory.tools' publish options, as {@code plan} and {@code deploy} take them. */
final class DeploySettings {
    @Option(names = "--root", paramLabel = "DIR", required = true, description = "The factory's folder (ADF Git layout).")
    Path root;

    @Option(names = "--stage", paramLabel = "STAGE",
            description = "Stage config applied first: a name (DIR/deployment/config-STAGE.csv) or a .csv/.json file.")
    String stage;

    @Option(names = "--filter", paramLabel = "FILE",
            description = "Rules file: +rule or rule includes, -rule excludes; one per line or comma-separated.")
    Path filter;

    @Option(names = "--include", paramLabel = "RULE", description = "Deploy only matches of type.name[@folder] (wildcards * ? [a-z]); repeatable.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "RULE", description = "Do not deploy matches of type.name[@folder]; repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--delete-not-in-source", description = "Delete target objects that are not in the source (in reverse dependency order).")
    boolean deleteNotInSource;

    @Option(names = "--delete-excluded", description = "With --delete-not-in-source, delete excluded objects too (DoNotDeleteExcludedObjects off).")
    boolean deleteExcluded;

    @Option(names = "--trigger-stop", paramLabel = "METHOD", defaultValue = "all-enabled", converter = StopMethod.class,
            description = "Triggers stopped before: all-enabled (every started trigger) or deployable-only (those changed or deleted). "
                    + "Default: ${DEFAULT-VALUE}")
    TriggerStopMethod triggerStop;

    @Option(names = "--trigger-start", paramLabel = "METHOD", defaultValue = "source", converter = StartMethod.class,
            description = "Triggers started after: source (runtimeState Started in the source, after the stage config) or "
                    + "keep-previous (those started before). Default: ${DEFAULT-VALUE}")
    TriggerStartMethod triggerStart;

    @Option(names = "--no-stop-start-triggers", description = "Neither stop nor start triggers (a started trigger that changes is then an error).")
    boolean noStopStartTriggers;

    @Option(names = "--do-not-stop-start-excluded-triggers", description = "Leave excluded triggers as they are.")
    boolean doNotStopStartExcludedTriggers;

    @Option(names = "--no-global-params", description = "Do not deploy global parameters.")
    boolean noGlobalParams;

    @Option(names = "--ignore-missing-references", description = "A reference to an object found nowhere is a warning, not an error.")
    boolean ignoreMissingReferences;

    @Option(names = "--lenient-config", description = "Config rows naming no object and paths not found are warnings, not errors.")
    boolean lenientConfig;

    @Option(names = "--incremental", paramLabel = "STATE",
            description = {"Skip objects unchanged since the last deployment recorded in STATE: a file, a folder "
                    + "(FOLDER/FACTORY.adftools_deployment_state.json), or an Azure Storage container, folder or blob URL "
                    + "(with a SAS, or Entra ID). env:VAR reads the location from an environment variable, keeping a SAS "
                    + "off the command line."})
    String incremental;

    @Option(names = "--storage-token-env", paramLabel = "VAR",
            description = "Name of an environment variable that holds an Azure Storage bearer token for an --incremental URL without a SAS.")
    String storageTokenEnv;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "8",
            description = "Most objects deployed at once within one dependency level. Default: ${DEFAULT-VALUE}")
    int parallelism;

    @Option(names = "--create-factory-in", paramLabel = "REGION", description = "Create the factory in this region when it does not exist.")
    String createFactoryIn;

    AdfDeployment deployment(CliContext ctx) {
        AdfDeployment d = AdfDeployment.fromFolder(root).environment(ctx.environment());
        if (stage != null && !stage.isBlank()) {
            d = d.stage(stage.strip());
        }
        PublishOptions.Builder o = PublishOptions.builder();
        if (filter != null) {
            o.filterFile(filter);
        }
        includes.forEach(o::include);
        excludes.forEach(o::exclude);
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1");
        }
        o.deleteNotInSource(deleteNotInSource)
                .doNotDeleteExcludedObjects(!deleteExcluded)
                .triggerStop(triggerStop)
                .triggerStart(triggerStart)
                .stopStartTriggers(!noStopStartTriggers)
                .doNotStopStartExcludedTriggers(doNotStopStartExcludedTriggers)
                .deployGlobalParams(!noGlobalParams)
                .ignoreLackOfReferencedObject(ignoreMissingReferences)
                .failsWhenConfigItemNotFound(!lenientConfig)
                .failsWhenPathNotFound(!lenientConfig)
                .parallelism(parallelism)
                .createFactoryIn(createFactoryIn);
        if (incremental != null && !incremental.isBlank()) {
            o.incremental(stateStore(ctx));
        }
        return d.options(o.build());
    }

    private StateStore stateStore(CliContext ctx) {
        String location = incremental.strip();
        if (location.startsWith("env:")) {
            String variable = location.substring(4);
            location = ctx.environment().get(variable);
            if (location == null || location.isBlank()) {
                throw new ConfigurationException("--incremental env:" + variable + ": the environment variable is not set");
            }
        }
        return StateStore.of(location, () -> {
            Credential c = AdfConnection.bearerFromEnv(ctx, "--storage-token-env", storageTokenEnv);
            return c != null ? c : EntraIdCredential.defaultAzure(StateStore.STORAGE_SCOPE);
        });
    }

    /** {@code all-enabled} / {@code deployable-only} (the tool's names, any case, also accepted). */
    static final class StopMethod implements ITypeConverter<TriggerStopMethod> {
        @Override
        public TriggerStopMethod convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT).replace("_", "-")) {
                case "all-enabled", "allenabled" -> TriggerStopMethod.ALL_ENABLED;
                case "deployable-only", "deployableonly" -> TriggerStopMethod.DEPLOYABLE_ONLY;
                default -> throw new TypeConversionException("expected all-enabled or deployable-only, but was '" + value + "'");
            };
        }
    }

    /** {@code source} / {@code keep-previous} (the tool's names, any case, also accepted). */
    static final class StartMethod implements ITypeConverter<TriggerStartMethod> {
        @Override
        public TriggerStartMethod convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT).replace("_", "-")) {
                case "source", "based-on-source-code", "basedonsourcecode" -> TriggerStartMethod.BASED_ON_SOURCE_CODE;
                case "keep-previous", "keep-previous-state", "keeppreviousstate" -> TriggerStartMethod.KEEP_PREVIOUS_STATE;
                default -> throw new TypeConversionException("expected source or keep-previous, but was '" + value + "'");
            };
        }
    }
}
