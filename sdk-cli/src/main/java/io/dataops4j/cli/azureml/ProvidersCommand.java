package io.dataops4j.cli.azureml;

import io.dataops4j.azureml.AzureMlClient;
import io.dataops4j.azureml.Provider;
import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dataops4j azureml providers register --namespace NS...}: resource providers of the subscription. */
@Command(name = "providers", description = "Resource providers of the subscription.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {ProvidersCommand.RegisterCommand.class})
public final class ProvidersCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    ProvidersCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.json()) {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand of 'providers'");
        }
        spec.commandLine().usage(ctx.err());
        ctx.err().flush();
        return ExitCodes.USAGE;
    }

    /** {@code providers register}. */
    @Command(name = "register", description = {"Register resource providers and wait until they are Registered;",
        "those already registered are left alone (for an AKS attach: Microsoft.ContainerService,",
        "Microsoft.KubernetesConfiguration, Microsoft.MachineLearningServices; Microsoft.Kubernetes for Arc clusters)."})
    static final class RegisterCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Mixin
        AzureMlConnection connection;

        @Option(names = "--namespace", paramLabel = "NS", required = true, arity = "1..*", description = "Provider namespaces.")
        List<String> namespaces;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15m", converter = PollDurations.class,
                description = "How long to wait for each. Default: ${DEFAULT-VALUE}")
        Duration timeout;

        RegisterCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        /** One provider's result. */
        public record Result(String namespace, String registrationState, boolean changed) {
        }

        @Override
        public Integer call() {
            AzureMlClient aml = connection.client(ctx);
            List<Result> results = new ArrayList<>();
            try (Progress progress = Progress.forContext(ctx)) {
                int i = 0;
                for (String ns : namespaces) {
                    progress.progress(i, namespaces.size(), ns);
                    boolean before = aml.providers().get(ns).registered();
                    Provider p = aml.providers().register(ns).waitForCompletion(timeout);
                    results.add(new Result(p.namespace(), p.registrationState(), !before));
                    progress.progress(++i, namespaces.size(), ns + " " + p.registrationState());
                }
            }
            if (ctx.json()) {
                ctx.printJson(java.util.Map.of("providers", results));
            } else {
                results.forEach(r -> ctx.out().println(r.namespace() + " " + r.registrationState()
                        + (r.changed() ? " (registered now)" : " (already)")));
            }
            return ExitCodes.OK;
        }
    }
}
