package io.dataops4j.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * When and how often a failed request is tried again. Retried: HTTP 408, 429, 500, 502, 503, 504 and I/O
 * failures, for idempotent requests only (a POST is idempotent when marked so or when it carries an idempotency
 * key, reused on every attempt). A {@code Retry-After} (seconds or HTTP date) or {@code x-ms-retry-after-ms}
 * answer wins over the backoff; otherwise the wait is exponential with full jitter, capped.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.defaults().withMaxAttempts(8).withTimeBudget(Duration.ofMinutes(5));
 * RetryPolicy none = RetryPolicy.none();
 * }</pre>
 *
 * @param maxAttempts    attempts in all, the first included (1 = no retry)
 * @param initialBackoff the first wait
 * @param maxBackoff     the cap on one backoff wait (a service's Retry-After is honoured as given, within the time
 *                       budget: when it would end after the budget, the request is not retried)
 * @param multiplier     growth of the wait per attempt
 * @param timeBudget     no retry is made whose wait would end more than this long after the first attempt started
 * @param retryStatuses  the HTTP statuses that are retried (a request may name others:
 *                       {@link ApiRequest.Builder#retryOn(Set)})
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          Duration timeBudget, Set<Integer> retryStatuses) {
    /** The statuses retried by default. */
    public static final Set<Integer> DEFAULT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1.0 but was " + multiplier);
        }
        retryStatuses = Set.copyOf(retryStatuses);
    }

    /** Five attempts, 500 ms doubling to 30 s, within two minutes. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, Duration.ofMinutes(2), DEFAULT_STATUSES);
    }

    /** One attempt only. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, Duration.ZERO, DEFAULT_STATUSES);
    }

    public RetryPolicy withMaxAttempts(int n) {
        return new RetryPolicy(n, initialBackoff, maxBackoff, multiplier, timeBudget, retryStatuses);
    }

    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, multiplier, timeBudget, retryStatuses);
    }

    public RetryPolicy withTimeBudget(Duration budget) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, budget, retryStatuses);
    }

    public RetryPolicy withRetryStatuses(Set<Integer> statuses) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, timeBudget, statuses);
    }
}
