package io.dataops4j.dataiku;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.Secret;
import io.dataops4j.core.Sleeper;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.dataiku.connections.Connections;
import io.dataops4j.dataiku.datasets.Datasets;
import io.dataops4j.dataiku.futures.Futures;
import io.dataops4j.dataiku.internal.DssContext;
import io.dataops4j.dataiku.internal.DssErrorParser;
import io.dataops4j.dataiku.internal.TrustStores;
import io.dataops4j.dataiku.jobs.Jobs;
import io.dataops4j.dataiku.projects.Projects;
import io.dataops4j.dataiku.scenarios.Scenarios;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * A client of the Dataiku DSS public API ({@code <DSS URL>/public/api/}): connections, projects, datasets, builds,
 * scenarios and futures. Immutable and thread-safe; share one.
 *
 * <pre>{@code
 * DssClient dss = DssClient.fromEnvironment();                       // DKU_DSS_URL, DKU_API_KEY
 * DssClient other = DssClient.builder("https://dss.example.com:11200", Secret.of(apiKey))
 *     .trustStore(Path.of("corp-ca.p12"), "changeit".toCharArray())  // a private CA
 *     .build();
 *
 * dss.connections().create(AzureBlobConnection.builder("azure-blob-dataiku", "dataopsstore")
 *     .oauthApp(tenantId, appId, Secret.of(appSecret)).restrictToContainer("dataiku").build());
 * dss.datasets().importTables("DATAOPS", "synapse-dw", "dbo", ProgressListener.NONE);
 * JobStatus built = dss.jobs().build("DATAOPS", "sales_raw", JobType.RECURSIVE_BUILD)
 *     .waitForCompletion(Duration.ofHours(1));
 * ScenarioRun run = dss.scenarios().run("DATAOPS", "NIGHTLY", Map.of()).waitForCompletion(Duration.ofHours(2));
 * }</pre>
 *
 * <p>The API key goes as the HTTP Basic user name with an empty password (works on DSS 9 to 14); Bearer is an option
 * ({@link Builder#bearer}). The server's version, read from the {@code DSS-Version} header, chooses between endpoints.
 * Errors are the core's exceptions: DSS's {@code errorType}, {@code message} and {@code detailedMessage} are read,
 * the {@code ERR_...} code becomes {@code errorCode()}, "does not exist" answers (often sent as 500) are
 * {@code ResourceNotFoundException}s, and known codes add a hint to the message ({@link DssErrors}). DSS uses 500
 * for application errors, so unlike the core's default a 500 is not retried.
 */
public final class DssClient implements AutoCloseable {
    /** The DSS URL ({@code https://dss.example.com:11200}). */
    public static final String ENV_URL = "DKU_DSS_URL";
    /** The API key. */
    public static final String ENV_API_KEY = "DKU_API_KEY";
    /** {@code true} to skip TLS certificate checks (dataikuapi's variable; for test servers only). */
    public static final String ENV_NO_CHECK_CERTIFICATE = "DKU_NO_CHECK_CERTIFICATE";
    /** The statuses retried: 500 is not among them, because DSS answers application errors with it. */
    public static final Set<Integer> RETRIED_STATUSES = Set.of(408, 429, 502, 503, 504);

    private final URI url;
    private final ApiClient http;
    private final DssContext ctx;
    private final Futures futures;
    private final Connections connections;
    private final Projects projects;
    private final Datasets datasets;
    private final Jobs jobs;
    private final Scenarios scenarios;

    private DssClient(URI url, ApiClient http, DssContext ctx) {
        this.url = url;
        this.http = http;
        this.ctx = ctx;
        this.futures = new Futures(ctx);
        this.connections = new Connections(ctx, futures);
        this.projects = new Projects(ctx, futures);
        this.datasets = new Datasets(ctx, futures);
        this.jobs = new Jobs(ctx);
        this.scenarios = new Scenarios(ctx);
    }

    /** A builder for a DSS URL and an API key. */
    public static Builder builder(String url, Secret apiKey) {
        return new Builder().url(url).apiKey(apiKey);
    }

    /** A builder with nothing set yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** A client from {@code DKU_DSS_URL} and {@code DKU_API_KEY} (and {@code DKU_NO_CHECK_CERTIFICATE}). */
    public static DssClient fromEnvironment() {
        return builder().fromEnvironment(System::getenv).build();
    }

    /** The same, from a map standing for the environment. */
    public static DssClient fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        return builder().fromEnvironment(environment::get).build();
    }

    /** The DSS URL as given (without {@code /public/api}). */
    public URI url() {
        return url;
    }

    /** The server's version from the {@code DSS-Version} header (read once), or empty when it sends none. */
    public Optional<DssVersion> serverVersion() {
        return ctx.version();
    }

    /** Connections: list, get, create, update, security, test, delete. */
    public Connections connections() {
        return connections;
    }

    /** Projects: list, get, create, delete. */
    public Projects projects() {
        return projects;
    }

    /** Datasets: settings, creation on blob and SQL connections, schemas, table imports. */
    public Datasets datasets() {
        return datasets;
    }

    /** Jobs: builds, their status, log and abort. */
    public Jobs jobs() {
        return jobs;
    }

    /** Scenarios: runs, their outcome and steps. */
    public Scenarios scenarios() {
        return scenarios;
    }

    /** Futures: long-running tasks. */
    public Futures futures() {
        return futures;
    }

    /** The underlying HTTP client (base URL {@code .../public/api/}), for endpoints this client does not model. */
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
        return "DssClient[" + Redactor.url(url) + ", " + http.credential().kind() + "]";
    }

    /** Builds a {@link DssClient}; validates in {@link #build()}. */
    public static final class Builder {
        private String url;
        private Credential credential;
        private boolean insecureTls;
        private boolean allowInsecureHttp;
        private SSLContext sslContext;
        private X509TrustManager trustManager;
        private RetryPolicy retryPolicy = RetryPolicy.defaults().withRetryStatuses(RETRIED_STATUSES);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(120);
        private DssVersion serverVersion;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration maxPollInterval = Duration.ofSeconds(15);
        private final List<Consumer<ApiClient.Builder>> httpCustomizers = new ArrayList<>();
        private final List<String> searched = new ArrayList<>();

        private Builder() {
        }

        /** The DSS URL ({@code https://dss.example.com:11200}); a trailing {@code /public/api} is accepted. */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url").strip();
            return this;
        }

        /** The API key, sent as the HTTP Basic user name with an empty password. */
        public Builder apiKey(Secret apiKey) {
            this.credential = Credential.apiKey(Objects.requireNonNull(apiKey, "apiKey"));
            return this;
        }

        /** The API key, sent as {@code Authorization: Bearer} (documented from DSS 13). */
        public Builder bearer(Secret apiKey) {
            this.credential = Credential.bearer(Objects.requireNonNull(apiKey, "apiKey"));
            return this;
        }

        /** Any other credential. */
        public Builder credential(Credential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /** Trusts the certificates of a trust store file (PKCS12 or JKS), for a private CA or a self-signed DSS. */
        public Builder trustStore(Path file, char[] password) {
            TrustStores.Loaded loaded = TrustStores.load(file, password);
            return tls(loaded.sslContext(), loaded.trustManager());
        }

        /** A custom trust store, as an SSL context and its trust manager. */
        public Builder tls(SSLContext sslContext, X509TrustManager trustManager) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
            return this;
        }

        /** Trusts any certificate and host name. Off by default; an explicit opt-in for test servers only. */
        public Builder insecureTls(boolean insecure) {
            this.insecureTls = insecure;
            return this;
        }

        /** Allows plain http to a host other than loopback (the API key would travel in clear). */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /** When failed requests are retried (by default 408, 429, 502, 503, 504, never 500). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The server's version, when known: the client then does not ask for it. */
        public Builder serverVersion(DssVersion version) {
            this.serverVersion = version;
            return this;
        }

        /** The clock and sleeper of pollers and retries (tests pass fakes so that no real time passes). */
        public Builder timing(Clock clock, Sleeper sleeper) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** How often pollers look: the first wait and the longest (1 s and 15 s by default). */
        public Builder pollInterval(Duration first, Duration max) {
            this.pollInterval = Objects.requireNonNull(first, "first");
            this.maxPollInterval = Objects.requireNonNull(max, "max");
            return this;
        }

        /** Changes the HTTP client's settings (interceptors, headers) before it is built. */
        public Builder http(Consumer<ApiClient.Builder> customizer) {
            this.httpCustomizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /**
         * Reads {@code DKU_DSS_URL}, {@code DKU_API_KEY} and {@code DKU_NO_CHECK_CERTIFICATE} through a lookup
         * ({@code System::getenv}, {@code map::get}); settings given afterwards win.
         */
        public Builder fromEnvironment(Function<String, String> env) {
            Objects.requireNonNull(env, "env");
            searched.add("environment variable " + ENV_URL);
            String u = value(env, ENV_URL);
            if (u != null) {
                url(u);
            }
            String key = value(env, ENV_API_KEY);
            if (key != null) {
                apiKey(Secret.of(key));
            } else {
                searched.add("environment variable " + ENV_API_KEY);
            }
            String insecure = value(env, ENV_NO_CHECK_CERTIFICATE);
            if (insecure != null) {
                switch (insecure.toLowerCase(Locale.ROOT)) {
                    case "true", "1", "yes" -> insecureTls(true);
                    case "false", "0", "no" -> insecureTls(false);
                    default -> throw new ConfigurationException(ENV_NO_CHECK_CERTIFICATE + " must be true or false, but was '"
                            + insecure + "'");
                }
            }
            return this;
        }

        private static String value(Function<String, String> env, String name) {
            String v = env.apply(name);
            return v == null || v.isBlank() ? null : v.strip();
        }

        public DssClient build() {
            if (url == null || url.isEmpty()) {
                List<String> places = new ArrayList<>();
                places.add("DssClient.builder().url(...)");
                places.addAll(searched.stream().filter(s -> s.endsWith(ENV_URL)).toList());
                throw new ConfigurationException("DSS URL not set; looked in: " + String.join(", ", places)
                        + (searched.isEmpty() ? " (DssClient.fromEnvironment() reads " + ENV_URL + ")" : ""));
            }
            if (credential == null) {
                throw new ConfigurationException("DSS API key not set; looked in: DssClient.builder().apiKey(...)"
                        + (searched.isEmpty() ? " (DssClient.fromEnvironment() reads " + ENV_API_KEY + ")"
                        : ", environment variable " + ENV_API_KEY));
            }
            String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            URI given;
            try {
                given = URI.create(base);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("DSS URL is not a valid URL: " + Redactor.url(url));
            }
            String api = base.endsWith("/public/api") ? base + "/" : base + "/public/api/";
            ApiClient.Builder hb = ApiClient.builder("DSS", "sdk-dataiku")
                    .baseUrl(api)
                    .credential(credential)
                    .errorParser(DssErrorParser.INSTANCE)
                    .retryPolicy(retryPolicy)
                    .connectTimeout(connectTimeout)
                    .readTimeout(readTimeout)
                    .insecureTls(insecureTls)
                    .allowInsecureHttp(allowInsecureHttp)
                    .defaultHeader("Accept", "application/json")
                    .sleeper(sleeper);
            if (sslContext != null) {
                hb.tls(sslContext, trustManager);
            }
            httpCustomizers.forEach(c -> c.accept(hb));
            ApiClient http = hb.build();
            URI shown = base.endsWith("/public/api") ? URI.create(base.substring(0, base.length() - "/public/api".length())) : given;
            return new DssClient(shown, http, new DssContext(http, serverVersion, clock, sleeper, pollInterval, maxPollInterval));
        }
    }
}
