package io.dataops4j.azureml;

/**
 * One step of an {@link AttachPlan}: what it concerns, what it found and what it will do.
 *
 * @param kind   {@code provider}, {@code identity}, {@code relay}, {@code extension} or {@code compute}
 * @param target what it acts on (a provider namespace, a cluster, an extension, a compute)
 * @param action what apply will do
 * @param detail what was found, the differences, or why it conflicts
 */
public record PlanStep(String kind, String target, Action action, String detail) {
    /** What a step does. */
    public enum Action {
        /** Already in place: nothing to do. */
        NONE,
        /** Register a resource provider and wait for Registered. */
        REGISTER,
        /** Give the AKS cluster a system-assigned managed identity. */
        ENABLE_MANAGED_IDENTITY,
        /** Install the extension, or create a relay resource. */
        CREATE,
        /** Put new settings on the extension or the compute. */
        UPDATE,
        /** Attach the cluster as a compute. */
        ATTACH,
        /** Cannot go on: apply refuses to run. */
        CONFLICT
    }

    /** Whether apply changes something in this step. */
    public boolean changes() {
        return action != Action.NONE && action != Action.CONFLICT;
    }

    @Override
    public String toString() {
        return String.format("%-9s %-26s %-23s %s", kind, target, action, detail == null ? "" : detail);
    }
}
