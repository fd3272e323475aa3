package io.dataops4j.cli;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.error.DeserializationException;
import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.error.PollTimeoutException;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.error.TransportException;
import io.dataops4j.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs the {@code dataops4j} command in-process. Errors become one line on standard error (a JSON document with
 * {@code --json}; the stack trace only with {@code --verbose}; never a secret) and an exit code:
 * 0 ok, 1 failed operation, 2 bad usage or input ({@link ExitCodes}).
 *
 * <pre>{@code
 * int code = Cli.run(CliContext.system(), "--json", "doctor");
 * }</pre>
 */
public final class Cli {
    private Cli() {
    }

    /** Parses the arguments, runs the command they name, and returns the exit code. */
    public static int run(CliContext ctx, String... args) {
        try {
            return commandLine(ctx).execute(args);
        } finally {
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    /** The command line with every command of {@link Subcommands} and the error handling in place. */
    public static CommandLine commandLine(CliContext ctx) {
        CliFactory factory = new CliFactory(ctx);
        CommandLine cl = new CommandLine(new DataOps4jCommand(ctx), factory);
        for (Class<?> command : Subcommands.ALL) {
            try {
                cl.addSubcommand(factory.create(command));
            } catch (Exception e) {
                throw new IllegalStateException("cannot create command " + command.getName(), e);
            }
        }
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setExecutionStrategy(parseResult -> {
            Logging.apply(ctx.verbose());
            Logger log = LoggerFactory.getLogger(Cli.class);
            if (log.isDebugEnabled()) {
                VersionInfo v = VersionInfo.current();
                log.debug("dataops4j {} on Java {} ({}), {} {}; command: {}", v.dataops4j(), v.java(), v.javaVendor(), v.os(),
                        v.osArch(), commandPath(parseResult));
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setParameterExceptionHandler((ex, args) -> usageError(ctx, ex, args));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(ctx, ex));
        return cl;
    }

    private static String commandPath(CommandLine.ParseResult parseResult) {
        List<String> names = new java.util.ArrayList<>();
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            names.add(p.commandSpec().name());
        }
        return String.join(" ", names);
    }

    private static int usageError(CliContext ctx, ParameterException ex, String[] args) {
        boolean json = ctx.json() || Arrays.asList(args).contains("--json");
        String message = Redactor.text(oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + String.join(" or ", suggestions.stream().map(s -> "'" + s + "'").toList()) + "?";
            }
        }
        if (json) {
            printJson(ctx, new ErrorReport("usage", message, ExitCodes.USAGE, null, null, null, null, null));
        } else {
            CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
            if (spec.helpCommand() && spec.parent() != null) {
                spec = spec.parent();
            }
            String help = spec.qualifiedName() + " --help";
            ctx.err().println("dataops4j: " + message + " (see '" + help + "')");
        }
        ctx.err().flush();
        return ExitCodes.USAGE;
    }

    private static int failure(CliContext ctx, Exception ex) {
        int code = exitCode(ex);
        String kind = kind(ex);
        String message = Redactor.text(message(ex, kind));
        String trace = ctx.verbose() ? Redactor.text(stackTrace(ex)) : null;
        if (ctx.json()) {
            ErrorReport report = ex instanceof ServiceException s
                    ? new ErrorReport(kind, message, code, s.service(), s.status(), s.errorCode(), s.requestId(), trace)
                    : new ErrorReport(kind, message, code, null, null, null, null, trace);
            printJson(ctx, report);
        } else {
            boolean hint = kind.equals("internal") && trace == null;
            ctx.err().println("dataops4j: " + message + (hint ? " (--verbose shows the stack trace)" : ""));
            if (trace != null) {
                ctx.err().print(trace);
            }
        }
        ctx.err().flush();
        return code;
    }

    /** 2 for bad input or configuration, 1 for every other failure. */
    static int exitCode(Throwable ex) {
        return ex instanceof ConfigurationException || ex instanceof IllegalArgumentException
                ? ExitCodes.USAGE : ExitCodes.FAILED;
    }

    private static String kind(Throwable ex) {
        if (ex instanceof ConfigurationException) {
            return "configuration";
        } else if (ex instanceof IllegalArgumentException) {
            return "input";
        } else if (ex instanceof ServiceException) {
            return "service";
        } else if (ex instanceof TransportException) {
            return "transport";
        } else if (ex instanceof PollTimeoutException) {
            return "timeout";
        } else if (ex instanceof OperationFailedException) {
            return "operation";
        } else if (ex instanceof DeserializationException) {
            return "deserialization";
        } else if (ex instanceof DataOpsException) {
            return "failed";
        }
        return "internal";
    }

    private static String message(Throwable ex, String kind) {
        String text = ex.getMessage() == null || ex.getMessage().isBlank() ? ex.getClass().getSimpleName() : oneLine(ex.getMessage());
        if (ex instanceof TransportException && ex.getCause() != null && ex.getCause().getMessage() != null
                && !text.contains(ex.getCause().getMessage())) {
            text += ": " + oneLine(ex.getCause().getMessage());
        }
        if (kind.equals("internal")) {
            text = "internal error: " + ex.getClass().getName() + (ex.getMessage() == null ? "" : ": " + text);
        }
        return text;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String stackTrace(Throwable ex) {
        StringWriter sw = new StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    private static void printJson(CliContext ctx, ErrorReport report) {
        ctx.err().println(Json.shared().toJson(new ErrorReport.Document(report)));
    }
}
