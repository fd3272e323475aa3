package io.dataops4j.mlflow.transfer;

import java.io.PrintStream;
import java.util.List;

/**
 * The differences {@link MlflowDiff} found. Empty means the target holds an exact copy of the selection (ids and
 * the timestamps a server sets itself aside).
 *
 * <pre>{@code
 * DiffReport d = MlflowDiff.between(dev, prod).experiment("churn").model("churn").compare();
 * d.print(System.out);
 * System.exit(d.isEmpty() ? 0 : 1);
 * }</pre>
 *
 * @param source             the source's tracking URI or export directory
 * @param target             the target's tracking URI
 * @param differences        the differences, up to the limit
 * @param totalDifferences   every difference found, including those past the limit
 * @param experimentsCompared experiments compared
 * @param runsCompared       source runs compared
 * @param modelsCompared     models compared
 * @param versionsCompared   source model versions compared
 * @param notes              what could not be compared (an experiment too big to list its extra runs...)
 */
public record DiffReport(String source, String target, List<Difference> differences, long totalDifferences,
                         long experimentsCompared, long runsCompared, long modelsCompared, long versionsCompared,
                         List<String> notes) {
    public DiffReport {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    /** Whether nothing differs. */
    public boolean isEmpty() {
        return totalDifferences == 0;
    }

    /** Whether something differs (the CLI exits non-zero). */
    public boolean hasDifferences() {
        return totalDifferences > 0;
    }

    /** The report as text. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("MLflow diff: ").append(source).append(" -> ").append(target).append('\n');
        sb.append("compared ").append(experimentsCompared).append(" experiments, ").append(runsCompared).append(" runs, ")
                .append(modelsCompared).append(" models, ").append(versionsCompared).append(" model versions\n");
        for (Difference d : differences) {
            sb.append("  ").append(d).append('\n');
        }
        if (totalDifferences > differences.size()) {
            sb.append("  ... and ").append(totalDifferences - differences.size()).append(" more\n");
        }
        for (String n : notes) {
            sb.append("  note: ").append(n).append('\n');
        }
        sb.append(totalDifferences == 0 ? "no differences\n" : totalDifferences + " differences\n");
        return sb.toString();
    }

    public void print(PrintStream out) {
        out.print(render());
    }

    @Override
    public String toString() {
        return "DiffReport[" + source + " -> " + target + ": " + totalDifferences + " differences]";
    }
}
