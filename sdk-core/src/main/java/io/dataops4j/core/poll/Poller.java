package io.dataops4j.core.poll;

import io.dataops4j.core.Sleeper;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.error.PollTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Waits for a long-running operation: a job run, a warehouse start, an ARM deployment, a DSS build. It polls at an
 * interval (or as the service asks with Retry-After), tells listeners of each state, and ends in the final state,
 * an {@link OperationFailedException} (with the final state) or a {@link PollTimeoutException} (with the last one).
 *
 * <pre>{@code
 * Run run = dbx.jobs().runNow(jobId)
 *     .onProgress(r -> log.info("{} {}", r.runId(), r.state()))
 *     .waitForCompletion(Duration.ofMinutes(30));
 * Poller<Run> again = dbx.jobs().pollRun(runId);   // rebuilt from an id, e.g. after a restart
 * }</pre>
 *
 * <p>Thread-safe for listeners and {@link #cancel()}; one thread waits at a time.
 */
public final class Poller<T> {
    private final String id;
    private final String description;
    private final Supplier<PollResponse<T>> operation;
    private final Runnable canceller;
    private final Duration interval;
    private final Duration maxInterval;
    private final Clock clock;
    private final Sleeper sleeper;
    private final List<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();
    private volatile PollResponse<T> latest;

    private Poller(Builder<T> b) {
        this.id = b.id;
        this.description = b.description;
        this.operation = b.operation;
        this.canceller = b.canceller;
        this.interval = b.interval;
        this.maxInterval = b.maxInterval;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.latest = b.initial;
    }

    /**
     * @param id          what identifies the operation (a run id, an operation URL); enough to rebuild the poller
     * @param description a short phrase for messages ("job run 42")
     * @param operation   one poll: reads the state and classifies it
     */
    public static <T> Builder<T> builder(String id, String description, Supplier<PollResponse<T>> operation) {
        return new Builder<>(id, description, operation);
    }

    /** What identifies the operation. */
    public String id() {
        return id;
    }

    /** Adds a listener told of every state read. Returns this poller. */
    public Poller<T> onProgress(Consumer<? super T> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Polls once now and returns what was seen. */
    public PollResponse<T> poll() {
        PollResponse<T> r = Objects.requireNonNull(operation.get(), "poll returned null");
        latest = r;
        if (r.value() != null) {
            for (Consumer<? super T> l : listeners) {
                l.accept(r.value());
            }
        }
        return r;
    }

    /** The state seen last, if any. */
    public Optional<T> latest() {
        PollResponse<T> r = latest;
        return r == null ? Optional.empty() : Optional.ofNullable(r.value());
    }

    /** The last response, or null before the first poll. */
    public PollResponse<T> latestResponse() {
        return latest;
    }

    /** Asks the service to cancel the operation (does not wait). */
    public void cancel() {
        if (canceller == null) {
            throw new UnsupportedOperationException(description + " cannot be cancelled");
        }
        canceller.run();
    }

    /**
     * Polls until the operation ends or the timeout passes. Waits between polls start at the interval and grow
     * 1.5x per poll up to the maximum; a Retry-After from the service replaces the wait for that poll.
     *
     * @return the final state when the operation succeeded
     * @throws OperationFailedException when it failed or was cancelled
     * @throws PollTimeoutException     when it is still running at the deadline
     */
    public T waitForCompletion(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Instant deadline = clock.instant().plus(timeout);
        PollResponse<T> r = latest;
        if (r == null) {
            r = poll();
        }
        // a state already known (the answer that started the operation, or an earlier poll) is not read again at
        // once: the first wait comes first, as the service's Retry-After asks
        Duration wait = interval;
        while (!r.status().isTerminal()) {
            Duration next = r.retryAfter() != null ? r.retryAfter() : wait;
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                throw timeout(timeout, r);
            }
            Duration remaining = Duration.between(now, deadline);
            if (next.compareTo(remaining) > 0) {
                next = remaining;
            }
            try {
                sleeper.sleep(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataOpsException("interrupted while waiting for " + description, e);
            }
            r = poll();
            // back off gently: 1.5x per poll up to the max interval
            long grown = (long) (wait.toMillis() * 1.5);
            wait = Duration.ofMillis(Math.min(grown, maxInterval.toMillis()));
            if (!r.status().isTerminal() && !clock.instant().isBefore(deadline)) {
                throw timeout(timeout, r);
            }
        }
        if (r.status() == PollStatus.SUCCEEDED) {
            return r.value();
        }
        String how = r.status() == PollStatus.CANCELLED ? "was cancelled" : "failed";
        throw new OperationFailedException(description + " " + how + (r.message() != null ? ": " + r.message() : ""), r.value());
    }

    private PollTimeoutException timeout(Duration timeout, PollResponse<T> r) {
        return new PollTimeoutException(description + " did not finish within " + timeout
                + (r.message() != null ? "; last status: " + r.message() : ""), r.value());
    }

    @Override
    public String toString() {
        return "Poller[" + description + "]";
    }

    /** Builds a {@link Poller}. */
    public static final class Builder<T> {
        private final String id;
        private final String description;
        private final Supplier<PollResponse<T>> operation;
        private Runnable canceller;
        private Duration interval = Duration.ofSeconds(2);
        private Duration maxInterval = Duration.ofSeconds(20);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private PollResponse<T> initial;

        private Builder(String id, String description, Supplier<PollResponse<T>> operation) {
            this.id = Objects.requireNonNull(id, "id");
            this.description = Objects.requireNonNull(description, "description");
            this.operation = Objects.requireNonNull(operation, "operation");
        }

        /** How to cancel the operation, if it can be. */
        public Builder<T> canceller(Runnable canceller) {
            this.canceller = canceller;
            return this;
        }

        /** The first poll interval (default 2 s) and the most it grows to (default 20 s). */
        public Builder<T> interval(Duration first, Duration max) {
            this.interval = Objects.requireNonNull(first, "first");
            this.maxInterval = Objects.requireNonNull(max, "max");
            if (max.compareTo(first) < 0) {
                throw new IllegalArgumentException("max interval " + max + " is shorter than the first " + first);
            }
            return this;
        }

        /** The clock and sleeper; tests pass a fake pair so that no real time passes. */
        public Builder<T> timing(Clock clock, Sleeper sleeper) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** A state already known (the answer that started the operation), so that no poll is needed if terminal. */
        public Builder<T> initial(PollResponse<T> initial) {
            this.initial = initial;
            return this;
        }

        public Poller<T> build() {
            return new Poller<>(this);
        }
    }
}
