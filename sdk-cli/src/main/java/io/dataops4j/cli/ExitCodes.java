package io.dataops4j.cli;

/**
 * The exit codes of every {@code dataops4j} command.
 *
 * <pre>{@code
 * int code = Cli.run(CliContext.system(), "doctor");
 * if (code == ExitCodes.USAGE) { ... }
 * }</pre>
 */
public final class ExitCodes {
    /** The command did what it was asked. */
    public static final int OK = 0;
    /** An operation failed: a service answered with an error, the network failed, a long-running job failed. */
    public static final int FAILED = 1;
    /** Bad usage or input: unknown command or option, invalid value, missing or invalid configuration. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
