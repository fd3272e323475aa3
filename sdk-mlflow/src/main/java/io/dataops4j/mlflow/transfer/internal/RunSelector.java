package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.LifecycleStage;
import io.dataops4j.mlflow.tracking.Run;
import java.time.Instant;

/**
 * Which runs of an experiment a transfer takes.
 *
 * @param includeDeleted whether deleted runs are taken too
 * @param startedAfter   only runs started at or after, or null
 * @param startedBefore  only runs started before, or null
 * @param filter         an MLflow search filter, or null (tracking server sources only)
 */
public record RunSelector(boolean includeDeleted, Instant startedAfter, Instant startedBefore, String filter) {
    /** Every active run. */
    public static final RunSelector ALL_ACTIVE = new RunSelector(false, null, null, null);

    /** The filter a tracking server applies: the time window and the user's filter. */
    public String serverFilter() {
        StringBuilder sb = new StringBuilder();
        if (startedAfter != null) {
            sb.append("attributes.start_time >= ").append(startedAfter.toEpochMilli());
        }
        if (startedBefore != null) {
            if (sb.length() > 0) {
                sb.append(" AND ");
            }
            sb.append("attributes.start_time < ").append(startedBefore.toEpochMilli());
        }
        if (filter != null && !filter.isBlank()) {
            if (sb.length() > 0) {
                sb.append(" AND ");
            }
            sb.append(filter.strip());
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Whether a run read from an export is selected (the filter itself cannot be applied there). */
    public boolean accepts(Run run) {
        if (!includeDeleted && run.info().lifecycleStage() == LifecycleStage.DELETED) {
            return false;
        }
        Instant start = run.info().startTime();
        if (startedAfter != null && (start == null || start.isBefore(startedAfter))) {
            return false;
        }
        return startedBefore == null || (start != null && start.isBefore(startedBefore));
    }
}
