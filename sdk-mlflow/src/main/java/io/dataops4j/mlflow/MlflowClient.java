package io.dataops4j.mlflow;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.Secret;
import io.dataops4j.core.Sleeper;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.mlflow.artifacts.ArtifactRepositoryFactory;
import io.dataops4j.mlflow.artifacts.Artifacts;
import io.dataops4j.mlflow.artifacts.MultipartUpload;
import io.dataops4j.mlflow.internal.ArtifactRepositories;
import io.dataops4j.mlflow.internal.MlflowContext;
import io.dataops4j.mlflow.internal.MlflowErrorParser;
import io.dataops4j.mlflow.registry.ModelVersions;
import io.dataops4j.mlflow.registry.RegisteredModels;
import io.dataops4j.mlflow.tracking.Experiments;
import io.dataops4j.mlflow.tracking.LoggedModels;
import io.dataops4j.mlflow.tracking.Runs;
import io.dataops4j.mlflow.webhooks.Webhooks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A pure-Java client of an MLflow tracking server: experiments, runs, metric histories, artifacts (streamed, through
 * the artifact proxy or a local directory), the model registry and webhooks. Immutable and thread-safe; share one.
 *
 * <pre>{@code
 * MlflowClient mlflow = MlflowClient.fromEnvironment();       // MLFLOW_TRACKING_URI, MLFLOW_TRACKING_TOKEN, ...
 * MlflowClient local = MlflowClient.builder().trackingUri("http://127.0.0.1:5000").build();
 *
 * String exp = mlflow.experiments().create("churn");
 * Run run = mlflow.runs().create(exp, "baseline");
 * mlflow.runs().logBatch(run.id(), metrics, params, List.of());
 * mlflow.artifacts().upload(run.id(), Path.of("model"), "model");
 * mlflow.runs().terminate(run.id(), RunStatus.FINISHED);
 * mlflow.runs().search(SearchRuns.inExperiments(exp)).forEach(System.out::println);
 * }</pre>
 *
 * <p>Errors are the core's unchecked exceptions, MLflow's codes mapped to their families:
 * {@code RESOURCE_DOES_NOT_EXIST} is a {@code ResourceNotFoundException}, {@code RESOURCE_ALREADY_EXISTS} a
 * {@code ConflictException}, {@code INVALID_PARAMETER_VALUE} a {@code BadRequestException}; each carries MLflow's
 * code and message.
 */
public final class MlflowClient implements AutoCloseable {
    /** The tracking server's URI. */
    public static final String ENV_TRACKING_URI = "MLFLOW_TRACKING_URI";
    /** A bearer token. */
    public static final String ENV_TRACKING_TOKEN = "MLFLOW_TRACKING_TOKEN";
    /** A basic-auth user (with {@link #ENV_TRACKING_PASSWORD}; wins over the token, as in MLflow's Python client). */
    public static final String ENV_TRACKING_USERNAME = "MLFLOW_TRACKING_USERNAME";
    /** A basic-auth password. */
    public static final String ENV_TRACKING_PASSWORD = "MLFLOW_TRACKING_PASSWORD";
    /** {@code true} to skip TLS certificate checks. */
    public static final String ENV_TRACKING_INSECURE_TLS = "MLFLOW_TRACKING_INSECURE_TLS";
    /** {@code false} to never use multipart uploads through the artifact proxy. */
    public static final String ENV_PROXY_MULTIPART = "MLFLOW_ENABLE_PROXY_MULTIPART_UPLOAD";
    /** The smallest file (bytes) sent in parts. */
    public static final String ENV_MULTIPART_MIN_SIZE = "MLFLOW_MULTIPART_UPLOAD_MINIMUM_FILE_SIZE";
    /** The part size (bytes). */
    public static final String ENV_MULTIPART_CHUNK_SIZE = "MLFLOW_MULTIPART_UPLOAD_CHUNK_SIZE";

    private final URI trackingUri;
    private final ApiClient http;
    private final Experiments experiments;
    private final Runs runs;
    private final LoggedModels loggedModels;
    private final Artifacts artifacts;
    private final RegisteredModels registeredModels;
    private final ModelVersions modelVersions;
    private final Webhooks webhooks;

    private MlflowClient(ApiClient http, MlflowContext ctx) {
        this.http = http;
        this.trackingUri = http.baseUrl();
        this.experiments = new Experiments(ctx);
        this.runs = new Runs(ctx);
        this.loggedModels = new LoggedModels(ctx);
        this.artifacts = new Artifacts(ctx);
        this.registeredModels = new RegisteredModels(ctx);
        this.modelVersions = new ModelVersions(ctx);
        this.webhooks = new Webhooks(ctx);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A client for a tracking URI without authentication. */
    public static MlflowClient of(String trackingUri) {
        return builder().trackingUri(trackingUri).build();
    }

    /**
     * A client configured the way MLflow's own clients are, from the process environment: {@code MLFLOW_TRACKING_URI}
     * (required), {@code MLFLOW_TRACKING_USERNAME}/{@code MLFLOW_TRACKING_PASSWORD} (basic) or
     * {@code MLFLOW_TRACKING_TOKEN} (bearer), {@code MLFLOW_TRACKING_INSECURE_TLS}, and the multipart settings.
     */
    public static MlflowClient fromEnvironment() {
        return builder().fromEnvironment(System::getenv).build();
    }

    /** The same, from a map standing for the environment (tests, configuration files). */
    public static MlflowClient fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        return builder().fromEnvironment(environment::get).build();
    }

    /** The tracking server's base URL (ending in '/'). */
    public URI trackingUri() {
        return trackingUri;
    }

    /** Experiments. */
    public Experiments experiments() {
        return experiments;
    }

    /** Runs, metrics, params, tags, metric histories. */
    public Runs runs() {
        return runs;
    }

    /** MLflow 3 logged models: create, search, tag, finalize, and their artifacts. */
    public LoggedModels loggedModels() {
        return loggedModels;
    }

    /** Artifacts of runs and artifact repositories. */
    public Artifacts artifacts() {
        return artifacts;
    }

    /** Registered models of the model registry. */
    public RegisteredModels registeredModels() {
        return registeredModels;
    }

    /** Model versions of the model registry. */
    public ModelVersions modelVersions() {
        return modelVersions;
    }

    /** Registry webhooks (MLflow 3.3+). */
    public Webhooks webhooks() {
        return webhooks;
    }

    /** The underlying HTTP client, for the MLflow endpoints this client does not model. */
    public ApiClient http() {
        return http;
    }

    /** Releases nothing: connections are pooled process-wide. Present for try-with-resources. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "MlflowClient[" + Redactor.url(trackingUri) + ", " + http.credential().kind() + "]";
    }

    /** Builds an {@link MlflowClient}; validates in {@link #build()}. */
    public static final class Builder {
        private String trackingUri;
        private Credential credential = Credential.none();
        private boolean insecureTls;
        private boolean allowInsecureHttp;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(120);
        private final List<ArtifactRepositoryFactory> factories = new ArrayList<>();
        private MultipartUpload multipart = MultipartUpload.defaults();
        private Duration pollInterval = Duration.ofMillis(500);
        private Duration maxPollInterval = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private MlflowPlatform platform;
        private Function<String, String> environment = System::getenv;
        private final List<Consumer<ApiClient.Builder>> httpCustomizers = new ArrayList<>();
        private final List<String> searched = new ArrayList<>();

        private Builder() {
        }

        /**
         * The tracking server: an http(s) URL ({@code http://127.0.0.1:5000}, {@code https://host/prefix}), or a URI a
         * {@link MlflowPlatform} handles ({@code databricks}, {@code azureml://...}).
         */
        public Builder trackingUri(String trackingUri) {
            this.trackingUri = Objects.requireNonNull(trackingUri, "trackingUri").strip();
            return this;
        }

        /** The tracking server. */
        public Builder trackingUri(URI trackingUri) {
            return trackingUri(trackingUri.toString());
        }

        /** How requests authenticate: {@code Credential.none()} (default), {@code basic}, {@code bearer}, or any other. */
        public Builder credential(Credential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /** {@code Authorization: Bearer <token>}. */
        public Builder bearerToken(Secret token) {
            return credential(Credential.bearer(Objects.requireNonNull(token, "token")));
        }

        /** HTTP basic authentication ({@code mlflow server --app-name basic-auth}). */
        public Builder basicAuth(String user, Secret password) {
            return credential(Credential.basic(Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password")));
        }

        /** Trusts any TLS certificate ({@code MLFLOW_TRACKING_INSECURE_TLS}); for self-signed test servers only. */
        public Builder insecureTls(boolean insecure) {
            this.insecureTls = insecure;
            return this;
        }

        /**
         * Allows plain http to a host other than loopback <em>with a credential</em> (it would travel in clear).
         * Without a credential plain http is allowed anywhere: nothing secret is sent.
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /** When failed requests are retried (reads, searches and idempotent writes only). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The longest silence while reading an answer (default 120 s, MLflow's {@code MLFLOW_HTTP_REQUEST_TIMEOUT}). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Adds a factory for artifact roots of another storage; asked before the built-in ones. */
        public Builder artifactRepositoryFactory(ArtifactRepositoryFactory factory) {
            this.factories.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /** When uploads through the artifact proxy go in parts. */
        public Builder multipartUpload(MultipartUpload multipart) {
            this.multipart = Objects.requireNonNull(multipart, "multipart");
            return this;
        }

        /** How often pollers (model version registration) look: first wait and longest wait. */
        public Builder pollInterval(Duration first, Duration max) {
            this.pollInterval = Objects.requireNonNull(first, "first");
            this.maxPollInterval = Objects.requireNonNull(max, "max");
            return this;
        }

        /** The clock and sleeper of pollers and retries (tests pass fakes so that no real time passes). */
        public Builder timing(Clock clock, Sleeper sleeper) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The hosted MLflow to use, instead of looking one up with {@link ServiceLoader}. */
        public Builder platform(MlflowPlatform platform) {
            this.platform = Objects.requireNonNull(platform, "platform");
            return this;
        }

        /** Changes the HTTP client's settings (interceptors, default headers, trust store) before it is built. */
        public Builder http(Consumer<ApiClient.Builder> customizer) {
            this.httpCustomizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /**
         * Reads MLflow's environment variables through a lookup ({@code System::getenv}, {@code map::get}); the lookup
         * is also handed to a {@link MlflowPlatform}. Settings given to this builder afterwards win.
         *
         * @throws ConfigurationException when a variable holds an invalid value, or only one of user and password is set
         */
        public Builder fromEnvironment(Function<String, String> env) {
            this.environment = Objects.requireNonNull(env, "env");
            searched.add("environment variable " + ENV_TRACKING_URI);
            String uri = value(env, ENV_TRACKING_URI);
            if (uri != null) {
                trackingUri(uri);
            }
            String user = value(env, ENV_TRACKING_USERNAME);
            String password = value(env, ENV_TRACKING_PASSWORD);
            String token = value(env, ENV_TRACKING_TOKEN);
            if ((user == null) != (password == null)) {
                throw new ConfigurationException("MLflow basic authentication needs both " + ENV_TRACKING_USERNAME + " and "
                        + ENV_TRACKING_PASSWORD + ", but only " + (user == null ? ENV_TRACKING_PASSWORD : ENV_TRACKING_USERNAME)
                        + " is set");
            }
            if (user != null) {
                basicAuth(user, Secret.of(password));
            } else if (token != null) {
                bearerToken(Secret.of(token));
            }
            Boolean insecure = bool(env, ENV_TRACKING_INSECURE_TLS);
            if (insecure != null) {
                insecureTls(insecure);
            }
            Boolean mp = bool(env, ENV_PROXY_MULTIPART);
            Long min = number(env, ENV_MULTIPART_MIN_SIZE);
            Long chunk = number(env, ENV_MULTIPART_CHUNK_SIZE);
            if (mp != null || min != null || chunk != null) {
                multipart = new MultipartUpload(mp == null ? multipart.enabled() : mp,
                        min == null ? multipart.minFileSize() : min, chunk == null ? multipart.partSize() : chunk);
            }
            return this;
        }

        private static String value(Function<String, String> env, String name) {
            String v = env.apply(name);
            return v == null || v.isBlank() ? null : v.strip();
        }

        private static Boolean bool(Function<String, String> env, String name) {
            String v = value(env, name);
            if (v == null) {
                return null;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1" -> Boolean.TRUE;
                case "false", "0" -> Boolean.FALSE;
                default -> throw new ConfigurationException(name + " must be true, false, 1 or 0, but was '" + v + "'");
            };
        }

        private static Long number(Function<String, String> env, String name) {
            String v = value(env, name);
            if (v == null) {
                return null;
            }
            try {
                long n = Long.parseLong(v);
                if (n < 1) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigurationException(name + " must be a positive number of bytes, but was '" + v + "'");
            }
        }

        /** Builds the client. */
        public MlflowClient build() {
            if (trackingUri == null || trackingUri.isEmpty()) {
                List<String> places = new ArrayList<>();
                places.add("MlflowClient.builder().trackingUri(...)");
                places.addAll(searched);
                throw new ConfigurationException("MLflow tracking URI not set; searched: " + String.join(", ", places)
                        + (searched.isEmpty() ? " (MlflowClient.fromEnvironment() reads " + ENV_TRACKING_URI + ")" : ""));
            }
            String lower = trackingUri.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                MlflowPlatform p = platform != null ? platform : findPlatform(trackingUri);
                String original = trackingUri;
                p.configure(original, environment, this);
                String configured = trackingUri == null ? "" : trackingUri.toLowerCase(Locale.ROOT);
                if (!configured.startsWith("http://") && !configured.startsWith("https://")) {
                    throw new ConfigurationException("MLflow platform '" + p.name() + "' did not set an http(s) tracking URI for '"
                            + original + "'");
                }
            }
            boolean secretOnTheWire = !credential.kind().equals("none");
            ApiClient.Builder hb = ApiClient.builder("MLFLOW", "sdk-mlflow")
                    .baseUrl(trackingUri)
                    .credential(credential)
                    .errorParser(MlflowErrorParser.INSTANCE)
                    .retryPolicy(retryPolicy)
                    .connectTimeout(connectTimeout)
                    .readTimeout(readTimeout)
                    .insecureTls(insecureTls)
                    .allowInsecureHttp(allowInsecureHttp || !secretOnTheWire)
                    .sleeper(sleeper);
            httpCustomizers.forEach(c -> c.accept(hb));
            ApiClient http = hb.build();
            MlflowContext ctx = new MlflowContext(http, new ArtifactRepositories(http, factories, multipart), clock, sleeper,
                    pollInterval, maxPollInterval);
            return new MlflowClient(http, ctx);
        }

        private static MlflowPlatform findPlatform(String uri) {
            List<String> names = new ArrayList<>();
            for (MlflowPlatform p : ServiceLoader.load(MlflowPlatform.class, MlflowClient.class.getClassLoader())) {
                if (p.supports(uri)) {
                    return p;
                }
                names.add(p.name());
            }
            int colon = uri.indexOf(':');
            String scheme = colon > 0 ? uri.substring(0, colon) : uri;
            throw new ConfigurationException("MLflow tracking URI '" + Redactor.url(uri) + "' is not http(s), and no MLflow "
                    + "platform on the class path handles '" + scheme + "'"
                    + (names.isEmpty() ? "" : " (found: " + String.join(", ", names) + ")")
                    + "; add the module for that platform (sdk-databricks, sdk-azureml) or pass MlflowClient.builder().platform(...)");
        }
    }
}
