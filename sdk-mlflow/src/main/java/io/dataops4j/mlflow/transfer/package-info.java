/**
 * Export, import and copy of MLflow experiments, runs and registered models, in mlflow-export-import's directory
 * format, and comparison of a source with its copy.
 *
 * <ul>
 * <li>{@link io.dataops4j.mlflow.transfer.MlflowTransfer}: what to copy, from where (a tracking server or an export
 *     directory) to where (a tracking server or an export directory); {@code plan()} gives a
 *     {@link io.dataops4j.mlflow.transfer.Plan} (the dry run), whose {@code apply} gives a
 *     {@link io.dataops4j.mlflow.transfer.TransferResult} (counts, source -> target id maps).</li>
 * <li>{@link io.dataops4j.mlflow.transfer.TransferOptions}: parallelism, renames, filters, version selection.</li>
 * <li>{@link io.dataops4j.mlflow.transfer.MlflowDiff}: the differences between a source and its copy, as a
 *     {@link io.dataops4j.mlflow.transfer.DiffReport}.</li>
 * </ul>
 *
 * <pre>{@code
 * Plan plan = MlflowTransfer.from(dev).to(prod).experiment("churn").model("churn").plan();
 * plan.print(System.out);
 * TransferResult result = plan.apply(ProgressListener.NONE);
 * DiffReport diff = MlflowDiff.between(dev, prod).experiment("churn").model("churn").compare();
 * }</pre>
 */
package io.dataops4j.mlflow.transfer;
