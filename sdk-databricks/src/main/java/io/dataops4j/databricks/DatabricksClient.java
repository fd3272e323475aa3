package io.dataops4j.databricks;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.Secret;
import io.dataops4j.core.Sleeper;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.databricks.internal.Auth;
import io.dataops4j.databricks.internal.Context;
import io.dataops4j.databricks.internal.DatabricksErrorParser;
import io.dataops4j.databricks.internal.SubClients;
import io.dataops4j.databricks.jobs.Jobs;
import io.dataops4j.databricks.mlflow.DatabricksMlflow;
import io.dataops4j.databricks.scim.Scim;
import io.dataops4j.databricks.registry.RegistryWebhooks;
import io.dataops4j.databricks.sql.Sql;
import io.dataops4j.mlflow.MlflowClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A Databricks workspace: jobs, SQL warehouses and statements, and the workspace's MLflow. Immutable and thread-safe;
 * share one. Settings and credentials are found as the Databricks CLI finds them ({@link DatabricksConfig}), so a
 * user's existing {@code ~/.databrickscfg} or {@code DATABRICKS_*} variables just work.
 *
 * <pre>{@code
 * DatabricksClient dbx = DatabricksClient.fromEnvironment();          // env, then ~/.databrickscfg
 * DatabricksClient prod = DatabricksClient.profile("prod");
 * DatabricksClient sp = DatabricksClient.builder()
 *     .host("https://adb-123.azuredatabricks.net")
 *     .oauthM2m("client-id", Secret.of(secret))
 *     .build();
 * DatabricksClient account = DatabricksClient.builder()            // the accounts console, as an account admin
 *     .host("https://accounts.azuredatabricks.net")
 *     .accountId("0d2b6a3e-...")                                   // or DATABRICKS_ACCOUNT_ID, or account_id in a profile
 *     .oauthM2m("client-id", Secret.of(secret))
 *     .build();
 * account.accountScim().users().list().forEach(System.out::println);
 *
 * long jobId = dbx.jobs().create(JobSpec.builder().name("nightly-etl")
 *     .task(Task.notebook("ingest", "/Repos/etl/ingest").onCluster("0101-abc"))
 *     .build());
 * Run run = dbx.jobs().runNow(jobId).waitForCompletion(Duration.ofMinutes(30));
 * try (StatementResult r = dbx.sql().statements().execute(StatementRequest.of("wh-1", "SELECT 1 AS one"))) {
 *     r.rows().forEach(row -> System.out.println(row.getLong("one")));
 * }
 * }</pre>
 *
 * <p>Errors are the core's unchecked exceptions with Databricks' code and message:
 * {@code "DATABRICKS 404 RESOURCE_DOES_NOT_EXIST: Job 42 does not exist. [GET ...]; request-id: ..."}.
 */
public final class DatabricksClient implements AutoCloseable {
    private final DatabricksConfig config;
    private final String host;
    private final Context ctx;
    private final Jobs jobs;
    private final Sql sql;
    private final Scim scim;
    private final RegistryWebhooks registryWebhooks;
    private final boolean allowInsecureHttp;
    private final boolean accountLevel;

    private DatabricksClient(DatabricksConfig config, String host, Context ctx, boolean allowInsecureHttp, boolean accountLevel) {
        this.config = config;
        this.host = host;
        this.ctx = ctx;
        this.jobs = SubClients.create(Jobs.class, ctx);
        this.sql = SubClients.create(Sql.class, ctx, host);
        this.scim = SubClients.create(Scim.class, ctx);
        this.registryWebhooks = SubClients.create(RegistryWebhooks.class, ctx);
        this.allowInsecureHttp = allowInsecureHttp;
        this.accountLevel = accountLevel;
    }

    /** A builder; anything not set is looked up in the environment and the profile file. */
    public static Builder builder() {
        return new Builder();
    }

    /** The workspace named by the environment, else the default profile of {@code ~/.databrickscfg}. */
    public static DatabricksClient fromEnvironment() {
        return builder().build();
    }

    /** The workspace of a profile of {@code ~/.databrickscfg} (environment variables still win, as in the CLI). */
    public static DatabricksClient profile(String profile) {
        return builder().profile(profile).build();
    }

    /** The workspace URL, without a trailing slash. */
    public String host() {
        return host;
    }

    /** The settings this client was built from (never a secret value). */
    public DatabricksConfig config() {
        return config;
    }

    /** Jobs and runs (API 2.2). */
    public Jobs jobs() {
        return jobs;
    }

    /** SQL warehouses and the Statement Execution API. */
    public Sql sql() {
        return sql;
    }

    /** Users, groups and service principals of this workspace (SCIM 2.0, {@code /api/2.0/preview/scim/v2}). */
    public Scim scim() {
        return scim;
    }

    /**
     * Users, groups and service principals of a Databricks account ({@code /api/2.0/accounts/{accountId}/scim/v2}):
     * for a client whose host is the accounts console ({@code https://accounts.azuredatabricks.net}) and whose
     * credential an account admin holds (an Entra ID service principal, or any {@link Builder#credential}).
     */
    public Scim accountScim(String accountId) {
        return SubClients.create(Scim.class, ctx, Objects.requireNonNull(accountId, "accountId"));
    }

    /**
     * As {@link #accountScim(String)}, for the account this client is configured with ({@link Builder#accountId},
     * {@code DATABRICKS_ACCOUNT_ID} or {@code account_id} in the profile).
     *
     * @throws ConfigurationException when no account id is set, naming every place searched
     */
    public Scim accountScim() {
        return accountScim(config.require(DatabricksConfig.ACCOUNT_ID).value().strip());
    }

    /**
     * Whether this client talks to an accounts console: its host is one ({@code https://accounts.…}), or the builder
     * said so ({@link Builder#accountsHost(boolean)}). OAuth M2M tokens then come from the account's token endpoint.
     */
    public boolean accountLevel() {
        return accountLevel;
    }

    /** Workspace Model Registry webhooks: create, list, update, delete, test (verify deliveries with {@code WebhookVerifier}). */
    public RegistryWebhooks registryWebhooks() {
        return registryWebhooks;
    }

    /**
     * An MLflow client bound to this workspace: its tracking server ({@code {host}/api/2.0/mlflow/...}), the same
     * credential, and run artifacts reached through the workspace's own APIs (DBFS for {@code dbfs:/} roots), so
     * that an MLflow copy works between two workspaces, or between a workspace and an open-source server.
     */
    public MlflowClient mlflow() {
        return mlflow(b -> { });
    }

    /** As {@link #mlflow()}, with more settings for the MLflow client's builder. */
    public MlflowClient mlflow(Consumer<MlflowClient.Builder> customizer) {
        MlflowClient.Builder b = MlflowClient.builder().trackingUri("databricks").platform(new DatabricksMlflow(this))
                .retryPolicy(ctx.http().retryPolicy()).timing(ctx.clock(), ctx.sleeper())
                .allowInsecureHttp(allowInsecureHttp);
        customizer.accept(b);
        return b.build();
    }

    /** The HTTP client, for endpoints this client does not model (paths relative to the host, e.g. {@code api/2.0/...}). */
    public ApiClient http() {
        return ctx.http();
    }

    /** Releases nothing: connections are pooled process-wide. Present for try-with-resources. */
    @Override
    public void close() {
        ctx.http().close();
    }

    @Override
    public String toString() {
        return "DatabricksClient[" + Redactor.url(host) + ", " + ctx.http().credential().kind()
                + (accountLevel ? ", account " + config.accountId() : "") + "]";
    }

    /** Builds a {@link DatabricksClient}; validates in {@link #build()}. */
    public static final class Builder {
        private final Map<String, String> explicit = new LinkedHashMap<>();
        private final Map<String, Secret> secrets = new LinkedHashMap<>();
        private String profile;
        private Credential credential;
        private Environment env = Environment.system();
        private Path home = Path.of(System.getProperty("user.home"));
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration maxPollInterval = Duration.ofSeconds(20);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private boolean allowInsecureHttp;
        private Boolean accountsHost;
        private final List<Consumer<ApiClient.Builder>> httpCustomizers = new ArrayList<>();

        private Builder() {
        }

        /** The workspace URL ({@code https://adb-123.azuredatabricks.net}); {@code https://} is added when missing. */
        public Builder host(String host) {
            explicit.put("host", Objects.requireNonNull(host, "host"));
            return this;
        }

        /**
         * The Databricks account id, for account-level APIs ({@link DatabricksClient#accountScim()}) and OAuth M2M
         * against the accounts console; else {@code DATABRICKS_ACCOUNT_ID}, else {@code account_id} in the profile.
         */
        public Builder accountId(String accountId) {
            explicit.put("account_id", Objects.requireNonNull(accountId, "accountId"));
            return this;
        }

        /**
         * Whether the host is an accounts console. By default it is when the host name says so
         * ({@code https://accounts.} or {@code https://accounts-dod.}, as the Databricks SDKs decide); set it for a
         * proxy or a test server in front of one.
         */
        public Builder accountsHost(boolean accountsHost) {
            this.accountsHost = accountsHost;
            return this;
        }

        /** A personal access token. */
        public Builder token(Secret token) {
            secrets.put("token", Objects.requireNonNull(token, "token"));
            return this;
        }

        /** OAuth machine-to-machine: a Databricks service principal's client id and secret. */
        public Builder oauthM2m(String clientId, Secret clientSecret) {
            explicit.put("client_id", Objects.requireNonNull(clientId, "clientId"));
            secrets.put("client_secret", Objects.requireNonNull(clientSecret, "clientSecret"));
            return this;
        }

        /** An Entra ID service principal with a client secret ({@code azure-client-secret}). */
        public Builder azureServicePrincipal(String tenantId, String clientId, Secret clientSecret) {
            explicit.put("azure_tenant_id", Objects.requireNonNull(tenantId, "tenantId"));
            explicit.put("azure_client_id", Objects.requireNonNull(clientId, "clientId"));
            secrets.put("azure_client_secret", Objects.requireNonNull(clientSecret, "clientSecret"));
            return this;
        }

        /**
         * The workspace's Azure resource id: sent as {@code X-Databricks-Azure-Workspace-Resource-Id} with Entra ID
         * credentials (with the service principal's management token when it is not a workspace user yet).
         */
        public Builder azureWorkspaceResourceId(String resourceId) {
            explicit.put("azure_workspace_resource_id", Objects.requireNonNull(resourceId, "resourceId"));
            return this;
        }

        /** Forces one authentication type ({@code pat}, {@code oauth-m2m}, {@code azure-client-secret}, {@code azure-msi}, {@code azure-cli}, {@code basic}). */
        public Builder authType(String authType) {
            explicit.put("auth_type", Objects.requireNonNull(authType, "authType"));
            return this;
        }

        /** A profile of the configuration file. */
        public Builder profile(String profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /** The configuration file instead of {@code ~/.databrickscfg} (and {@code DATABRICKS_CONFIG_FILE}). */
        public Builder configFile(Path file) {
            explicit.put("config_file", Objects.requireNonNull(file, "file").toString());
            return this;
        }

        /** Any credential, bypassing the lookup of credential settings (the host is still looked up). */
        public Builder credential(Credential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /** The environment variables to read ({@link Environment#system()} by default; tests pass a map). */
        public Builder environment(Environment env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /** The home directory where {@code .databrickscfg} is looked for. */
        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        /** When failed requests are retried. */
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

        /** How often pollers look: the first wait (default 2 s) and the longest (default 20 s). */
        public Builder pollInterval(Duration first, Duration max) {
            this.pollInterval = Objects.requireNonNull(first, "first");
            this.maxPollInterval = Objects.requireNonNull(max, "max");
            return this;
        }

        /** The clock and sleeper of pollers and retries; tests pass fakes so that no real time passes. */
        public Builder timing(Clock clock, Sleeper sleeper) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Allows plain http to a host that is not loopback (tokens would travel in clear). */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /** Changes the HTTP client's settings (interceptors, headers, trust store) before it is built. */
        public Builder http(Consumer<ApiClient.Builder> customizer) {
            httpCustomizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws ConfigurationException when the host or a credential is missing (or, for OAuth M2M on an accounts
         *                                console, the account id), naming every place searched
         */
        public DatabricksClient build() {
            Map<String, String> values = new LinkedHashMap<>(explicit);
            secrets.forEach((k, v) -> values.put(k, v.reveal()));
            DatabricksConfig cfg = DatabricksConfig.resolve(env, home, profile, values);
            cfg.require(DatabricksConfig.HOST);
            String host = cfg.host();
            boolean accountLevel = accountsHost != null ? accountsHost : cfg.isAccountsHost();
            Credential cred = credential != null ? credential
                    : Auth.credential(cfg, host, accountLevel, httpBuilder("DATABRICKS"));
            ApiClient http = httpBuilder("DATABRICKS").baseUrl(host).credential(cred).build();
            Context ctx = new Context(http, sleeper, clock, pollInterval, maxPollInterval);
            return new DatabricksClient(cfg, host, ctx, allowInsecureHttp, accountLevel);
        }

        private ApiClient.Builder httpBuilder(String service) {
            ApiClient.Builder hb = ApiClient.builder(service, "sdk-databricks")
                    .errorParser(DatabricksErrorParser.INSTANCE)
                    .retryPolicy(retryPolicy)
                    .connectTimeout(connectTimeout)
                    .readTimeout(readTimeout)
                    .allowInsecureHttp(allowInsecureHttp)
                    .sleeper(sleeper);
            httpCustomizers.forEach(c -> c.accept(hb));
            return hb;
        }
    }
}
