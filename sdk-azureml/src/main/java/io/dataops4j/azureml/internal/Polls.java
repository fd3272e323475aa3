package io.dataops4j.azureml.internal;

import io.dataops4j.core.Sleeper;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.PollStatus;
import io.dataops4j.core.poll.Poller;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/** Poller plumbing: typed views of ARM pollers, pollers that are already done. */
public final class Polls {
    private Polls() {
    }

    /** Timing of the module's pollers. */
    public record Timing(Duration interval, Clock clock, Sleeper sleeper) {
    }

    /**
     * A poller that reads another one and converts the final state (an ARM poller's intermediate states are
     * operation-status documents, not the resource: they become null here).
     */
    public static <A, B> Poller<B> map(Poller<A> inner, String description, Function<? super A, ? extends B> f, Timing t) {
        Function<PollResponse<A>, PollResponse<B>> conv = r -> r == null ? null
                : new PollResponse<>(r.status(), r.value() == null || r.status() != PollStatus.SUCCEEDED ? null : f.apply(r.value()),
                        r.retryAfter(), r.message());
        return Poller.<B>builder(inner.id(), description, () -> conv.apply(inner.poll()))
                .interval(t.interval(), max(t.interval()))
                .timing(t.clock(), t.sleeper())
                .initial(conv.apply(inner.latestResponse()))
                .build();
    }

    /**
     * The same, telling a listener the state of each poll of an ARM poller: the operation's {@code status}, or the
     * resource's {@code provisioningState}.
     */
    public static <B> Poller<B> map(Poller<io.dataops4j.core.json.RawJson> inner, String description,
                                    Function<? super io.dataops4j.core.json.RawJson, ? extends B> f, Timing t,
                                    java.util.function.Consumer<String> status) {
        if (status != null) {
            inner.onProgress(json -> {
                String s = stateOf(json);
                if (s != null) {
                    status.accept(description + ": " + s);
                }
            });
        }
        return map(inner, description, f, t);
    }

    /** {@code status} of an operation document, else {@code properties.provisioningState} of a resource, else null. */
    public static String stateOf(io.dataops4j.core.json.RawJson json) {
        try {
            java.util.Map<String, Object> m = json.asMap();
            String s = JsonMaps.string(m, "status");
            return s != null ? s : JsonMaps.string(m, "properties", "provisioningState");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A poller of one's own. */
    public static <T> Poller<T> of(String id, String description, Supplier<PollResponse<T>> poll, PollResponse<T> initial, Timing t) {
        return Poller.builder(id, description, poll)
                .interval(t.interval(), max(t.interval()))
                .timing(t.clock(), t.sleeper())
                .initial(initial)
                .build();
    }

    /** A poller that has nothing to wait for. */
    public static <T> Poller<T> done(String id, String description, T value, Timing t) {
        return of(id, description, () -> PollResponse.succeeded(value), PollResponse.succeeded(value), t);
    }

    private static Duration max(Duration interval) {
        return interval.multipliedBy(6);
    }
}
