package io.dataops4j.databricks.jobs;

import com.squareup.moshi.Json;
import java.util.Objects;

/**
 * A task another task depends on.
 *
 * @param taskKey the upstream task
 * @param outcome for a condition task upstream, the outcome that lets this task run ({@code "true"} or
 *                {@code "false"}); null otherwise
 */
public record TaskDependency(@Json(name = "task_key") String taskKey, String outcome) {
    public TaskDependency {
        Objects.requireNonNull(taskKey, "taskKey");
    }

    /** A dependency on a task's success (as {@code run_if} says). */
    public static TaskDependency on(String taskKey) {
        return new TaskDependency(taskKey, null);
    }
}
