package io.dataops4j.azureml;

import java.util.List;

/**
 * What {@link AttachPlan#apply} did: every step with its outcome, what still needs a person (node pools after an
 * identity switch, the namespace), and warnings.
 *
 * @param steps     each step and what came of it
 * @param followUps what the service requires that this workflow cannot do
 * @param warnings  things worth a look
 */
public record AttachReport(List<Outcome> steps, List<String> followUps, List<String> warnings) {
    public AttachReport {
        steps = List.copyOf(steps);
        followUps = List.copyOf(followUps);
        warnings = List.copyOf(warnings);
    }

    /**
     * One step's outcome.
     *
     * @param step    the planned step
     * @param applied whether something was changed
     * @param result  what was done or found
     */
    public record Outcome(PlanStep step, boolean applied, String result) {
    }

    /** Whether any step changed something. */
    public boolean changed() {
        return steps.stream().anyMatch(Outcome::applied);
    }

    /** The report as text, one line per step, then follow-ups and warnings. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Outcome o : steps) {
            sb.append(o.applied() ? "changed    " : "unchanged  ").append(o.step().kind()).append(' ').append(o.step().target())
                    .append(": ").append(o.result()).append('\n');
        }
        followUps.forEach(f -> sb.append("follow-up: ").append(f).append('\n'));
        warnings.forEach(w -> sb.append("warning: ").append(w).append('\n'));
        return sb.toString();
    }
}
