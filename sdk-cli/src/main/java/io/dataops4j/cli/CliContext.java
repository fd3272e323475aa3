package io.dataops4j.cli;

import io.dataops4j.core.config.Environment;
import io.dataops4j.core.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What a command sees of the world: environment variables, home directory, standard output and error, whether a
 * person watches a terminal, and the global options ({@code --json}, {@code --verbose}). Tests inject all of it.
 *
 * <pre>{@code
 * StringWriter out = new StringWriter();
 * CliContext ctx = CliContext.builder()
 *     .environment(Environment.of(Map.of("DATABRICKS_HOST", "https://adb-1.azuredatabricks.net")))
 *     .home(tempDir)
 *     .out(new PrintWriter(out, true))
 *     .build();
 * int code = Cli.run(ctx, "--json", "doctor");
 * }</pre>
 */
public final class CliContext {
    private final Environment env;
    private final Path home;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private volatile boolean json;
    private volatile boolean verbose;

    private CliContext(Builder b) {
        this.env = b.env;
        this.home = b.home;
        this.out = b.out;
        this.err = b.err;
        this.terminal = b.terminal;
        this.nanoTime = b.nanoTime;
        this.json = b.json;
        this.verbose = b.verbose;
    }

    /** The real process: system environment, {@code user.home}, System.out/err, a terminal when there is a console. */
    public static CliContext system() {
        return builder()
                .environment(Environment.system())
                .home(Path.of(System.getProperty("user.home")))
                .out(new PrintWriter(System.out, true))
                .err(new PrintWriter(System.err, true))
                .terminal(interactive())
                .build();
    }

    /** A console on Java 17; from Java 22 on, System.console() exists even when redirected: ask isTerminal(). */
    private static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Environment variables. */
    public Environment environment() {
        return env;
    }

    /** The user's home directory (where {@code .databrickscfg} is looked for). */
    public Path home() {
        return home;
    }

    /** Standard output: results only. */
    public PrintWriter out() {
        return out;
    }

    /** Standard error: progress, warnings, errors, logs. */
    public PrintWriter err() {
        return err;
    }

    /** Whether a person watches a terminal (then progress is drawn as a bar, unless {@code --json}). */
    public boolean terminal() {
        return terminal;
    }

    /** A monotonic clock in nanoseconds, for throttling progress output. */
    public LongSupplier nanoTime() {
        return nanoTime;
    }

    /** Whether {@code --json} was given: one JSON document on stdout, errors and progress as JSON on stderr. */
    public boolean json() {
        return json;
    }

    /** Whether {@code --verbose} was given: DEBUG logs of dataops4j and stack traces on stderr. */
    public boolean verbose() {
        return verbose;
    }

    void json(boolean json) {
        this.json = json;
    }

    void verbose(boolean verbose) {
        this.verbose = verbose;
    }

    /** Prints one JSON document on standard output. */
    public void printJson(Object document) {
        out.println(Json.shared().toPrettyJson(document));
        out.flush();
    }

    /** Builds a {@link CliContext}; every part defaults to a harmless stand-in (empty environment, no output). */
    public static final class Builder {
        private Environment env = name -> null;
        private Path home = Path.of(System.getProperty("user.home"));
        private PrintWriter out = new PrintWriter(java.io.Writer.nullWriter());
        private PrintWriter err = new PrintWriter(java.io.Writer.nullWriter());
        private boolean terminal;
        private LongSupplier nanoTime = System::nanoTime;
        private boolean json;
        private boolean verbose;

        private Builder() {
        }

        public Builder environment(Environment env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        public Builder out(PrintWriter out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        public Builder err(PrintWriter err) {
            this.err = Objects.requireNonNull(err, "err");
            return this;
        }

        /** Whether standard error goes to a person's terminal. */
        public Builder terminal(boolean terminal) {
            this.terminal = terminal;
            return this;
        }

        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /** {@code --json} from the start (the option can also turn it on). */
        public Builder json(boolean json) {
            this.json = json;
            return this;
        }

        /** {@code --verbose} from the start (the option can also turn it on). */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        public CliContext build() {
            return new CliContext(this);
        }
    }
}
