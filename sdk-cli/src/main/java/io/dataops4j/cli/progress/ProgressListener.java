package io.dataops4j.cli.progress;

/**
 * Receives the progress of long work (a copy, a deployment, a sync): how many items are done, how many there are,
 * and what is being worked on. Implementations are thread-safe and cheap: workflows call them for every item.
 *
 * <pre>{@code
 * ProgressListener progress = (done, total, message) -> log.info("{}/{} {}", done, total, message);
 * for (int i = 0; i < runs.size(); i++) {
 *     progress.progress(i, runs.size(), "copying run " + runs.get(i).id());
 *     copy(runs.get(i));
 * }
 * progress.progress(runs.size(), runs.size(), "done");
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = (done, total, message) -> { };

    /**
     * Reports progress.
     *
     * @param done    items finished so far
     * @param total   items in all, or a negative number when not known (yet)
     * @param message what is being worked on now, or null; never a secret
     */
    void progress(long done, long total, String message);
}
