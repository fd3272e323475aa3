package io.dataops4j.databricks.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Jobs#repair(long, RepairRun)} runs again ({@code jobs/runs/repair}).
 *
 * <pre>{@code
 * dbx.jobs().repair(runId, RepairRun.failedTasks()).waitForCompletion(Duration.ofMinutes(30));
 * dbx.jobs().repair(runId, RepairRun.tasks("train", "report").withLatestRepairId(4));
 * }</pre>
 *
 * @param rerunTasks            the tasks to run again (empty with {@code rerunAllFailedTasks})
 * @param rerunAllFailedTasks   whether every failed task runs again
 * @param rerunDependentTasks   whether the tasks downstream of those run again too
 * @param latestRepairId        the latest repair's id, required after the first repair, or null
 * @param jobParameters         job parameter values for the repair
 */
public record RepairRun(List<String> rerunTasks, boolean rerunAllFailedTasks, Boolean rerunDependentTasks,
                        Long latestRepairId, Map<String, String> jobParameters) {
    public RepairRun {
        rerunTasks = List.copyOf(rerunTasks);
        jobParameters = Map.copyOf(jobParameters);
        if (rerunTasks.isEmpty() && !rerunAllFailedTasks) {
            throw new IllegalArgumentException("a repair needs rerun_tasks or rerun_all_failed_tasks");
        }
    }

    /** Runs every failed task again. */
    public static RepairRun failedTasks() {
        return new RepairRun(List.of(), true, null, null, Map.of());
    }

    /** Runs these tasks again. */
    public static RepairRun tasks(String... taskKeys) {
        return new RepairRun(List.of(taskKeys), false, null, null, Map.of());
    }

    public RepairRun withLatestRepairId(long id) {
        return new RepairRun(rerunTasks, rerunAllFailedTasks, rerunDependentTasks, id, jobParameters);
    }

    public RepairRun withDependentTasks(boolean rerun) {
        return new RepairRun(rerunTasks, rerunAllFailedTasks, rerun, latestRepairId, jobParameters);
    }

    public RepairRun withJobParameters(Map<String, String> values) {
        return new RepairRun(rerunTasks, rerunAllFailedTasks, rerunDependentTasks, latestRepairId, values);
    }

    Map<String, Object> toWire(long runId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", runId);
        if (!rerunTasks.isEmpty()) {
            m.put("rerun_tasks", rerunTasks);
        }
        if (rerunAllFailedTasks) {
            m.put("rerun_all_failed_tasks", true);
        }
        if (rerunDependentTasks != null) {
            m.put("rerun_dependent_tasks", rerunDependentTasks);
        }
        if (latestRepairId != null) {
            m.put("latest_repair_id", latestRepairId);
        }
        if (!jobParameters.isEmpty()) {
            m.put("job_parameters", new LinkedHashMap<>(jobParameters));
        }
        return m;
    }
}
