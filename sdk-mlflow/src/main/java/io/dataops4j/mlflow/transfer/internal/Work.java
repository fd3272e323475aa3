package io.dataops4j.mlflow.transfer.internal;

import io.dataops4j.mlflow.transfer.TransferOptions;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a sink needs while applying: the source, the options, the counters, a checkpoint that throws once the
 * transfer is stopping, the resolver that copies (or finds the copy of) a run a model version needs, and a progress
 * callback for finished items.
 */
public final class Work {
    final Source source;
    final TransferOptions options;
    final Stats stats;
    private final Runnable checkpoint;
    private final Function<String, Copy> runs;
    private final Consumer<String> done;

    Work(Source source, TransferOptions options, Stats stats, Runnable checkpoint, Function<String, Copy> runs,
         Consumer<String> done) {
        this.source = source;
        this.options = options;
        this.stats = stats;
        this.checkpoint = checkpoint;
        this.runs = runs;
        this.done = done;
    }

    /** Throws when the transfer is stopping. */
    void checkpoint() {
        checkpoint.run();
    }

    /** The copy of a source run, made now when needed; null when the source does not have the run. */
    Copy run(String sourceRunId) {
        return runs.apply(sourceRunId);
    }

    /** Reports one more finished unit of work. */
    void done(String message) {
        done.accept(message);
    }
}
