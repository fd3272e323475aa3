package io.dataops4j.cli;

import io.dataops4j.core.config.Environment;
import io.dataops4j.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the command in-process with captured output, an injected environment and home directory. */
public final class CliHarness {
    private final Map<String, String> env = new HashMap<>();
    private Path home;
    private boolean terminal;

    private CliHarness(Path home) {
        this.home = home;
    }

    public static CliHarness in(Path home) {
        return new CliHarness(home);
    }

    public CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliHarness env(Map<String, String> vars) {
        env.putAll(vars);
        return this;
    }

    public CliHarness terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    public CliHarness home(Path home) {
        this.home = home;
        return this;
    }

    public Result run(String... args) {
        return run(cl -> { }, args);
    }

    /** Runs with a hook that may add test commands to the command line first. */
    public Result run(Consumer<CommandLine> customize, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = CliContext.builder()
                .environment(Environment.of(env))
                .home(home)
                .out(new PrintWriter(out, true))
                .err(new PrintWriter(err, true))
                .terminal(terminal)
                .build();
        CommandLine cl = Cli.commandLine(ctx);
        customize.accept(cl);
        int code = cl.execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return new Result(code, out.toString(), err.toString());
    }

    /** What a run printed and returned. */
    public record Result(int code, String out, String err) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return (Map<String, Object>) Json.shared().parseValue(out);
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> errJson() {
            return (Map<String, Object>) Json.shared().parseValue(err.strip());
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
