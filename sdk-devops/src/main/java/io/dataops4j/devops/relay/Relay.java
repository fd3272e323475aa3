package io.dataops4j.devops.relay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dataops4j.core.Secret;
import io.dataops4j.core.Sleeper;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.error.ServerErrorException;
import io.dataops4j.core.error.TooManyRequestsException;
import io.dataops4j.core.error.TransportException;
import io.dataops4j.core.json.Json;
import io.dataops4j.devops.DevOpsClient;
import io.dataops4j.devops.internal.DeliveryStore;
import io.dataops4j.devops.pipelines.PipelineRun;
import io.dataops4j.devops.pipelines.RunPipeline;
import io.dataops4j.devops.releases.CreateRelease;
import io.dataops4j.devops.releases.ListReleases;
import io.dataops4j.devops.releases.Release;
import io.dataops4j.mlflow.webhooks.WebhookDelivery;
import io.dataops4j.mlflow.webhooks.WebhookVerificationException;
import io.dataops4j.mlflow.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Model Registry webhook relay: receives deliveries from OSS MLflow 3.3+ ({@code X-MLflow-Signature}, with a replay
 * window) and Databricks ({@code X-Databricks-Signature}, lowercase hex HMAC-SHA256 of the body, checked by
 * {@link io.dataops4j.databricks.registry.WebhookVerifier}), verifies them, matches them against {@link RelayRule}s and
 * creates an Azure DevOps release or pipeline run with the model's variables. It answers at once (202) and calls
 * DevOps in the background with retries; a delivery (by delivery id or by event identity) acts at most once, also
 * across restarts ({@link RelayConfig#stateFile()}). A release create that failed ambiguously (5xx, cut connection)
 * is retried only after a search of the definition's recent releases found none carrying the event's marker in its
 * description. It binds to loopback unless told otherwise, refuses oversized
 * (413), unsigned or forged (401) and malformed (400) deliveries, serves {@code GET /health}, and never logs secrets.
 * On the JDK's HTTP server, start the JVM with {@code -Dsun.net.httpserver.nodelay=true}.
 *
 * <pre>{@code
 * RelayConfig config = RelayConfig.read(Path.of("relay.json"));
 * try (Relay relay = Relay.builder(config).devops(devops).mlflowSecret(Secret.of(System.getenv("HOOK_SECRET"))).start()) {
 *     System.out.println("listening on " + relay.url());
 *     relay.awaitTermination();
 * }
 * }</pre>
 */
public final class Relay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    /** How far before the first attempt a release found after an ambiguous failure may have been created (clock skew). */
    static final Duration LOOKUP_SKEW = Duration.ofMinutes(10);
    private static final int LOOKUP_PAGE = 100;
    private static final int LOOKUP_LIMIT = 1000;
    private static final String DATABRICKS_SIGNATURE = io.dataops4j.databricks.registry.WebhookVerifier.SIGNATURE_HEADER;
    private final RelayConfig config;
    private final DevOpsClient devops;
    private final WebhookVerifier mlflow;
    private final io.dataops4j.databricks.registry.WebhookVerifier databricks;
    private final DeliveryStore store;
    private final Sleeper sleeper;
    private final Duration retryBackoff;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ExecutorService worker;
    private final AtomicLong actionsDone = new AtomicLong();
    private final AtomicLong actionsFailed = new AtomicLong();

    private Relay(Builder b) throws IOException {
        this.config = b.config;
        this.devops = b.devops;
        this.mlflow = b.mlflowSecret == null ? null
                : WebhookVerifier.of(b.mlflowSecret).withTolerance(Duration.ofSeconds(config.replayWindowSeconds()));
        this.databricks = b.databricksSecret == null ? null
                : io.dataops4j.databricks.registry.WebhookVerifier.of(b.databricksSecret);
        this.store = new DeliveryStore(Path.of(config.stateFile()));
        this.sleeper = b.sleeper;
        this.retryBackoff = b.retryBackoff;
        this.server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 50);
        this.handlers = Executors.newFixedThreadPool(4, daemon("dataops4j-relay-http"));
        this.worker = Executors.newSingleThreadExecutor(daemon("dataops4j-relay-devops"));
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("relay listening on {} for {} rule(s), project {}", url(), config.rules().size(), config.project());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** A builder for a config. */
    public static Builder builder(RelayConfig config) {
        return new Builder(config);
    }

    /**
     * A relay entirely from a config and environment variables: the DevOps credential as
     * {@link DevOpsClient#credentialFrom(Environment)} finds it, the webhook secrets from the variables the config names.
     */
    public static Relay start(RelayConfig config, Environment env) {
        String org = config.organization() != null ? config.organization() : env.get(DevOpsClient.ENV_COLLECTION_URI);
        if (org == null) {
            throw new ConfigurationException("relay config: \"organization\" is required (or set " + DevOpsClient.ENV_COLLECTION_URI + ")");
        }
        DevOpsClient.Builder db = DevOpsClient.builder(org).credential(DevOpsClient.credentialFrom(env));
        if (config.releaseUrl() != null) {
            db.releaseUrl(config.releaseUrl());
        }
        Builder b = builder(config).devops(db.build());
        if (config.mlflowSecretEnv() != null) {
            b.mlflowSecret(secretFrom(env, config.mlflowSecretEnv()));
        }
        if (config.databricksSecretEnv() != null) {
            b.databricksSecret(secretFrom(env, config.databricksSecretEnv()));
        }
        return b.start();
    }

    private static Secret secretFrom(Environment env, String name) {
        String v = env.get(name);
        if (v == null || v.isEmpty()) {
            throw new ConfigurationException("relay: environment variable " + name + " (a webhook secret) is not set");
        }
        return Secret.of(v);
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The webhook URL (on the bound address). */
    public String url() {
        String host = server.getAddress().getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + config.path();
    }

    /** DevOps actions that succeeded so far. */
    public long actionsDone() {
        return actionsDone.get();
    }

    /** DevOps actions that failed after their retries so far. */
    public long actionsFailed() {
        return actionsFailed.get();
    }

    /** Blocks until the relay is closed (for the CLI). */
    public void awaitTermination() throws InterruptedException {
        while (!handlers.awaitTermination(1, TimeUnit.HOURS)) {
            // keep waiting
        }
    }

    /** Stops listening, lets queued DevOps calls finish (up to 30 s), and closes the DevOps client. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdown();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        devops.close();
    }

    @Override
    public String toString() {
        return "Relay[" + url() + ", " + config.rules().size() + " rules]";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/health")) {
                reply(ex, 200, Map.of("status", "ok", "actionsDone", actionsDone.get(), "actionsFailed", actionsFailed.get()));
                return;
            }
            if (!path.equals(config.path())) {
                reply(ex, 404, Map.of("error", "not found"));
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                reply(ex, 405, Map.of("error", "POST only"));
                return;
            }
            byte[] body = readLimited(ex);
            if (body == null) {
                LOG.warn("relay: refused a body over {} bytes", config.maxBodyBytes());
                reply(ex, 413, Map.of("error", "body too large"));
                return;
            }
            reply(ex, 0, null, deliver(ex.getRequestHeaders()::getFirst, body));
        } catch (RuntimeException e) {
            LOG.error("relay: internal error: {}", e.toString());
            reply(ex, 500, Map.of("error", "internal error"));
        }
    }

    /** Handles a delivery; returns the status and the answer. Package-private for tests of the logic alone. */
    Answer deliver(java.util.function.Function<String, String> headers, byte[] body) {
        RelayEvent event;
        if (headers.apply(WebhookVerifier.SIGNATURE_HEADER) != null) {
            if (mlflow == null) {
                return new Answer(401, Map.of("error", "MLflow deliveries are not configured (no secret)"));
            }
            WebhookDelivery d;
            try {
                d = mlflow.verify(headers, body);
            } catch (WebhookVerificationException e) {
                LOG.warn("relay: refused an MLflow delivery: {}", e.getMessage());
                return new Answer(401, Map.of("error", "signature not verified"));
            }
            event = mlflowEvent(d);
        } else if (headers.apply(DATABRICKS_SIGNATURE) != null) {
            if (databricks == null) {
                return new Answer(401, Map.of("error", "Databricks deliveries are not configured (no secret)"));
            }
            try {
                // the signature alone: a signed body that is not a registry payload is answered 400 below, not 401
                databricks.verifySignature(headers.apply(DATABRICKS_SIGNATURE), body);
            } catch (io.dataops4j.databricks.registry.WebhookVerificationException e) {
                LOG.warn("relay: refused a Databricks delivery: {}", e.getMessage());
                return new Answer(401, Map.of("error", "signature not verified"));
            }
            event = databricksEvent(body);
        } else {
            return new Answer(401, Map.of("error", "unsigned delivery: " + WebhookVerifier.SIGNATURE_HEADER + " or "
                    + DATABRICKS_SIGNATURE + " required"));
        }
        if (event == null) {
            LOG.warn("relay: refused a malformed delivery");
            return new Answer(400, Map.of("error", "malformed delivery: a JSON object with a model name is required"));
        }
        List<String> keys = new ArrayList<>();
        if (event.deliveryId() != null) {
            keys.add("delivery:" + event.source() + ":" + event.deliveryId());
        }
        keys.add("event:" + event.identity());
        List<RelayRule> matched = config.rules().stream().filter(r -> r.matches(event)).toList();
        synchronized (store) {
            if (store.seenAny(keys)) {
                LOG.info("relay: duplicate {} of {} v{} ignored", event.event(), event.model(), event.version());
                return new Answer(200, Map.of("duplicate", true));
            }
            if (matched.isEmpty()) {
                LOG.info("relay: {} of {} v{} matches no rule", event.event(), event.model(), event.version());
                return new Answer(200, Map.of("matched", 0));
            }
            store.record(keys, "accepted");
        }
        LOG.info("relay: {} of {} v{} (delivery {}) matches {} rule(s)", event.event(), event.model(), event.version(),
                event.deliveryId(), matched.size());
        worker.submit(() -> act(event, matched, keys));
        return new Answer(202, Map.of("accepted", true, "rules", matched.size()));
    }

    private void act(RelayEvent event, List<RelayRule> rules, List<String> keys) {
        boolean allOk = true;
        for (RelayRule rule : rules) {
            Map<String, String> vars = new LinkedHashMap<>(rule.variables());
            vars.putAll(event.variables());
            String description = "dataops4j relay: " + event.event() + " " + event.model() + " v" + event.version()
                    + (event.alias() != null ? " @" + event.alias() : "") + (event.stage() != null ? " -> " + event.stage() : "");
            try {
                if (rule.releaseDefinitionId() != null) {
                    String marker = marker(event, rule.releaseDefinitionId());
                    CreateRelease spec = CreateRelease.builder(rule.releaseDefinitionId()).description(description + " " + marker)
                            .variables(vars).build();
                    Release r = createReleaseOnce(rule, spec, marker);
                    LOG.info("relay: rule {} has release {} ({})", rule.label(), r.id(), r.name());
                } else {
                    RunPipeline.Builder spec = RunPipeline.builder();
                    vars.forEach(spec::variable);
                    PipelineRun run = withRetries(rule, () -> devops.pipelines().start(config.project(), rule.pipelineId(), spec.build()));
                    LOG.info("relay: rule {} started pipeline run {} ({})", rule.label(), run.id(), run.name());
                }
                actionsDone.incrementAndGet();
            } catch (RuntimeException e) {
                allOk = false;
                actionsFailed.incrementAndGet();
                LOG.error("relay: rule {} failed for {} v{}: {}", rule.label(), event.model(), event.version(), e.getMessage());
            }
        }
        store.record(keys, allOk ? "done" : "failed");
    }

    /**
     * What the relay writes at the end of a release's description to find it again: the first 16 hex digits of the
     * SHA-256 of the event's identity and the definition ({@code [dataops4j-relay 0123456789abcdef]}). It is the same
     * for every delivery of one event, and carries nothing secret.
     */
    static String marker(RelayEvent event, long definitionId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((event.identity() + "|release:" + definitionId)
                    .getBytes(StandardCharsets.UTF_8));
            return "[dataops4j-relay " + HexFormat.of().formatHex(h, 0, 8) + "]";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Creates a release at most once. A create is not idempotent on DevOps and takes no idempotency key: after an
     * ambiguous failure (a 5xx, or a connection cut once the body may have been sent) the release may exist. So before
     * each retry that follows such a failure, the relay lists the definition's releases created since shortly before
     * the first attempt ({@code definitionId}, {@code minCreatedTime}, newest first) and takes the one whose
     * description carries this event's {@link #marker}; it creates again only when there is none. A 429 is not
     * ambiguous (the service refused the request) and is retried directly.
     */
    private Release createReleaseOnce(RelayRule rule, CreateRelease spec, String marker) {
        Instant since = Instant.now().minus(LOOKUP_SKEW);
        boolean ambiguous = false;
        Duration wait = retryBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                if (ambiguous) {
                    Release existing = findRelease(spec.definitionId(), since, marker);
                    if (existing != null) {
                        LOG.info("relay: rule {}: release {} from an earlier attempt exists, not creating another", rule.label(),
                                existing.id());
                        return existing;
                    }
                }
                return devops.releases().create(config.project(), spec);
            } catch (TooManyRequestsException | ServerErrorException | TransportException e) {
                if (!(e instanceof TooManyRequestsException)) {
                    ambiguous = true;
                }
                if (attempt >= config.retryAttempts()) {
                    throw e;
                }
                wait = pause(rule, attempt, e, wait);
            }
        }
    }

    private Release findRelease(long definitionId, Instant since, String marker) {
        ListReleases filter = ListReleases.builder().definitionId(definitionId).createdAfter(since).pageSize(LOOKUP_PAGE).build();
        return devops.releases().list(config.project(), filter).stream().limit(LOOKUP_LIMIT)
                .filter(r -> r.description() != null && r.description().contains(marker)).findFirst().orElse(null);
    }

    /**
     * Retries throttling, server errors and transport failures with a doubling backoff. Used for pipeline runs: the
     * runs API cannot be searched for a run started by an earlier attempt (its list has no filter and no
     * continuation, and a run shows no marker the caller can set), so after an ambiguous failure a rare duplicate
     * run is preferred to a lost deployment; each retry is logged.
     */
    private <T> T withRetries(RelayRule rule, java.util.function.Supplier<T> call) {
        Duration wait = retryBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (TooManyRequestsException | ServerErrorException | TransportException e) {
                if (attempt >= config.retryAttempts()) {
                    throw e;
                }
                wait = pause(rule, attempt, e, wait);
            }
        }
    }

    private Duration pause(RelayRule rule, int attempt, RuntimeException e, Duration wait) {
        Duration delay = e instanceof TooManyRequestsException t && t.retryAfter() != null ? t.retryAfter() : wait;
        LOG.warn("relay: rule {} attempt {} failed ({}), retrying in {} ms", rule.label(), attempt, e.getClass().getSimpleName(),
                delay.toMillis());
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw e;
        }
        return wait.multipliedBy(2);
    }

    private static RelayEvent mlflowEvent(WebhookDelivery d) {
        Map<String, Object> p;
        try {
            p = d.payload();
        } catch (RuntimeException e) {
            return null;
        }
        Map<String, Object> data = p.get("data") instanceof Map<?, ?> m ? cast(m) : Map.of();
        String model = str(data.get("name"));
        if (model == null || !(p.get("entity") instanceof String entity) || !(p.get("action") instanceof String action)) {
            return null;
        }
        return new RelayEvent("mlflow", d.deliveryId(), entity + "." + action, model, str(data.get("version")), null,
                str(data.get("alias")), str(data.get("run_id")), str(p.get("timestamp")));
    }

    private static RelayEvent databricksEvent(byte[] body) {
        Object v;
        try {
            v = Json.shared().parseValue(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, Object> p = cast(m);
        String event = str(p.get("event"));
        String model = str(p.get("model_name"));
        if (event == null || model == null) {
            return null;
        }
        return new RelayEvent("databricks", null, event, model, str(p.get("version")), str(p.get("to_stage")), null,
                str(p.get("run_id")), str(p.get("event_timestamp")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static String str(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        return o.toString();
    }

    private byte[] readLimited(HttpExchange ex) throws IOException {
        String cl = ex.getRequestHeaders().getFirst("Content-Length");
        if (cl != null) {
            try {
                if (Long.parseLong(cl.strip()) > config.maxBodyBytes()) {
                    return null;
                }
            } catch (NumberFormatException ignored) {
                // read and count below
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] data = in.readNBytes(config.maxBodyBytes() + 1);
            return data.length > config.maxBodyBytes() ? null : data;
        }
    }

    private static void reply(HttpExchange ex, int status, Map<String, ?> body) {
        reply(ex, status, body, null);
    }

    private static void reply(HttpExchange ex, int status, Map<String, ?> body, Answer answer) {
        int code = answer != null ? answer.status() : status;
        Map<String, ?> payload = answer != null ? answer.body() : body;
        byte[] out = Json.shared().toJson(payload).getBytes(StandardCharsets.UTF_8);
        try {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(code, out.length);
            ex.getResponseBody().write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the relay answers. */
    record Answer(int status, Map<String, ?> body) {
    }

    /** Builds and starts a {@link Relay}. */
    public static final class Builder {
        private final RelayConfig config;
        private DevOpsClient devops;
        private Secret mlflowSecret;
        private Secret databricksSecret;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Duration retryBackoff = Duration.ofSeconds(2);

        private Builder(RelayConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The DevOps client (the relay closes it). */
        public Builder devops(DevOpsClient devops) {
            this.devops = Objects.requireNonNull(devops, "devops");
            return this;
        }

        /** The OSS MLflow webhook secret. */
        public Builder mlflowSecret(Secret secret) {
            this.mlflowSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** The Databricks registry webhook secret. */
        public Builder databricksSecret(Secret secret) {
            this.databricksSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** How retries of DevOps calls wait: the first backoff (doubling) and the sleeper (tests pass one that does not). */
        public Builder retryTiming(Duration firstBackoff, Sleeper sleeper) {
            this.retryBackoff = Objects.requireNonNull(firstBackoff, "firstBackoff");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Starts listening. */
        public Relay start() {
            if (devops == null) {
                throw new ConfigurationException("relay: a DevOpsClient is required");
            }
            if (mlflowSecret == null && databricksSecret == null) {
                throw new ConfigurationException("relay: at least one webhook secret (MLflow or Databricks) is required");
            }
            try {
                return new Relay(this);
            } catch (IOException e) {
                throw new UncheckedIOException("relay: cannot listen on " + config.bind() + ":" + config.port(), e);
            }
        }
    }
}
