package io.dataops4j.adf;

import io.dataops4j.core.Sleeper;
import io.dataops4j.core.arm.ArmClient;
import io.dataops4j.core.arm.ResourceId;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.ConfigurationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * One Data Factory through Azure Resource Manager (api-version 2018-06-01): its objects ({@link #resources()}),
 * pipeline runs ({@link #pipelines()}) and triggers ({@link #triggers()}). Immutable and thread-safe.
 *
 * <pre>{@code
 * AdfClient adf = AdfClient.builder()
 *     .credential(EntraIdCredential.defaultAzure(Scopes.ARM))
 *     .factory("sub-id", "rg-data", "adf-prod")
 *     .build();
 * PipelineRun run = adf.pipelines().createRun("PL_Nightly", Map.of("date", "2026-01-01"))
 *     .onProgress(r -> log.info("{} {}", r.runId(), r.status()))
 *     .waitForCompletion(Duration.ofHours(1));
 * }</pre>
 */
public final class AdfClient implements AutoCloseable {
    /** The ADF REST API version. */
    public static final String API_VERSION = "2018-06-01";

    private final ArmClient arm;
    private final ResourceId factoryId;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final AdfResources resources;
    private final AdfPipelines pipelines;
    private final AdfTriggers triggers;

    private AdfClient(Builder b) {
        this.arm = b.arm;
        this.factoryId = b.factoryId;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.pollInterval = b.pollInterval;
        this.resources = new AdfResources(this);
        this.pipelines = new AdfPipelines(this);
        this.triggers = new AdfTriggers(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The factory's resource id. */
    public ResourceId factoryId() {
        return factoryId;
    }

    /** The ARM client underneath. */
    public ArmClient arm() {
        return arm;
    }

    /** The factory's objects: list, get, put, delete; global parameters. */
    public AdfResources resources() {
        return resources;
    }

    /** Pipeline runs and activity runs. */
    public AdfPipelines pipelines() {
        return pipelines;
    }

    /** Trigger start/stop, event subscriptions and trigger runs. */
    public AdfTriggers triggers() {
        return triggers;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    /** {@code {factory path}/{segments}}. */
    String path(String... segments) {
        StringBuilder sb = new StringBuilder(factoryId.path());
        for (String s : segments) {
            sb.append('/').append(s);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        arm.close();
    }

    @Override
    public String toString() {
        return "AdfClient[" + factoryId + "]";
    }

    /** Builds an {@link AdfClient}: an ARM client (or an endpoint and a credential) and the factory. */
    public static final class Builder {
        private ArmClient arm;
        private String endpoint = ArmClient.PUBLIC_CLOUD;
        private Credential credential;
        private ResourceId factoryId;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Duration pollInterval = Duration.ofSeconds(5);

        private Builder() {
        }

        /** An ARM client to use (its endpoint, credential, retries and long-running-operation timing). */
        public Builder arm(ArmClient arm) {
            this.arm = Objects.requireNonNull(arm, "arm");
            return this;
        }

        /** The management endpoint when no ARM client is given (sovereign clouds, a local fake). */
        public Builder endpoint(String endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        public Builder credential(Credential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        public Builder factory(String subscription, String resourceGroup, String factoryName) {
            return factory(ResourceId.of(subscription, resourceGroup, "Microsoft.DataFactory", "factories", factoryName));
        }

        public Builder factory(ResourceId factoryId) {
            this.factoryId = Objects.requireNonNull(factoryId, "factoryId");
            return this;
        }

        /** How often pipeline runs are polled (default 5 s; grows 1.5x per poll up to 6x). */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Clock and sleeper for run pollers (and for the ARM client built here); tests pass fakes. */
        public Builder timing(Clock clock, Sleeper sleeper) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public AdfClient build() {
            if (factoryId == null) {
                throw new ConfigurationException("Data Factory required: factory(subscription, resourceGroup, name)");
            }
            if (arm == null) {
                if (credential == null) {
                    throw new ConfigurationException("ADF needs an ARM client, or a credential (EntraIdCredential.defaultAzure(Scopes.ARM), "
                            + "or a bearer token)");
                }
                arm = ArmClient.builder().endpoint(endpoint).credential(credential).timing(clock, sleeper).pollInterval(pollInterval).build();
            }
            return new AdfClient(this);
        }
    }
}
