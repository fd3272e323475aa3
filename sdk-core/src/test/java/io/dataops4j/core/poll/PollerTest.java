package io.dataops4j.core.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.error.PollTimeoutException;
import io.dataops4j.core.testsupport.FakeClock;
import io.dataops4j.core.testsupport.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollerTest {
    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    /** A run as a service would report it. */
    record RunState(long id, String state) {
    }

    private Poller.Builder<RunState> poller(Deque<PollResponse<RunState>> script, AtomicInteger polls) {
        return Poller.<RunState>builder("run-7", "job run 7", () -> {
            polls.incrementAndGet();
            return script.size() > 1 ? script.poll() : script.peek();
        }).interval(Duration.ofSeconds(2), Duration.ofSeconds(10)).timing(clock, sleeper);
    }

    private static Deque<PollResponse<RunState>> script(List<PollResponse<RunState>> responses) {
        return new ArrayDeque<>(responses);
    }

    @Test
    void successAfterSomePollsWithGrowingInterval() {
        AtomicInteger polls = new AtomicInteger();
        List<RunState> seen = new ArrayList<>();
        Poller<RunState> p = poller(script(List.of(
                PollResponse.inProgress(new RunState(7, "PENDING")),
                PollResponse.inProgress(new RunState(7, "RUNNING")),
                PollResponse.inProgress(new RunState(7, "RUNNING")),
                PollResponse.inProgress(new RunState(7, "RUNNING")),
                PollResponse.inProgress(new RunState(7, "RUNNING")),
                PollResponse.succeeded(new RunState(7, "TERMINATED")))), polls).build().onProgress(seen::add);
        RunState done = p.waitForCompletion(Duration.ofMinutes(10));
        assertEquals(new RunState(7, "TERMINATED"), done);
        assertEquals(6, polls.get());
        assertEquals(List.of("PENDING", "RUNNING", "RUNNING", "RUNNING", "RUNNING", "TERMINATED"), seen.stream().map(RunState::state).toList(),
                "listeners hear every state");
        assertEquals(List.of(2000L, 3000L, 4500L, 6750L, 10000L), sleeper.waitsMillis(), "1.5x per poll up to the max");
        assertEquals(Optional.of(done), p.latest());
        assertEquals(PollStatus.SUCCEEDED, p.latestResponse().status());
        assertEquals("run-7", p.id());
    }

    @Test
    void failureCarriesTheFinalState() {
        AtomicInteger polls = new AtomicInteger();
        Poller<RunState> p = poller(script(List.of(
                PollResponse.inProgress(new RunState(7, "RUNNING")),
                PollResponse.failed(new RunState(7, "INTERNAL_ERROR"), "cluster could not start"))), polls).build();
        OperationFailedException e = assertThrows(OperationFailedException.class, () -> p.waitForCompletion(Duration.ofMinutes(5)));
        assertEquals("job run 7 failed: cluster could not start", e.getMessage());
        assertEquals(new RunState(7, "INTERNAL_ERROR"), e.finalState());
    }

    @Test
    void timeoutCarriesTheLastStateAndUsesTheFakeClock() {
        AtomicInteger polls = new AtomicInteger();
        Poller<RunState> p = poller(script(List.of(
                new PollResponse<>(PollStatus.IN_PROGRESS, new RunState(7, "RUNNING"), null, "RUNNING: 3 of 5 tasks"))), polls).build();
        PollTimeoutException e = assertThrows(PollTimeoutException.class, () -> p.waitForCompletion(Duration.ofSeconds(30)));
        assertEquals(new RunState(7, "RUNNING"), e.lastState());
        assertTrue(e.getMessage().startsWith("job run 7 did not finish within PT30S"), e.getMessage());
        assertTrue(e.getMessage().contains("RUNNING: 3 of 5 tasks"), e.getMessage());
        long total = sleeper.waitsMillis().stream().mapToLong(Long::longValue).sum();
        assertEquals(30_000, total, "the waits add up to the timeout exactly: the last one is cut to the deadline");
        assertEquals(List.of(2000L, 3000L, 4500L, 6750L, 10000L, 3750L), sleeper.waitsMillis());
        assertEquals(7, polls.get());
    }

    @Test
    void retryAfterOverridesTheInterval() {
        AtomicInteger polls = new AtomicInteger();
        Poller<RunState> p = poller(script(List.of(
                PollResponse.inProgress(new RunState(7, "A")).withRetryAfter(Duration.ofSeconds(15)),
                PollResponse.inProgress(new RunState(7, "B")).withRetryAfter(Duration.ofMillis(100)),
                PollResponse.inProgress(new RunState(7, "C")),
                PollResponse.succeeded(new RunState(7, "D")))), polls).build();
        p.waitForCompletion(Duration.ofMinutes(5));
        assertEquals(List.of(15_000L, 100L, 4500L), sleeper.waitsMillis(),
                "the service's wait wins, even above the max interval; the interval still grows underneath");
    }

    @Test
    void aKnownInitialStateIsNotPolledAtOnce() {
        AtomicInteger polls = new AtomicInteger();
        Poller<RunState> p = poller(script(List.of(PollResponse.succeeded(new RunState(7, "DONE")))), polls)
                .initial(PollResponse.inProgress(new RunState(7, "QUEUED")).withRetryAfter(Duration.ofSeconds(5)))
                .build();
        assertEquals(Optional.of(new RunState(7, "QUEUED")), p.latest());
        assertEquals(new RunState(7, "DONE"), p.waitForCompletion(Duration.ofMinutes(1)));
        assertEquals(1, polls.get());
        assertEquals(List.of(5000L), sleeper.waitsMillis(), "the first wait is the one the starting answer asked for");
    }

    @Test
    void aTerminalInitialStateNeedsNoPoll() {
        AtomicInteger polls = new AtomicInteger();
        Poller<RunState> p = poller(script(List.of(PollResponse.inProgress(new RunState(7, "X")))), polls)
                .initial(PollResponse.succeeded(new RunState(7, "DONE"))).build();
        assertEquals(new RunState(7, "DONE"), p.waitForCompletion(Duration.ZERO));
        assertEquals(0, polls.get());
        assertTrue(sleeper.waits().isEmpty());
    }

    @Test
    void cancelAsksTheServiceAndTheCancelledStateFails() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Poller<RunState> p = Poller.<RunState>builder("run-8", "job run 8", () -> cancelled.get()
                        ? new PollResponse<>(PollStatus.CANCELLED, new RunState(8, "CANCELED"), null, "user cancelled")
                        : PollResponse.inProgress(new RunState(8, "RUNNING")))
                .canceller(() -> cancelled.set(true))
                .timing(clock, sleeper)
                .build();
        assertEquals(PollStatus.IN_PROGRESS, p.poll().status());
        p.cancel();
        assertTrue(cancelled.get());
        OperationFailedException e = assertThrows(OperationFailedException.class, () -> p.waitForCompletion(Duration.ofMinutes(1)));
        assertEquals("job run 8 was cancelled: user cancelled", e.getMessage());
        assertEquals(new RunState(8, "CANCELED"), e.finalState());
    }

    @Test
    void aPollerWithoutCancellerSaysSo() {
        Poller<RunState> p = Poller.<RunState>builder("x", "statement x", () -> PollResponse.succeeded(null)).build();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, p::cancel);
        assertEquals("statement x cannot be cancelled", e.getMessage());
        assertEquals("Poller[statement x]", p.toString());
    }

    @Test
    void rebuiltFromItsIdAPollerContinues() {
        // what a service module does: the id is enough to build the same poll again
        AtomicInteger polls = new AtomicInteger();
        Poller<RunState> first = poller(script(List.of(PollResponse.inProgress(new RunState(7, "RUNNING")))), polls).build();
        first.poll();
        Poller<RunState> again = Poller.<RunState>builder(first.id(), "job run 7", () -> PollResponse.succeeded(
                new RunState(Long.parseLong(first.id().substring(4)), "TERMINATED"))).timing(clock, sleeper).build();
        assertEquals(new RunState(7, "TERMINATED"), again.waitForCompletion(Duration.ofMinutes(1)));
    }

    @Test
    void intervalsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Poller.<String>builder("i", "d", () -> PollResponse.succeeded("v"))
                .interval(Duration.ofSeconds(10), Duration.ofSeconds(1)));
        assertTrue(PollStatus.CANCELLED.isTerminal() && PollStatus.FAILED.isTerminal() && !PollStatus.IN_PROGRESS.isTerminal());
    }

    @Test
    void anInterruptedWaitStopsPolling() {
        Poller<RunState> p = Poller.<RunState>builder("i", "job run 9", () -> PollResponse.inProgress(new RunState(9, "RUNNING")))
                .timing(clock, d -> {
                    throw new InterruptedException();
                }).build();
        RuntimeException e = assertThrows(RuntimeException.class, () -> p.waitForCompletion(Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("interrupted while waiting for job run 9"), e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt flag is kept");
    }
}
