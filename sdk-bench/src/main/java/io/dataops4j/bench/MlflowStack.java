package io.dataops4j.bench;

/**
 * One MLflow client doing the benchmark's two operations, each as a user of that client would write it, blocking on
 * the calling thread.
 */
interface MlflowStack extends AutoCloseable {
    /** A short name for the tables. */
    String name();

    /** What it is, with versions. */
    String description();

    /**
     * Logs {@code keys} metrics of {@code steps} steps each to a run, in training order (for each step, every key),
     * with timestamp {@code baseMillis + step}: builds the client's metric objects and sends them.
     *
     * @return how many batch requests the stack sent
     */
    int logMetrics(String runId, int keys, int steps, long baseMillis);

    /**
     * Reads every active run of an experiment, {@code pageSize} runs per request, and returns a checksum of what it
     * decoded ({@link MlflowChecksum}), the same for every stack given the same runs.
     */
    MlflowChecksum searchRuns(String experimentId, int pageSize);

    @Override
    void close();

    /** The value of metric point {@code (key, step)}, the same in every stack. */
    static double value(int key, int step) {
        return (key + 1) / (step + 1.0) + step * 1e-6;
    }
}
