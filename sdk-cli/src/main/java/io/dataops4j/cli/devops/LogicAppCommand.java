package io.dataops4j.cli.devops;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.core.Secret;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.json.Json;
import io.dataops4j.devops.logicapps.LogicAppTrigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dataops4j devops logicapp invoke}. */
@Command(name = "logicapp", description = "Logic App HTTP triggers.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {LogicAppCommand.InvokeCommand.class})
public final class LogicAppCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    LogicAppCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.json()) {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand of 'logicapp'");
        }
        spec.commandLine().usage(ctx.err());
        ctx.err().flush();
        return ExitCodes.USAGE;
    }

    /** {@code logicapp invoke}. */
    @Command(name = "invoke", description = {"POST a JSON body to a trigger's callback URL. The URL carries a signature (sig):",
        "it is read from an environment variable and never printed."})
    static final class InvokeCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--callback-url-env", paramLabel = "VAR", required = true, description = "Environment variable holding the callback URL.")
        String urlEnv;

        @Option(names = "--body-file", paramLabel = "FILE", required = true, description = "A JSON file to send.")
        Path bodyFile;

        InvokeCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            String url = ctx.environment().get(urlEnv);
            if (url == null || url.isBlank()) {
                throw new ConfigurationException("--callback-url-env " + urlEnv + ": the environment variable is not set");
            }
            Object body;
            try {
                body = Json.shared().parseValue(Files.readString(bodyFile));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + bodyFile, e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(bodyFile + " is not JSON: " + e.getMessage(), e);
            }
            int status = LogicAppTrigger.of(Secret.of(url.strip())).invoke(body);
            if (ctx.json()) {
                ctx.printJson(Map.of("status", status));
            } else {
                ctx.out().println("logic app answered " + status);
                ctx.out().flush();
            }
            return ExitCodes.OK;
        }
    }
}
