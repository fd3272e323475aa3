package io.dataops4j.adf.deploy;

/**
 * One step of applying a plan, for progress bars and logs.
 *
 * @param action    stop-trigger, global-parameters, deploy, delete, start-trigger, state
 * @param target    {@code type.name} (or the state file)
 * @param status    started, done, failed or warning
 * @param message   detail, or null
 * @param completed steps done so far
 * @param total     steps in the plan
 */
public record DeploymentEvent(String action, String target, Status status, String message, int completed, int total) {
    /** Where a step stands. */
    public enum Status { STARTED, DONE, FAILED, WARNING }
}
