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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** Option names whose value is a secret (case-insensitive, anywhere in the name). */
    private static final Pattern SENSITIVE_OPTION = Pattern.compile("secret|token|password|pat|key|sig", Pattern.CASE_INSENSITIVE);
    /** Values shorter than this are masked only where picocli quotes them, so that "index 1" stays readable. */
    private static final int MASK_ANYWHERE = 4;

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
        String message = oneLine(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + String.join(" or ", suggestions.stream().map(s -> "'" + s + "'").toList()) + "?";
            }
        }
        message = Redactor.text(maskSensitiveValues(message, ex, args));
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

    /**
     * Masks what picocli repeats of a secret typed on the command line: the value after an option this command does
     * not know whose name holds {@link #SENSITIVE_OPTION} ({@code --secret whsec_...}), and the value of any such
     * option given as {@code --name=value}. The option's name stays, so the message still says what was wrong.
     */
    static String maskSensitiveValues(String message, ParameterException ex, String[] args) {
        CommandLine.Model.CommandSpec spec = ex.getCommandLine() == null ? null : ex.getCommandLine().getCommandSpec();
        String masked = message;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.length() < 2 || arg.charAt(0) != '-' || arg.equals("--")) {
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!SENSITIVE_OPTION.matcher(name).find()) {
                continue;
            }
            if (eq >= 0) {
                masked = mask(masked, arg.substring(eq + 1));
            } else if (i + 1 < args.length && (spec == null || spec.findOption(name) == null)) {
                masked = mask(masked, args[i + 1]);
            }
        }
        return masked;
    }

    private static String mask(String message, String value) {
        if (value.isEmpty()) {
            return message;
        }
        if (value.length() >= MASK_ANYWHERE) {
            return message.replace(value, Redactor.MASK);
        }
        // picocli quotes each argument it repeats: 'v' alone, or '--name=v'
        return message.replaceAll("(?<=['=])" + Pattern.quote(value) + "(?=')", Matcher.quoteReplacement(Redactor.MASK));
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
