package io.dataops4j.testkit.internal;

import io.dataops4j.core.error.DataOpsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Child processes of the testkit: run to completion, stop a whole process tree, read a log's tail. */
public final class Processes {
    private Processes() {
    }

    /** True on Windows, where a virtualenv keeps its programs in {@code Scripts\} instead of {@code bin/}. */
    public static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    /**
     * Runs a command to completion with its output (stdout and stderr) appended to {@code log}.
     *
     * @return the exit code
     * @throws DataOpsException when the command cannot start or runs longer than {@code timeout} (it is then killed)
     */
    public static int run(List<String> command, Map<String, String> env, Path log, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(env);
        appendLine(log, "$ " + String.join(" ", command));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DataOpsException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                destroyTree(process.toHandle(), Duration.ofSeconds(5));
                throw new DataOpsException("'" + String.join(" ", command) + "' did not finish within " + timeout
                        + "; last lines of " + log + ":\n" + tail(log, 30));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            destroyTree(process.toHandle(), Duration.ofSeconds(5));
            Thread.currentThread().interrupt();
            throw new DataOpsException("interrupted while running " + command.get(0), e);
        }
    }

    /**
     * Stops a process and every descendant it has: a polite termination first (SIGTERM on Unix), then a forced kill
     * of whatever is still alive after {@code grace}. The descendants are listed before the root is signalled, since
     * once a parent is gone its children are re-parented and no longer found through it.
     */
    public static void destroyTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().collect(Collectors.toList()));
        all.add(root);
        // children first, so that a supervising parent does not respawn them
        for (int i = 0; i < all.size(); i++) {
            all.get(i).destroy();
        }
        awaitExit(all, grace);
        List<ProcessHandle> left = new ArrayList<>();
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                // a straggler may have spawned processes of its own in the meantime
                handle.descendants().forEach(left::add);
                left.add(handle);
            }
        }
        if (!left.isEmpty()) {
            left.forEach(ProcessHandle::destroyForcibly);
            awaitExit(left, Duration.ofSeconds(10));
        }
    }

    private static void awaitExit(List<ProcessHandle> handles, Duration timeout) {
        CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the caller checks who is still alive
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of a text file, or a note saying it cannot be read. Bad UTF-8 is replaced. */
    public static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(" + file + " does not exist)";
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            List<String> all = Arrays.asList(text.split("\\R"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Appends one line to a log file, creating it when needed. */
    public static void appendLine(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
    }

    /** Deletes a file tree, best effort; returns false when something could not be deleted. */
    public static boolean deleteTree(Path root) {
        if (!Files.exists(root)) {
            return true;
        }
        boolean ok = true;
        try (var paths = Files.walk(root)) {
            List<Path> sorted = paths.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList());
            for (Path path : sorted) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    ok = false;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            ok = false;
        }
        return ok;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(isWindows() ? "NUL" : "/dev/null");
    }
}
