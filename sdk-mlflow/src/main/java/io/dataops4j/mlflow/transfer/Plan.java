package io.dataops4j.mlflow.transfer;

import io.dataops4j.core.progress.ProgressListener;
import io.dataops4j.mlflow.transfer.internal.Engine;
import java.io.PrintStream;
import java.util.List;

/**
 * A planned transfer: for each experiment how many runs would be created, updated in place, replaced (half-copied
 * earlier, or changed since) or skipped (already copied and up to date), and for each registered model the versions
 * and aliases. Computing it changes nothing: it is the dry run. Print it, inspect it, then {@link #apply} it.
 *
 * <pre>{@code
 * Plan plan = MlflowTransfer.from(dev).to(prod).experiment("churn").model("churn-classifier").plan();
 * plan.print(System.out);
 * if (plan.hasChanges()) {
 *     TransferResult r = plan.apply((done, total, what) -> log.info("{}/{} {}", done, total, what));
 * }
 * }</pre>
 *
 * <p>The target is looked at again when the plan is applied: what changed in between is handled (a run copied
 * meanwhile is skipped), so an old plan is safe to apply.
 */
public final class Plan {
    private final Engine engine;
    private final Engine.PlanData data;

    Plan(Engine engine, Engine.PlanData data) {
        this.engine = engine;
        this.data = data;
    }

    /** Where from: the source's tracking URI or export directory. */
    public String source() {
        return engine.sourceName();
    }

    /** Where to: the target's tracking URI or export directory. */
    public String target() {
        return engine.targetName();
    }

    /** What happens to each selected experiment. */
    public List<PlannedExperiment> experiments() {
        return data.experiments();
    }

    /** What happens to each selected registered model. */
    public List<PlannedModel> models() {
        return data.models();
    }

    /** What prevents applying: an experiment or model missing from the source, a name the target cannot hold. */
    public List<String> errors() {
        return data.errors();
    }

    /** Runs and model versions in the selection (the progress total). */
    public long units() {
        return data.units();
    }

    /** Runs that would be created. */
    public long runsToCreate() {
        return data.experiments().stream().mapToLong(PlannedExperiment::runsToCreate).sum();
    }

    /** Runs that would be updated in place. */
    public long runsToUpdate() {
        return data.experiments().stream().mapToLong(PlannedExperiment::runsToUpdate).sum();
    }

    /** Runs that would be copied again. */
    public long runsToReplace() {
        return data.experiments().stream().mapToLong(PlannedExperiment::runsToReplace).sum();
    }

    /** Runs already copied and up to date. */
    public long runsToSkip() {
        return data.experiments().stream().mapToLong(PlannedExperiment::runsToSkip).sum();
    }

    /** Whether applying would change anything. */
    public boolean hasChanges() {
        return data.experiments().stream().anyMatch(PlannedExperiment::hasChanges)
                || data.models().stream().anyMatch(PlannedModel::hasChanges);
    }

    /**
     * Copies, exports or imports what was planned, reporting each finished run and model version to the listener
     * (from several threads: it must be thread-safe). A listener that throws stops the transfer: runs in progress
     * stop at their next step and the exception is the cause of the {@link TransferException} thrown; running the
     * transfer again resumes it. A run that fails does not stop the others (unless
     * {@link TransferOptions#failFast()}): it is listed in {@link TransferResult#failures()}.
     *
     * @throws TransferException when the plan has errors, or when the transfer stopped before the end
     */
    public TransferResult apply(ProgressListener listener) {
        return engine.apply(data, listener);
    }

    /** {@code "3 runs to create, 1 to update, 0 to replace, 12 up to date; 2 versions to create, ..."} */
    public String summary() {
        long vc = data.models().stream().mapToLong(PlannedModel::versionsToCreate).sum();
        long vu = data.models().stream().mapToLong(PlannedModel::versionsToUpdate).sum();
        long vs = data.models().stream().mapToLong(PlannedModel::versionsToSkip).sum();
        return runsToCreate() + " runs to create, " + runsToUpdate() + " to update, " + runsToReplace() + " to replace, "
                + runsToSkip() + " up to date; " + vc + " model versions to create, " + vu + " to update, " + vs + " up to date"
                + (data.errors().isEmpty() ? "" : "; " + data.errors().size() + " errors");
    }

    /** The plan as text, like {@code terraform plan}. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("MLflow transfer plan: ").append(source()).append(" -> ").append(target()).append('\n');
        for (PlannedExperiment e : data.experiments()) {
            sb.append("\n  ").append(e.action().symbol()).append(" experiment \"").append(e.sourceName()).append('"');
            if (!e.sourceName().equals(e.targetName())) {
                sb.append(" -> \"").append(e.targetName()).append('"');
            }
            sb.append(" (").append(e.action().verb()).append(")\n");
            sb.append("      runs: ").append(e.runsToCreate()).append(" to create, ").append(e.runsToUpdate())
                    .append(" to update, ").append(e.runsToReplace()).append(" to replace, ").append(e.runsToSkip())
                    .append(" up to date\n");
        }
        for (PlannedModel m : data.models()) {
            sb.append("\n  ").append(m.action().symbol()).append(" model \"").append(m.sourceName()).append('"');
            if (!m.sourceName().equals(m.targetName())) {
                sb.append(" -> \"").append(m.targetName()).append('"');
            }
            sb.append(" (").append(m.action().verb()).append(")\n");
            sb.append("      versions: ").append(m.versionsToCreate()).append(" to create, ").append(m.versionsToUpdate())
                    .append(" to update, ").append(m.versionsToSkip()).append(" up to date\n");
            if (!m.aliasesToSet().isEmpty()) {
                sb.append("      aliases to set: ").append(String.join(", ", m.aliasesToSet())).append('\n');
            }
            for (String n : m.notes()) {
                sb.append("      note: ").append(n).append('\n');
            }
        }
        if (!data.errors().isEmpty()) {
            sb.append("\nErrors:\n");
            data.errors().forEach(e -> sb.append("  - ").append(e).append('\n'));
        }
        sb.append("\nPlan: ").append(summary()).append('\n');
        return sb.toString();
    }

    /** Prints {@link #render()}. */
    public void print(PrintStream out) {
        out.print(render());
    }

    @Override
    public String toString() {
        return "Plan[" + source() + " -> " + target() + ": " + summary() + "]";
    }
}
