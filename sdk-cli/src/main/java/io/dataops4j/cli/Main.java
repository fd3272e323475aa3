package io.dataops4j.cli;

/**
 * The entry point of the {@code dataops4j} command ({@code java -jar dataops4j.jar ...}, or the {@code ./dataops4j}
 * launcher). Exits with 0 (ok), 1 (failed operation) or 2 (bad usage or input): see {@link ExitCodes}.
 *
 * <pre>{@code
 * $ ./dataops4j --json doctor
 * }</pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Logging.defaults();
        int code = Cli.run(CliContext.system(), args);
        System.exit(code);
    }
}
