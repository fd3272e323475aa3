package io.dataops4j.bench;

/**
 * What a run search decoded, folded so that two stacks can be compared: the number of runs, and a hash over each
 * run's id, name, start time, and its metrics', params' and tags' keys and values.
 */
record MlflowChecksum(long runs, long hash) {
    static final MlflowChecksum EMPTY = new MlflowChecksum(0, 0);

    /** Adds a run; the order of runs does not matter. */
    MlflowChecksum plus(long runHash) {
        return new MlflowChecksum(runs + 1, hash + mix(runHash));
    }

    /** A run's hash from its parts; metrics, params and tags are folded by the caller, order-independent. */
    static long run(String runId, String runName, long startTime, long metrics, long params, long tags) {
        long h = runId.hashCode();
        h = 31 * h + (runName == null ? 0 : runName.hashCode());
        h = 31 * h + startTime;
        h = 31 * h + metrics;
        h = 31 * h + params;
        h = 31 * h + tags;
        return h;
    }

    /** One key-value entry, to be summed (so that the order of entries does not matter). */
    static long entry(String key, String value) {
        return mix(31L * key.hashCode() + value.hashCode());
    }

    /** One metric, to be summed. */
    static long metric(String key, double value, long step) {
        return mix(31L * (31L * key.hashCode() + Double.hashCode(value)) + step);
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
