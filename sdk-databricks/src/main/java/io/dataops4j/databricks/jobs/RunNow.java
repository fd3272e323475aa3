package io.dataops4j.databricks.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The options of {@link Jobs#runNow(long, RunNow)}. The idempotency token is generated once, when the options are
 * built (unless given), and sent on every attempt: a retried run-now never starts a second run.
 *
 * <pre>{@code
 * RunNow opts = RunNow.builder().jobParameter("env", "prod").only("train").build();
 * Poller<Run> run = dbx.jobs().runNow(jobId, opts);
 * }</pre>
 *
 * @param jobParameters    job parameter values for this run
 * @param idempotencyToken at most 64 characters; a second run-now with it returns the first run
 * @param only             the task keys to run, or empty for all
 * @param queue            whether the run may wait in a queue, or null for the job's setting
 * @param extras           other fields ({@code performance_target}, legacy {@code notebook_params}, ...)
 */
public record RunNow(Map<String, String> jobParameters, String idempotencyToken, List<String> only, Boolean queue,
                     Map<String, Object> extras) {
    public RunNow {
        jobParameters = Map.copyOf(jobParameters);
        Objects.requireNonNull(idempotencyToken, "idempotencyToken");
        if (idempotencyToken.isEmpty() || idempotencyToken.length() > 64) {
            throw new IllegalArgumentException("idempotency_token must be 1-64 characters, but has " + idempotencyToken.length());
        }
        only = List.copyOf(only);
        extras = Map.copyOf(extras);
    }

    /** Default options with a fresh idempotency token. */
    public static RunNow defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The request body for a job. */
    Map<String, Object> toWire(long jobId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", jobId);
        m.put("idempotency_token", idempotencyToken);
        if (!jobParameters.isEmpty()) {
            m.put("job_parameters", new LinkedHashMap<>(jobParameters));
        }
        if (!only.isEmpty()) {
            m.put("only", only);
        }
        if (queue != null) {
            m.put("queue", Map.of("enabled", queue));
        }
        m.putAll(extras);
        return m;
    }

    /** Builds {@link RunNow}. */
    public static final class Builder {
        private final Map<String, String> jobParameters = new LinkedHashMap<>();
        private String token;
        private final List<String> only = new ArrayList<>();
        private Boolean queue;
        private final Map<String, Object> extras = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder jobParameter(String name, String value) {
            jobParameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder jobParameters(Map<String, String> values) {
            values.forEach(this::jobParameter);
            return this;
        }

        /** A token of the caller's (a run-now repeated with it, even from another process, starts no second run). */
        public Builder idempotencyToken(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /** Runs only these tasks. */
        public Builder only(String... taskKeys) {
            only.addAll(List.of(taskKeys));
            return this;
        }

        public Builder queue(boolean enabled) {
            this.queue = enabled;
            return this;
        }

        public Builder extras(Map<String, Object> fields) {
            extras.putAll(fields);
            return this;
        }

        public RunNow build() {
            return new RunNow(jobParameters, token != null ? token : UUID.randomUUID().toString(), only, queue, extras);
        }
    }
}
