package io.dataops4j.bench;

import io.dataops4j.bench.model.Run;
import io.dataops4j.bench.model.RunTask;

/** Checksums of a decoded run, computed the same way from our records and from databricks-sdk-java's POJOs. */
final class Checksums {
    private Checksums() {
    }

    static long of(long runId, int tasks, String lastTaskKey, long lastTaskEndMillis, String clusterId, long maxWorkers,
                   String lifeCycleState) {
        long h = runId;
        h = 31 * h + tasks;
        h = 31 * h + lastTaskKey.hashCode();
        h = 31 * h + lastTaskEndMillis;
        h = 31 * h + clusterId.hashCode();
        h = 31 * h + maxWorkers;
        h = 31 * h + lifeCycleState.hashCode();
        return h;
    }

    static long of(Run run) {
        RunTask last = run.tasks().get(run.tasks().size() - 1);
        return of(run.runId(), run.tasks().size(), last.taskKey(), last.endTime().toEpochMilli(),
                last.clusterInstance().clusterId(), run.jobClusters().get(0).newCluster().autoscale().maxWorkers(),
                run.state().lifeCycleState().name());
    }

    static long of(com.databricks.sdk.service.jobs.Run run) {
        com.databricks.sdk.service.jobs.RunTask last = null;
        int tasks = 0;
        for (com.databricks.sdk.service.jobs.RunTask t : run.getTasks()) {
            last = t;
            tasks++;
        }
        if (last == null) {
            throw new IllegalStateException("run " + run.getRunId() + " has no tasks");
        }
        return of(run.getRunId(), tasks, last.getTaskKey(), last.getEndTime(),
                last.getClusterInstance().getClusterId(),
                run.getJobClusters().iterator().next().getNewCluster().getAutoscale().getMaxWorkers(),
                run.getState().getLifeCycleState().name());
    }
}
