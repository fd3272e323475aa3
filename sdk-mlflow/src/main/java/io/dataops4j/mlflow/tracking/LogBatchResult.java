package io.dataops4j.mlflow.tracking;

/**
 * What {@link Runs#logBatch} sent.
 *
 * @param requests how many {@code log-batch} requests it took
 * @param metrics  metric points sent
 * @param params   params sent
 * @param tags     tags sent
 */
public record LogBatchResult(int requests, long metrics, long params, long tags) {
}
