package io.dataops4j.databricks.jobs;

import java.time.Instant;

/**
 * A query of {@link Jobs#listRuns(ListRuns)} ({@code jobs/runs/list}).
 *
 * <pre>{@code
 * dbx.jobs().listRuns(ListRuns.ofJob(42).onlyActive()).forEach(System.out::println);
 * }</pre>
 *
 * @param jobId         the job, or null for every job
 * @param activeOnly    only runs not yet ended
 * @param completedOnly only ended runs
 * @param runType       JOB_RUN, WORKFLOW_RUN or SUBMIT_RUN, or null
 * @param startTimeFrom runs started at or after, or null
 * @param startTimeTo   runs started at or before, or null
 * @param expandTasks   include task runs
 * @param limit         page size (1-25), or null for the service's default
 */
public record ListRuns(Long jobId, boolean activeOnly, boolean completedOnly, String runType, Instant startTimeFrom,
                       Instant startTimeTo, boolean expandTasks, Integer limit) {
    public ListRuns {
        if (activeOnly && completedOnly) {
            throw new IllegalArgumentException("active_only and completed_only exclude each other");
        }
        if (limit != null && (limit < 1 || limit > 25)) {
            throw new IllegalArgumentException("runs/list limit must be 1-25, but was " + limit);
        }
    }

    /** Every run of every job. */
    public static ListRuns all() {
        return new ListRuns(null, false, false, null, null, null, false, null);
    }

    /** The runs of one job. */
    public static ListRuns ofJob(long jobId) {
        return new ListRuns(jobId, false, false, null, null, null, false, null);
    }

    public ListRuns onlyActive() {
        return new ListRuns(jobId, true, false, runType, startTimeFrom, startTimeTo, expandTasks, limit);
    }

    public ListRuns onlyCompleted() {
        return new ListRuns(jobId, false, true, runType, startTimeFrom, startTimeTo, expandTasks, limit);
    }

    public ListRuns expandTasks(boolean expand) {
        return new ListRuns(jobId, activeOnly, completedOnly, runType, startTimeFrom, startTimeTo, expand, limit);
    }

    public ListRuns limit(int pageSize) {
        return new ListRuns(jobId, activeOnly, completedOnly, runType, startTimeFrom, startTimeTo, expandTasks, pageSize);
    }

    public ListRuns startedBetween(Instant from, Instant to) {
        return new ListRuns(jobId, activeOnly, completedOnly, runType, from, to, expandTasks, limit);
    }
}
