package io.dataops4j.core.progress;

/**
 * Told of the progress of long work (a copy, a deployment, a sync). Workflows call it from the thread doing the
 * work, possibly from several threads at once, so implementations are thread-safe and quick. The CLI turns it into
 * a progress bar on a terminal and into JSON lines with {@code --json}.
 *
 * <pre>{@code
 * ProgressListener log = (done, total, message) -> LOG.info("{}/{} {}", done, total, message);
 * copy.apply(log);
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores everything. */
    ProgressListener NONE = (done, total, message) -> { };

    /**
     * @param done    units finished so far
     * @param total   units in all, or -1 when not known yet
     * @param message what is being done now (an item name), or null
     */
    void progress(long done, long total, String message);
}
