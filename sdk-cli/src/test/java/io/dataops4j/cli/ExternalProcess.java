package io.dataops4j.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to its end for the integration tests (the notebook, the smoke script): standard output and error
 * merged into one text, standard input empty, a time limit after which the process and its children are killed.
 */
public final class ExternalProcess {
    private ExternalProcess() {
    }

    /** What a program printed and how it ended. */
    public record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- output\n" + output;
        }
    }

    /** The repository root: the system property {@code dataops4j.root} (set by the build), else the parent of the working directory. */
    public static Path repositoryRoot() {
        String root = System.getProperty("dataops4j.root");
        Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        return path.toAbsolutePath().normalize();
    }

    public static Result run(List<String> command, Path workDir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("dataops4j-it-", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(command + " did not end within " + timeout + "; output so far:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
