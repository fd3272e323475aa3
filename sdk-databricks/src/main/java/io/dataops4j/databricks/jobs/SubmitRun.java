package io.dataops4j.databricks.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A one-time run ({@code jobs/runs/submit}): tasks without a job. Validated like a {@link JobSpec}; its idempotency
 * token is generated once when built (unless given) and sent on every attempt.
 *
 * <pre>{@code
 * SubmitRun once = SubmitRun.builder().runName("backfill")
 *     .task(Task.notebook("once", "/Repos/etl/backfill").onCluster("0101-abc")).build();
 * Run run = dbx.jobs().submit(once).waitForCompletion(Duration.ofHours(1));
 * }</pre>
 */
public final class SubmitRun {
    private final Map<String, Object> wire;

    private SubmitRun(Map<String, Object> wire) {
        this.wire = java.util.Collections.unmodifiableMap(wire);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The request body. */
    public Map<String, Object> toWire() {
        return wire;
    }

    /** The idempotency token sent. */
    public String idempotencyToken() {
        return (String) wire.get("idempotency_token");
    }

    @Override
    public String toString() {
        return "SubmitRun[" + wire.get("run_name") + "]";
    }

    /** Builds a {@link SubmitRun}. */
    public static final class Builder {
        private String runName;
        private final List<Task> tasks = new ArrayList<>();
        private Long timeoutSeconds;
        private String token;
        private final Map<String, Object> extras = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder runName(String runName) {
            this.runName = runName;
            return this;
        }

        public Builder task(Task task) {
            tasks.add(Objects.requireNonNull(task, "task"));
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeoutSeconds = timeout.toSeconds();
            return this;
        }

        public Builder idempotencyToken(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /** Other fields ({@code git_source}, {@code environments}, {@code notification_settings}, ...). */
        public Builder extras(Map<String, Object> fields) {
            extras.putAll(fields);
            return this;
        }

        /**
         * Validates (as {@link JobSpec.Builder#build()}) and builds.
         *
         * @throws JobSpec.InvalidJobSpecException naming the task and the field of each problem
         */
        public SubmitRun build() {
            JobSpec.Builder check = JobSpec.builder();
            tasks.forEach(check::task);
            check.build();
            Map<String, Object> m = new LinkedHashMap<>();
            if (runName != null) {
                m.put("run_name", runName);
            }
            m.put("idempotency_token", token != null ? token : UUID.randomUUID().toString());
            m.put("tasks", tasks.stream().map(Task::toWire).toList());
            if (timeoutSeconds != null) {
                m.put("timeout_seconds", timeoutSeconds);
            }
            m.putAll(extras);
            return new SubmitRun(m);
        }
    }
}
