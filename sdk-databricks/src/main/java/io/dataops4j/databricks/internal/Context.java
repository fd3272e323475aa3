package io.dataops4j.databricks.internal;

import io.dataops4j.core.Sleeper;
import io.dataops4j.core.error.ServerErrorException;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.error.TooManyRequestsException;
import io.dataops4j.core.error.TransportException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.RetryPolicy;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.core.poll.PollResponse;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every sub-client of a workspace shares: the HTTP client, timing for retries and pollers, and the one rule
 * the core's pipeline leaves to services: a request that is not idempotent is still sent again after 429
 * {@code REQUEST_LIMIT_EXCEEDED} or 503 {@code TEMPORARILY_UNAVAILABLE}, since Databricks refused it before doing
 * anything (the official SDKs retry exactly these for every request).
 *
 * @param http            the workspace's HTTP client
 * @param sleeper         how waits happen
 * @param clock           the clock of pollers
 * @param pollInterval    a poller's first wait
 * @param maxPollInterval a poller's longest wait
 */
public record Context(ApiClient http, Sleeper sleeper, Clock clock, Duration pollInterval, Duration maxPollInterval) {
    private static final Logger LOG = LoggerFactory.getLogger("io.dataops4j.databricks");

    /** Sends a request and decodes its JSON answer (see the class comment for retries). */
    public <T> T send(ApiRequest request, Type type) {
        return retrying(request, () -> http.send(request, type));
    }

    /** Sends a request, discarding the answer's body. */
    public void send(ApiRequest request) {
        retrying(request, () -> {
            http.send(request);
            return null;
        });
    }

    private <T> T retrying(ApiRequest request, Supplier<T> call) {
        if (request.idempotent()) {
            return call.get();
        }
        RetryPolicy policy = http.retryPolicy();
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (TooManyRequestsException | ServerErrorException e) {
                if (!refusedUndone(e) || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                Duration wait = e instanceof TooManyRequestsException t && t.retryAfter() != null ? t.retryAfter()
                        : backoff(policy, attempt);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                if (elapsed.plus(wait).compareTo(policy.timeBudget()) > 0) {
                    throw e;
                }
                LOG.info("retrying {} after HTTP {} {} (attempt {} of {}, waiting {} ms)", request, e.status(), e.errorCode(),
                        attempt + 1, policy.maxAttempts(), wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new TransportException("interrupted while waiting to retry " + request, ie);
                }
            }
        }
    }

    /** 429, and 503 with no code or {@code TEMPORARILY_UNAVAILABLE}: the request was refused before anything was done. */
    static boolean refusedUndone(ServiceException e) {
        if (e.status() == 429) {
            return true;
        }
        return e.status() == 503 && (e.errorCode() == null || e.errorCode().equals("TEMPORARILY_UNAVAILABLE"));
    }

    private static Duration backoff(RetryPolicy p, int attempt) {
        double millis = p.initialBackoff().toMillis() * Math.pow(p.multiplier(), attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, p.maxBackoff().toMillis()));
    }

    /** A poller builder with this workspace's timing. */
    public <T> Poller.Builder<T> poller(String id, String description, Supplier<PollResponse<T>> poll) {
        return Poller.builder(id, description, poll).interval(pollInterval, maxPollInterval).timing(clock, sleeper);
    }
}
