package io.dataops4j.testkit;

import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.testkit.internal.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MLflow tracking server ({@code mlflow server}, pinned to {@link #PINNED_VERSION}) running as a child process
 * on a free loopback port, with a sqlite store and proxied artifacts in a work directory of its own.
 *
 * <p>The server runs {@code mlflow server --backend-store-uri sqlite:////<work>/mlflow.db --serve-artifacts
 * --artifacts-destination <work>/artifacts --host 127.0.0.1 --port <free> --workers 1}, so runs get artifact URIs such
 * as {@code mlflow-artifacts:/1/<run_id>/artifacts}, served through {@code /api/2.0/mlflow-artifacts/}.
 * {@link Builder#start()} returns once {@code GET /health} and {@code GET /api/2.0/mlflow/experiments/search} both
 * answer 200; {@link #close()} stops the server with its child processes and deletes the temporary work directory.
 * Any number of servers can run at once, each with its own store (DEV and PROD for copy tests).
 *
 * <p>The {@code mlflow} program is {@code $DATAOPS4J_MLFLOW} when that is set (a path, or a bare name looked up on
 * the {@code PATH}); otherwise the pinned version is
 * installed on first use into {@code ${DATAOPS4J_CACHE:-~/.cache/dataops4j}/mlflow-3.8.1/} (see {@link PythonTool};
 * Python 3.10+ and the package index are needed once). An {@code mlflow} on the {@code PATH} is never used on its
 * own, since it may be another version.
 *
 * <p>Environment set for the server unless {@link Builder#env} overrides it ({@link #defaultEnvironment()}):
 * {@code MLFLOW_WEBHOOK_ALLOWED_SCHEMES=http,https} so that webhooks may target a plain-HTTP loopback receiver,
 * {@code MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS=true} for MLflow releases that block private addresses,
 * {@code MLFLOW_WEBHOOK_CACHE_TTL=0} so that a webhook created by a test is seen by the very next event (MLflow caches
 * the webhook list for 60 seconds otherwise), telemetry off, and unbuffered Python output.
 *
 * <pre>{@code
 * try (MlflowServer dev = MlflowServer.builder().name("dev").start();
 *      MlflowServer prod = MlflowServer.builder().name("prod").startupTimeout(Duration.ofMinutes(3)).start()) {
 *     String source = dev.trackingUri();        // "http://127.0.0.1:<port>", for the client under test
 *     String target = prod.trackingUri();
 *     Path log = dev.logFile();                 // the server's stdout and stderr
 * }
 *
 * MlflowServer shared = MlflowServer.shared();   // one per JVM, started on first use, stopped at exit
 * }</pre>
 *
 * <p>In JUnit 5 tests, {@link MlflowServerExtension} injects servers into test constructors and methods.
 */
public final class MlflowServer implements AutoCloseable {
    /** The MLflow release the testkit installs and tests against. */
    public static final String PINNED_VERSION = "3.8.1";
    /** Environment variable naming an {@code mlflow} executable to use instead of the pinned install. */
    public static final String EXECUTABLE_ENV = "DATAOPS4J_MLFLOW";
    /** How long {@link Builder#start()} waits for a healthy server unless told otherwise. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(MlflowServer.class);
    private static final String HOST = "127.0.0.1";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final Set<MlflowServer> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();
    private static final Object SHARED_LOCK = new Object();
    private static MlflowServer sharedServer;
    private static RuntimeException sharedFailure;

    private final String name;
    private final URI uri;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final Path logFile;
    private final Path databaseFile;
    private final Path artifactsDir;
    private final Process process;
    private final boolean shared;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private MlflowServer(String name, URI uri, Path workDir, boolean ownsWorkDir, Path logFile, Path databaseFile,
                         Path artifactsDir, Process process, boolean shared) {
        this.name = name;
        this.uri = uri;
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
        this.logFile = logFile;
        this.databaseFile = databaseFile;
        this.artifactsDir = artifactsDir;
        this.process = process;
        this.shared = shared;
    }

    /** Starts a server with the defaults; the same as {@code builder().start()}. */
    public static MlflowServer start() {
        return builder().start();
    }

    /** Starts describing a server. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The JVM-wide server named {@code shared}, started by the first call and stopped by a shutdown hook, so that a
     * test suite pays the start-up once. Its {@link #close()} does nothing. Tests that share it must not assume an
     * empty store: use unique experiment and model names. When it failed to start, every later call fails at once
     * with the first failure as cause.
     */
    public static MlflowServer shared() {
        synchronized (SHARED_LOCK) {
            if (sharedServer != null && sharedServer.isRunning()) {
                return sharedServer;
            }
            if (sharedFailure != null) {
                throw new DataOpsException("the shared MLflow server failed to start earlier: " + sharedFailure.getMessage(),
                        sharedFailure);
            }
            try {
                sharedServer = builder().name("shared").start(true);
                return sharedServer;
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
    }

    /**
     * The {@code mlflow} program servers are started with: {@code $DATAOPS4J_MLFLOW} when set, otherwise the pinned
     * version from the dataops4j cache, installed first when needed.
     */
    public static Path mlflowExecutable() {
        String env = System.getenv(EXECUTABLE_ENV);
        if (env != null && !env.isBlank()) {
            Path path = fromPathVariable(env.trim());
            if (!Files.isRegularFile(path)) {
                throw new DataOpsException(EXECUTABLE_ENV + " names " + path + ", which is not a file");
            }
            LOG.debug("Using the mlflow named by {}: {}", EXECUTABLE_ENV, path);
            return path;
        }
        return pinnedTool().executable("mlflow");
    }

    /** A bare program name ({@code mlflow}) is looked up on the PATH; anything else is a path. */
    private static Path fromPathVariable(String value) {
        if (value.contains("/") || value.contains("\\")) {
            return Path.of(value);
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
                for (String candidate : Processes.isWindows() ? List.of(value + ".exe", value) : List.of(value)) {
                    Path path = Path.of(dir.isEmpty() ? "." : dir, candidate);
                    if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                        return path;
                    }
                }
            }
        }
        return Path.of(value);
    }

    /**
     * The pinned MLflow install as a {@link PythonTool}: {@code mlflow==3.8.1} with {@code sqlalchemy<2.1} (MLflow
     * 3.8.1 imports {@code FallbackAsyncAdaptedQueuePool}, which SQLAlchemy 2.1 removed, and its own requirement
     * {@code sqlalchemy<3} lets pip pick 2.1), checked by importing the server and its sqlite stores.
     */
    public static PythonTool pinnedTool() {
        return PythonTool.builder("mlflow", PINNED_VERSION)
                .requirement("mlflow==" + PINNED_VERSION)
                .constraint("sqlalchemy<2.1")
                .verify("import mlflow, mlflow.server, mlflow.store.tracking.sqlalchemy_store, "
                        + "mlflow.store.model_registry.sqlalchemy_store\n"
                        + "assert mlflow.__version__ == '" + PINNED_VERSION + "', mlflow.__version__")
                .build();
    }

    /** The environment the testkit gives every server before {@link Builder#env} entries are applied. */
    public static Map<String, String> defaultEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MLFLOW_WEBHOOK_ALLOWED_SCHEMES", "http,https");
        env.put("MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS", "true");
        env.put("MLFLOW_WEBHOOK_CACHE_TTL", "0");
        env.put("MLFLOW_DISABLE_TELEMETRY", "true");
        env.put("DO_NOT_TRACK", "true");
        env.put("PYTHONUNBUFFERED", "1");
        return java.util.Collections.unmodifiableMap(env);
    }

    /** The name given at start ({@code mlflow} unless set); it appears in logs and the work directory's name. */
    public String name() {
        return name;
    }

    /** The server's base URI, {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI uri() {
        return uri;
    }

    /** The tracking URI for clients: {@link #uri()} as text. */
    public String trackingUri() {
        return uri.toString();
    }

    /** The loopback port the server listens on. */
    public int port() {
        return uri.getPort();
    }

    /** The server's work directory: database, artifacts and log. */
    public Path workDir() {
        return workDir;
    }

    /** The server's combined stdout and stderr. */
    public Path logFile() {
        return logFile;
    }

    /** The sqlite database file of the tracking and registry stores. */
    public Path databaseFile() {
        return databaseFile;
    }

    /** The directory proxied artifacts are written to ({@code --artifacts-destination}). */
    public Path artifactsDir() {
        return artifactsDir;
    }

    /** The backend store URI, {@code sqlite:////<absolute path>/mlflow.db}. */
    public String backendStoreUri() {
        return sqliteUri(databaseFile);
    }

    /** True until the server is stopped or its process dies. */
    public boolean isRunning() {
        return !stopped.get() && process.isAlive();
    }

    /** The process id of the {@code mlflow server} process (its uvicorn worker is a child of it). */
    public long pid() {
        return process.pid();
    }

    /** The last lines of {@link #logFile()}, for failure messages. */
    public String logTail(int lines) {
        return Processes.tail(logFile, lines);
    }

    /**
     * Stops the server and every process it started, then deletes the work directory when the testkit created it.
     * Idempotent. Does nothing for the {@link #shared()} server, which stops when the JVM exits.
     */
    @Override
    public void close() {
        if (shared) {
            LOG.debug("close() ignored for the shared MLflow server at {}", uri);
            return;
        }
        stop();
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        RUNNING.remove(this);
        Processes.destroyTree(process.toHandle(), STOP_GRACE);
        LOG.info("Stopped MLflow server '{}' at {}", name, uri);
        if (ownsWorkDir && !Processes.deleteTree(workDir)) {
            LOG.warn("Could not delete all of {}", workDir);
        }
    }

    @Override
    public String toString() {
        return "MlflowServer[" + name + " " + uri + (isRunning() ? "" : " stopped") + "]";
    }

    private static String sqliteUri(Path file) {
        String path = file.toAbsolutePath().toString().replace('\\', '/');
        // "sqlite:///" + "/abs/path" gives the four slashes of an absolute sqlite path
        return "sqlite:///" + path;
    }

    private static void installShutdownHook() {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (MlflowServer server : List.copyOf(RUNNING)) {
                    try {
                        server.stop();
                    } catch (RuntimeException e) {
                        // nothing more can be done at exit
                    }
                }
            }, "dataops4j-mlflow-shutdown"));
        }
    }

    /** Describes a server; {@link #start()} launches it and waits until it is healthy. */
    public static final class Builder {
        private String name = "mlflow";
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();
        private Path workDir;
        private Path executable;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private int port;

        private Builder() {
        }

        /** A short name for logs and the work directory ({@code [A-Za-z0-9_-]}); {@code mlflow} by default. */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (!SAFE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("name must match " + SAFE_NAME + ": " + name);
            }
            this.name = name;
            return this;
        }

        /** An environment variable for the server process; overrides the inherited value and the defaults. */
        public Builder env(String key, String value) {
            env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The work directory (created when missing, never deleted by the testkit, so a database there survives
         * restarts). By default a fresh temporary directory, deleted on {@link MlflowServer#close()}.
         */
        public Builder workDir(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
            return this;
        }

        /** How long to wait for the server to become healthy; {@link #DEFAULT_STARTUP_TIMEOUT} by default. */
        public Builder startupTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive: " + timeout);
            }
            this.startupTimeout = timeout;
            return this;
        }

        /** The {@code mlflow} program to run, instead of {@link #mlflowExecutable()}. */
        public Builder executable(Path mlflow) {
            this.executable = Objects.requireNonNull(mlflow, "mlflow");
            return this;
        }

        /** A fixed port instead of a free one picked at start. */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be in 1..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Extra arguments for {@code mlflow server}, appended after the testkit's own (e.g. {@code --app-name basic-auth}). */
        public Builder args(String... extra) {
            for (String arg : extra) {
                args.add(Objects.requireNonNull(arg, "arg"));
            }
            return this;
        }

        /**
         * Starts the server and waits until it answers.
         *
         * @throws DataOpsException when {@code mlflow} cannot be found or installed, the server exits during start-up,
         *     or it is not healthy within the start-up timeout; the message ends with the tail of the server's log
         */
        public MlflowServer start() {
            return start(false);
        }

        private MlflowServer start(boolean shared) {
            Path mlflow = executable != null ? executable : mlflowExecutable();
            boolean owns = workDir == null;
            Path dir;
            try {
                dir = owns ? Files.createTempDirectory("dataops4j-mlflow-" + name + "-")
                        : Files.createDirectories(workDir.toAbsolutePath());
                dir = dir.toAbsolutePath();
                Files.createDirectories(dir.resolve("artifacts"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the MLflow work directory", e);
            }
            Path log = dir.resolve("server.log");
            Path db = dir.resolve("mlflow.db");
            Path artifacts = dir.resolve("artifacts");
            Map<String, String> environment = new LinkedHashMap<>(defaultEnvironment());
            environment.putAll(env);
            installShutdownHook();
            try {
                for (int attempt = 1; ; attempt++) {
                    int chosen = port != 0 ? port : freePort();
                    List<String> command = new ArrayList<>(List.of(mlflow.toString(), "server",
                            "--backend-store-uri", sqliteUri(db),
                            "--serve-artifacts", "--artifacts-destination", artifacts.toString(),
                            "--host", HOST, "--port", Integer.toString(chosen), "--workers", "1"));
                    command.addAll(args);
                    URI uri = URI.create("http://" + HOST + ":" + chosen);
                    Processes.appendLine(log, "=== dataops4j testkit: " + String.join(" ", command));
                    LOG.info("Starting MLflow server '{}' at {} (work dir {})", name, uri, dir);
                    Process process = launch(command, environment, dir, log);
                    MlflowServer server = new MlflowServer(name, uri, dir, owns, log, db, artifacts, process, shared);
                    RUNNING.add(server);
                    long started = System.nanoTime();
                    try {
                        awaitHealthy(server, process, startupTimeout);
                        LOG.info("MLflow server '{}' is up at {} after {} ms", name, uri,
                                (System.nanoTime() - started) / 1_000_000);
                        return server;
                    } catch (PortTakenException e) {
                        server.stopKeepingFiles();
                        if (port != 0 || attempt >= PORT_ATTEMPTS) {
                            throw e.failure;
                        }
                        LOG.info("Port {} was taken before MLflow could bind it; trying another", chosen);
                    } catch (RuntimeException e) {
                        server.stopKeepingFiles();
                        throw e;
                    }
                }
            } catch (RuntimeException e) {
                if (owns) {
                    Processes.deleteTree(dir);
                }
                throw e;
            }
        }

        private static Process launch(List<String> command, Map<String, String> environment, Path dir, Path log) {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(Processes.isWindows() ? "NUL" : "/dev/null")));
            pb.environment().putAll(environment);
            try {
                return pb.start();
            } catch (IOException e) {
                throw new DataOpsException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
            }
        }

        private void awaitHealthy(MlflowServer server, Process process, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (!process.isAlive()) {
                    String tail = server.logTail(40);
                    DataOpsException failure = new DataOpsException("MLflow server '" + name + "' exited with code "
                            + process.exitValue() + " during start-up; last lines of " + server.logFile + ":\n" + tail);
                    if (tail.toLowerCase(Locale.ROOT).contains("address already in use")) {
                        throw new PortTakenException(failure);
                    }
                    throw failure;
                }
                if (answers200(server.uri, "/health")
                        && answers200(server.uri, "/api/2.0/mlflow/experiments/search?max_results=1")
                        && process.isAlive()) {
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new DataOpsException("MLflow server '" + name + "' at " + server.uri
                            + " did not become healthy within " + timeout + " (GET /health and "
                            + "GET /api/2.0/mlflow/experiments/search must answer 200); last lines of "
                            + server.logFile + ":\n" + server.logTail(40));
                }
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DataOpsException("interrupted while waiting for the MLflow server '" + name + "'", e);
                }
            }
        }
    }

    private void stopKeepingFiles() {
        if (stopped.compareAndSet(false, true)) {
            RUNNING.remove(this);
            Processes.destroyTree(process.toHandle(), STOP_GRACE);
        }
    }

    static boolean answers200(URI base, String pathAndQuery) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) base.resolve(pathAndQuery).toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            connection.setUseCaches(false);
            int code = connection.getResponseCode();
            try (InputStream in = code >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return code == 200;
        } catch (IOException e) {
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
    }

    /** The server lost the race for its port; start again on another. */
    private static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient DataOpsException failure;

        PortTakenException(DataOpsException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }
}
