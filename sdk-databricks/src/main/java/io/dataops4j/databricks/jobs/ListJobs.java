package io.dataops4j.databricks.jobs;

/**
 * A query of {@link Jobs#list(ListJobs)} ({@code jobs/list}).
 *
 * @param name        only jobs of this exact name, or null
 * @param expandTasks include task and cluster details
 * @param limit       page size (1-100), or null for the service's default
 */
public record ListJobs(String name, boolean expandTasks, Integer limit) {
    public ListJobs {
        if (limit != null && (limit < 1 || limit > 100)) {
            throw new IllegalArgumentException("jobs/list limit must be 1-100, but was " + limit);
        }
    }

    /** Every job. */
    public static ListJobs all() {
        return new ListJobs(null, false, null);
    }

    public ListJobs named(String jobName) {
        return new ListJobs(jobName, expandTasks, limit);
    }

    public ListJobs expandTasks(boolean expand) {
        return new ListJobs(name, expand, limit);
    }

    public ListJobs limit(int pageSize) {
        return new ListJobs(name, expandTasks, pageSize);
    }
}
