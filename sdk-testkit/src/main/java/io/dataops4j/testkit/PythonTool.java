package io.dataops4j.testkit;

import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.testkit.internal.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pinned Python command-line tool, installed on first use into a virtualenv of its own under the dataops4j cache
 * ({@code ${DATAOPS4J_CACHE:-~/.cache/dataops4j}/<name>-<version>/}) and reused by every later run.
 *
 * <p>Installing is safe when several threads or JVMs ask at once: a file lock beside the virtualenv serialises them,
 * and a marker file written only after a successful {@code pip install} (and optional verification) tells a complete
 * install from a half one, which is installed again. A changed specification (requirements, constraints, check) also
 * installs again, into the same virtualenv. The virtualenv is made with {@code python3 -m venv}, or with the
 * interpreter named by {@code DATAOPS4J_PYTHON}.
 *
 * <pre>{@code
 * PythonTool exim = PythonTool.builder("mlflow-export-import", "1.2.0")
 *     .requirement("mlflow-export-import==1.2.0")
 *     .requirement("mlflow-skinny==3.8.1")
 *     .constraint("sqlalchemy<2.1")
 *     .verify("import mlflow_export_import")
 *     .build();
 * Path exportExperiment = exim.executable("export-experiment");   // installs the first time only
 * }</pre>
 */
public final class PythonTool {
    /** Environment variable naming the cache root; {@code ~/.cache/dataops4j} when unset. */
    public static final String CACHE_ENV = "DATAOPS4J_CACHE";
    /** Environment variable naming the Python interpreter that makes virtualenvs; {@code python3} when unset. */
    public static final String PYTHON_ENV = "DATAOPS4J_PYTHON";
    /** The name of the marker file written inside a virtualenv once its install has succeeded. */
    public static final String MARKER_FILE = ".dataops4j-installed";

    private static final Logger LOG = LoggerFactory.getLogger(PythonTool.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private final String name;
    private final String version;
    private final List<String> requirements;
    private final List<String> constraints;
    private final List<String> pipArgs;
    private final String verifyScript;
    private final Path cacheRoot;
    private final String basePython;
    private final Duration installTimeout;

    private PythonTool(Builder b) {
        this.name = b.name;
        this.version = b.version;
        this.requirements = List.copyOf(b.requirements);
        this.constraints = List.copyOf(b.constraints);
        this.pipArgs = List.copyOf(b.pipArgs);
        this.verifyScript = b.verifyScript;
        this.cacheRoot = (b.cacheRoot != null ? b.cacheRoot : defaultCacheRoot()).toAbsolutePath().normalize();
        this.basePython = b.python != null ? b.python : defaultPython();
        this.installTimeout = b.installTimeout;
    }

    /**
     * Starts a tool specification. The virtualenv lives in {@code <cache root>/<name>-<version>}.
     *
     * @param name a file-name-safe name such as {@code mlflow} or {@code mlflow-export-import}
     * @param version the version the virtualenv is pinned to, part of its directory name
     */
    public static Builder builder(String name, String version) {
        return new Builder(name, version);
    }

    /** The cache root: {@code $DATAOPS4J_CACHE} when set, otherwise {@code ~/.cache/dataops4j}. */
    public static Path defaultCacheRoot() {
        String env = System.getenv(CACHE_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env.trim()).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "dataops4j");
    }

    private static String defaultPython() {
        String env = System.getenv(PYTHON_ENV);
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        return Processes.isWindows() ? "python" : "python3";
    }

    /** The tool's name. */
    public String name() {
        return name;
    }

    /** The pinned version. */
    public String version() {
        return version;
    }

    /** The virtualenv directory, {@code <cache root>/<name>-<version>}; it may not exist yet. */
    public Path home() {
        return cacheRoot.resolve(name + "-" + version);
    }

    /** The file where installs of this tool append the output of {@code venv} and {@code pip}. */
    public Path installLog() {
        return cacheRoot.resolve(name + "-" + version + ".install.log");
    }

    /** The virtualenv's own Python interpreter (it may not exist yet). */
    public Path python() {
        return Processes.isWindows() ? home().resolve("Scripts").resolve("python.exe") : home().resolve("bin").resolve("python");
    }

    /** True when a complete install of exactly this specification is present. */
    public boolean isInstalled() {
        Path marker = home().resolve(MARKER_FILE);
        try {
            return Files.isRegularFile(marker) && Files.exists(python())
                    && Files.readString(marker, StandardCharsets.UTF_8).equals(specification());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes sure the tool is installed, installing it when it is not (this can take minutes and needs the package
     * index), and returns the virtualenv directory.
     *
     * @throws DataOpsException when the virtualenv cannot be made, {@code pip install} fails or the verification
     *     fails; the message ends with the tail of {@link #installLog()}
     */
    public Path install() {
        if (isInstalled()) {
            return home();
        }
        Path lockFile = cacheRoot.resolve(name + "-" + version + ".lock");
        Object jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, k -> new Object());
        synchronized (jvmLock) {
            try {
                Files.createDirectories(cacheRoot);
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    FileLock lock = channel.lock();   // blocks while another JVM installs
                    try {
                        if (!isInstalled()) {
                            installLocked();
                        }
                    } finally {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot install " + name + " " + version + " into " + home(), e);
            }
        }
        return home();
    }

    /**
     * The path of a program the tool installed into the virtualenv ({@code bin/<command>}, or
     * {@code Scripts\<command>.exe} on Windows), installing the tool first when needed.
     *
     * @throws DataOpsException when the install does not provide that program
     */
    public Path executable(String command) {
        install();
        Path bin = Processes.isWindows() ? home().resolve("Scripts").resolve(command + ".exe") : home().resolve("bin").resolve(command);
        if (!Files.exists(bin)) {
            throw new DataOpsException("the " + name + " " + version + " virtualenv at " + home() + " has no program '"
                    + command + "'");
        }
        return bin;
    }

    private void installLocked() throws IOException {
        Path home = home();
        Path log = installLog();
        long started = System.nanoTime();
        LOG.info("Installing {} {} into {} (first use only; this can take a few minutes); output goes to {}",
                name, version, home, log);
        Processes.appendLine(log, "=== " + java.time.Instant.now() + " installing " + name + " " + version + " into " + home);
        Files.deleteIfExists(home.resolve(MARKER_FILE));
        Map<String, String> env = Map.of(
                "PIP_DISABLE_PIP_VERSION_CHECK", "1",
                "PIP_NO_INPUT", "1",
                "PYTHONNOUSERSITE", "1");
        if (!pythonWorks(env, log)) {
            if (Files.exists(home)) {
                LOG.info("Re-creating the unusable virtualenv {}", home);
                if (!Processes.deleteTree(home)) {
                    throw new DataOpsException("cannot delete the broken virtualenv " + home + "; delete it by hand");
                }
            }
            check(Processes.run(List.of(basePython, "-m", "venv", home.toString()), env, log, installTimeout),
                    "'" + basePython + " -m venv' failed (set " + PYTHON_ENV + " to a Python 3.10+ interpreter with the venv module)");
        }
        List<String> pip = new ArrayList<>(List.of(python().toString(), "-m", "pip", "install"));
        pip.addAll(pipArgs);
        pip.addAll(requirements);
        if (!constraints.isEmpty()) {
            Path constraintsFile = home.resolve("dataops4j-constraints.txt");
            Files.writeString(constraintsFile, String.join("\n", constraints) + "\n", StandardCharsets.UTF_8);
            pip.add("--constraint");
            pip.add(constraintsFile.toString());
        }
        check(Processes.run(pip, env, log, installTimeout), "pip install " + String.join(" ", requirements) + " failed");
        if (verifyScript != null) {
            check(Processes.run(List.of(python().toString(), "-c", verifyScript), env, log, Duration.ofMinutes(2)),
                    "the installed " + name + " " + version + " failed its check");
        }
        Path tmp = home.resolve(MARKER_FILE + ".tmp");
        Files.writeString(tmp, specification(), StandardCharsets.UTF_8);
        Files.move(tmp, home.resolve(MARKER_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Installed {} {} into {} in {} s", name, version, home, (System.nanoTime() - started) / 1_000_000_000L);
    }

    private boolean pythonWorks(Map<String, String> env, Path log) {
        if (!Files.exists(python())) {
            return false;
        }
        try {
            return Processes.run(List.of(python().toString(), "-c", "import sys, venv"), env, log, Duration.ofMinutes(1)) == 0;
        } catch (DataOpsException e) {
            return false;
        }
    }

    private void check(int exitCode, String what) {
        if (exitCode != 0) {
            throw new DataOpsException(what + " (exit code " + exitCode + "); last lines of " + installLog() + ":\n"
                    + Processes.tail(installLog(), 40));
        }
    }

    /** What the marker file records; a different text means "install again". */
    String specification() {
        StringBuilder sb = new StringBuilder("dataops4j python tool 1\n");
        sb.append("name ").append(name).append('\n').append("version ").append(version).append('\n');
        requirements.forEach(r -> sb.append("requirement ").append(r).append('\n'));
        constraints.forEach(c -> sb.append("constraint ").append(c).append('\n'));
        pipArgs.forEach(a -> sb.append("pip-arg ").append(a).append('\n'));
        if (verifyScript != null) {
            sb.append("verify ").append(verifyScript.replace('\n', ' ')).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "PythonTool[" + name + " " + version + " at " + home() + "]";
    }

    /** Builds a {@link PythonTool}. */
    public static final class Builder {
        private final String name;
        private final String version;
        private final List<String> requirements = new ArrayList<>();
        private final List<String> constraints = new ArrayList<>();
        private final List<String> pipArgs = new ArrayList<>();
        private String verifyScript;
        private Path cacheRoot;
        private String python;
        private Duration installTimeout = Duration.ofMinutes(20);

        private Builder(String name, String version) {
            this.name = requireSafe(name, "name");
            this.version = requireSafe(version, "version");
        }

        private static String requireSafe(String value, String what) {
            Objects.requireNonNull(value, what);
            if (!SAFE_NAME.matcher(value).matches()) {
                throw new IllegalArgumentException(what + " must match " + SAFE_NAME + ": " + value);
            }
            return value;
        }

        /** A pip requirement, such as {@code mlflow==3.8.1}; at least one is needed. Pin it exactly. */
        public Builder requirement(String requirement) {
            requirements.add(Objects.requireNonNull(requirement, "requirement"));
            return this;
        }

        /**
         * A pip constraint ({@code pip install --constraint}), for a dependency whose newest release breaks the
         * tool, such as {@code sqlalchemy<2.1}.
         */
        public Builder constraint(String constraint) {
            constraints.add(Objects.requireNonNull(constraint, "constraint"));
            return this;
        }

        /** An extra argument for {@code pip install}, such as {@code --only-binary=:all:}. */
        public Builder pipArg(String arg) {
            pipArgs.add(Objects.requireNonNull(arg, "arg"));
            return this;
        }

        /**
         * Python code run with the virtualenv's interpreter after {@code pip install}; a non-zero exit fails the
         * install, which then is not marked complete. Use it to import the modules the tool needs at run time.
         */
        public Builder verify(String pythonCode) {
            this.verifyScript = Objects.requireNonNull(pythonCode, "pythonCode");
            return this;
        }

        /** The cache root, instead of {@code $DATAOPS4J_CACHE} or {@code ~/.cache/dataops4j}. */
        public Builder cacheRoot(Path cacheRoot) {
            this.cacheRoot = Objects.requireNonNull(cacheRoot, "cacheRoot");
            return this;
        }

        /** The interpreter that makes the virtualenv, instead of {@code $DATAOPS4J_PYTHON} or {@code python3}. */
        public Builder python(String interpreter) {
            this.python = Objects.requireNonNull(interpreter, "interpreter");
            return this;
        }

        /** How long each install step may take; 20 minutes by default. */
        public Builder installTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("installTimeout must be positive: " + timeout);
            }
            this.installTimeout = timeout;
            return this;
        }

        /** Validates and builds; nothing is installed until {@link PythonTool#install()} or {@link PythonTool#executable}. */
        public PythonTool build() {
            if (requirements.isEmpty()) {
                throw new IllegalStateException("a PythonTool needs at least one requirement, such as \""
                        + name + "==" + version + "\"");
            }
            return new PythonTool(this);
        }
    }
}
