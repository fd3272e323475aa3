package io.dataops4j.databricks.jobs;

/**
 * Why a task of a run did not succeed.
 *
 * @param taskKey      the task
 * @param runId        its task run's id, or null
 * @param resultState  how it ended (FAILED, TIMEDOUT, UPSTREAM_FAILED, ...)
 * @param stateMessage the service's message, possibly empty
 * @param error        for a failed task, the error from {@code get-output}, or null
 * @param errorTrace   the error's trace from {@code get-output}, or null
 */
public record TaskFailure(String taskKey, Long runId, RunResultState resultState, String stateMessage, String error,
                          String errorTrace) {
    /** One line: the task, how it ended, the message and the error. */
    public String describe() {
        StringBuilder sb = new StringBuilder("task '").append(taskKey).append("' ").append(resultState);
        if (stateMessage != null && !stateMessage.isBlank()) {
            sb.append(": ").append(stateMessage.strip());
        }
        if (error != null && !error.isBlank()) {
            sb.append(" [error: ").append(error.strip()).append(']');
        }
        if (errorTrace != null && !errorTrace.isBlank()) {
            String[] lines = errorTrace.strip().split("\\R");
            int n = Math.min(lines.length, 8);
            sb.append(" [trace: ").append(String.join(" | ", java.util.Arrays.copyOf(lines, n)))
                    .append(lines.length > n ? " | ..." : "").append(']');
        }
        return sb.toString();
    }
}
