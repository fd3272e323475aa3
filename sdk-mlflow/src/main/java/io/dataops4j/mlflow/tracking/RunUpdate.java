package io.dataops4j.mlflow.tracking;

import java.time.Instant;

/**
 * Changes to a run; null fields stay as they are.
 *
 * <pre>{@code
 * mlflow.runs().update(runId, RunUpdate.builder().status(RunStatus.FINISHED).endTime(end).build());
 * }</pre>
 *
 * @param status  the new status, or null
 * @param endTime the new end time, or null
 * @param runName the new name, or null
 */
public record RunUpdate(RunStatus status, Instant endTime, String runName) {
    public RunUpdate {
        if (status == RunStatus.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a status a run can be set to");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RunUpdate}. */
    public static final class Builder {
        private RunStatus status;
        private Instant endTime;
        private String runName;

        private Builder() {
        }

        public Builder status(RunStatus status) {
            this.status = status;
            return this;
        }

        public Builder endTime(Instant endTime) {
            this.endTime = endTime;
            return this;
        }

        public Builder runName(String runName) {
            this.runName = runName;
            return this;
        }

        public RunUpdate build() {
            return new RunUpdate(status, endTime, runName);
        }
    }
}
