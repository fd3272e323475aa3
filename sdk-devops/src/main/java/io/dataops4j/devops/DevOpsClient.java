package io.dataops4j.devops;

import io.dataops4j.core.Secret;
import io.dataops4j.core.Sleeper;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.auth.EntraIdCredential;
import io.dataops4j.core.auth.Scopes;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.devops.internal.DevOpsContext;
import io.dataops4j.devops.internal.SubClients;
import io.dataops4j.devops.pipelines.Builds;
import io.dataops4j.devops.pipelines.Pipelines;
import io.dataops4j.devops.releases.Releases;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * An Azure DevOps organization: classic releases ({@code vsrm} host), pipelines and builds. Authenticates with a
 * PAT (HTTP Basic, empty user name), an Entra ID token (scope {@link Scopes#DEVOPS}) or the pipeline's
 * {@code System.AccessToken}; sends {@code X-TFS-FedAuthRedirect: Suppress} so that a bad credential gives a 401
 * instead of a sign-in page. Immutable and thread-safe.
 *
 * <pre>{@code
 * try (DevOpsClient devops = DevOpsClient.builder("https://dev.azure.com/contoso")
 *         .pat(Secret.of(System.getenv("AZURE_DEVOPS_EXT_PAT"))).build()) {
 *     Release r = devops.releases().create("ml", CreateRelease.builder(5).variable("MODEL_VERSION", "3").build());
 *     devops.releases().poll("ml", r.id()).waitForCompletion(Duration.ofMinutes(30));
 *     Build b = devops.builds().queue("ml", QueueBuild.of(7, "refs/heads/main", Map.of())).waitForCompletion(Duration.ofMinutes(30));
 * }
 * }</pre>
 */
public final class DevOpsClient implements AutoCloseable {
    /** Personal access token variable of the Azure DevOps CLI extension. */
    public static final String ENV_PAT = "AZURE_DEVOPS_EXT_PAT";
    /** The job's token inside Azure Pipelines (mapped from {@code $(System.AccessToken)}). */
    public static final String ENV_SYSTEM_ACCESSTOKEN = "SYSTEM_ACCESSTOKEN";
    /** The organization URL inside Azure Pipelines. */
    public static final String ENV_COLLECTION_URI = "SYSTEM_COLLECTIONURI";

    private final DevOpsContext ctx;
    private final URI organizationUrl;
    private final Releases releases;
    private final Pipelines pipelines;
    private final Builds builds;

    private DevOpsClient(Builder b, ApiClient http, ApiClient vsrm) {
        this.organizationUrl = http.baseUrl();
        this.ctx = new DevOpsContext(http, vsrm, b.pollInterval, b.clock, b.sleeper);
        this.releases = SubClients.create(Releases.class, ctx);
        this.pipelines = SubClients.create(Pipelines.class, ctx);
        this.builds = SubClients.create(Builds.class, ctx);
    }

    /** A builder for an organization URL ({@code https://dev.azure.com/{org}}). */
    public static Builder builder(String organizationUrl) {
        return new Builder(organizationUrl);
    }

    /** From the process environment; see {@link #fromEnvironment(Environment, String)}. */
    public static DevOpsClient fromEnvironment() {
        return fromEnvironment(Environment.system(), null);
    }

    /**
     * From environment variables: the organization is {@code organizationUrl} when given, else
     * {@code SYSTEM_COLLECTIONURI}; the credential is {@code AZURE_DEVOPS_EXT_PAT} (Basic), else
     * {@code SYSTEM_ACCESSTOKEN} (Bearer), else Entra ID's default chain when azure-identity is present.
     */
    public static DevOpsClient fromEnvironment(Environment env, String organizationUrl) {
        String org = organizationUrl != null ? organizationUrl : env.get(ENV_COLLECTION_URI);
        if (org == null || org.isBlank()) {
            throw new ConfigurationException("no Azure DevOps organization URL: pass --org / builder(url), or set " + ENV_COLLECTION_URI);
        }
        return builder(org).credential(credentialFrom(env)).build();
    }

    /** The credential {@link #fromEnvironment(Environment, String)} picks. */
    public static Credential credentialFrom(Environment env) {
        String pat = env.get(ENV_PAT);
        if (pat != null && !pat.isBlank()) {
            return Credential.patAsBasicPassword(Secret.of(pat));
        }
        String job = env.get(ENV_SYSTEM_ACCESSTOKEN);
        if (job != null && !job.isBlank()) {
            return Credential.bearer(Secret.of(job));
        }
        if (EntraIdCredential.available()) {
            return EntraIdCredential.defaultAzure(Scopes.DEVOPS);
        }
        throw new ConfigurationException("no Azure DevOps credential: set " + ENV_PAT + " (a PAT) or " + ENV_SYSTEM_ACCESSTOKEN
                + " (in a pipeline), or add com.azure:azure-identity for Entra ID");
    }

    /**
     * The release host for an organization URL: {@code https://vsrm.dev.azure.com/{org}} for
     * {@code https://dev.azure.com/{org}}, {@code https://{org}.vsrm.visualstudio.com} for
     * {@code https://{org}.visualstudio.com}; any other URL (a server, a test) is used as it is.
     */
    static URI releaseHost(URI org) {
        String host = org.getHost().toLowerCase(Locale.ROOT);
        String base = org.toString();
        if (host.equals("dev.azure.com")) {
            return URI.create(base.replaceFirst("(?i)://dev\\.azure\\.com", "://vsrm.dev.azure.com"));
        }
        if (host.endsWith(".visualstudio.com") && !host.contains(".vsrm.")) {
            String orgName = host.substring(0, host.length() - ".visualstudio.com".length());
            return URI.create(base.replaceFirst("(?i)://" + java.util.regex.Pattern.quote(host), "://" + orgName + ".vsrm.visualstudio.com"));
        }
        return org;
    }

    /** The organization URL. */
    public URI organizationUrl() {
        return organizationUrl;
    }

    /** The release host URL. */
    public URI releaseUrl() {
        return ctx.vsrm().baseUrl();
    }

    /** Classic releases. */
    public Releases releases() {
        return releases;
    }

    /** YAML pipelines and their runs. */
    public Pipelines pipelines() {
        return pipelines;
    }

    /** Builds: queue, get, poll to completion. */
    public Builds builds() {
        return builds;
    }

    /** The HTTP client of the organization host, for calls this SDK does not model. */
    public ApiClient http() {
        return ctx.http();
    }

    @Override
    public void close() {
        ctx.http().close();
        ctx.vsrm().close();
    }

    @Override
    public String toString() {
        return "DevOpsClient[" + organizationUrl + ", " + ctx.http().credential() + "]";
    }

    /** Builds a {@link DevOpsClient}; validates in {@link #build()}. */
    public static final class Builder {
        private final String organizationUrl;
        private String releaseUrl;
        private Credential credential;
        private RetryPolicy retryPolicy;
        private Duration pollInterval = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder(String organizationUrl) {
            this.organizationUrl = Objects.requireNonNull(organizationUrl, "organizationUrl");
        }

        /** A personal access token (sent as the Basic password with an empty user name). */
        public Builder pat(Secret pat) {
            return credential(Credential.patAsBasicPassword(pat));
        }

        /** Any credential (Entra ID: {@code EntraIdCredential.defaultAzure(Scopes.DEVOPS)}). */
        public Builder credential(Credential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /** The release host, when it cannot be derived from the organization URL (servers, tests). */
        public Builder releaseUrl(String releaseUrl) {
            this.releaseUrl = releaseUrl;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** The first poll interval of pollers (default 5 s; grows up to ten times that). */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** The clock and sleeper of pollers and retries (tests pass ones that do not wait). */
        public Builder timing(Clock clock, Sleeper sleeper) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public DevOpsClient build() {
            if (credential == null) {
                throw new ConfigurationException("an Azure DevOps credential is required: pat(...) or credential(...)");
            }
            ApiClient.Builder hb = ApiClient.builder("DEVOPS", "sdk-devops").baseUrl(organizationUrl).credential(credential)
                    .defaultHeader("X-TFS-FedAuthRedirect", "Suppress").sleeper(sleeper);
            if (retryPolicy != null) {
                hb.retryPolicy(retryPolicy);
            }
            ApiClient http = hb.build();
            URI vsrmUrl = releaseUrl != null ? URI.create(releaseUrl) : releaseHost(http.baseUrl());
            ApiClient vsrm = http.newBuilder().baseUrl(vsrmUrl).build();
            return new DevOpsClient(this, http, vsrm);
        }
    }
}
