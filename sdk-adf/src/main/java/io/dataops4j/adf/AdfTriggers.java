package io.dataops4j.adf;

import io.dataops4j.adf.internal.RunPages;
import io.dataops4j.adf.runs.RunQuery;
import io.dataops4j.adf.runs.TriggerRun;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.Poller;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggers: start and stop (long-running operations: 200, or 202 with {@code Azure-AsyncOperation}), event
 * subscriptions of storage-event triggers (subscribe before starting, unsubscribe before stopping or deleting, as
 * Microsoft's PrePostDeploymentScript does; the subscription status is polled like a long-running operation), and
 * trigger runs.
 *
 * <pre>{@code
 * adf.triggers().subscribeToEvents("TR_BlobCreated").waitForCompletion(Duration.ofMinutes(5));
 * adf.triggers().awaitSubscription("TR_BlobCreated").waitForCompletion(Duration.ofMinutes(5));
 * adf.triggers().startRetrying("TR_BlobCreated", 5, Duration.ofSeconds(10), Duration.ofMinutes(5));
 * adf.triggers().stop("TR_Daily").waitForCompletion(Duration.ofMinutes(5));
 * }</pre>
 */
public final class AdfTriggers {
    private static final Logger LOG = LoggerFactory.getLogger(AdfTriggers.class);
    private static final String PROVISIONING = "cannot be updated during provisioning";
    private final AdfClient client;

    AdfTriggers(AdfClient client) {
        this.client = client;
    }

    /** POST {@code triggers/{name}/start}. */
    public Poller<RawJson> start(String name) {
        return client.arm().beginPost(client.path("triggers", name, "start"), AdfClient.API_VERSION, null);
    }

    /** POST {@code triggers/{name}/stop}. */
    public Poller<RawJson> stop(String name) {
        return client.arm().beginPost(client.path("triggers", name, "stop"), AdfClient.API_VERSION, null);
    }

    /** POST {@code triggers/{name}/subscribeToEvents} (storage/custom event triggers, before they start). */
    public Poller<RawJson> subscribeToEvents(String name) {
        return client.arm().beginPost(client.path("triggers", name, "subscribeToEvents"), AdfClient.API_VERSION, null);
    }

    /** POST {@code triggers/{name}/unsubscribeFromEvents}. */
    public Poller<RawJson> unsubscribeFromEvents(String name) {
        return client.arm().beginPost(client.path("triggers", name, "unsubscribeFromEvents"), AdfClient.API_VERSION, null);
    }

    /** The event subscription status: Enabled, Provisioning, Deprovisioning, Disabled, Unknown. */
    public String eventSubscriptionStatus(String name) {
        RawJson r = client.arm().post(client.path("triggers", name, "getEventSubscriptionStatus"), AdfClient.API_VERSION, null);
        Object s = r == null ? null : r.asMap().get("status");
        return s == null ? "Unknown" : s.toString();
    }

    /**
     * A poller of {@code getEventSubscriptionStatus} that ends when the subscription is Enabled (after
     * {@link #subscribeToEvents}); Provisioning and Disabled (not begun yet) keep it waiting, Unknown fails it.
     */
    public Poller<String> awaitSubscription(String name) {
        return awaitStatus(name, "Enabled");
    }

    /**
     * A poller of {@code getEventSubscriptionStatus} that ends when the subscription is Disabled (after
     * {@link #unsubscribeFromEvents}); Deprovisioning and Enabled keep it waiting, Unknown fails it.
     */
    public Poller<String> awaitUnsubscription(String name) {
        return awaitStatus(name, "Disabled");
    }

    private Poller<String> awaitStatus(String name, String wanted) {
        return Poller.<String>builder("trigger " + name, "event subscription of trigger " + name + " (until " + wanted + ")", () -> {
                    String s = eventSubscriptionStatus(name);
                    if (s.equalsIgnoreCase(wanted)) {
                        return PollResponse.succeeded(s);
                    }
                    if (s.equalsIgnoreCase("Unknown")) {
                        return PollResponse.failed(s, "the event subscription of trigger " + name + " is Unknown");
                    }
                    return PollResponse.inProgress(s);
                })
                .interval(client.pollInterval(), client.pollInterval().multipliedBy(6))
                .timing(client.clock(), client.sleeper())
                .build();
    }

    /**
     * Starts a trigger and waits for it, trying again while the service answers 400 "Resource cannot be updated
     * during provisioning" (a trigger, typically a storage-event one, whose setup is still running; see
     * azure.datafactory.tools #484): at most {@code attempts} tries, waiting {@code firstWait} before the second
     * and twice as long before each further one (up to 8 times {@code firstWait}), all within {@code timeout}.
     * Other errors are not retried here (the HTTP client already retries throttling and server errors).
     *
     * @throws OperationFailedException naming the trigger, the attempts and the service's last answer, when it is
     *                                  still provisioning after the last attempt
     */
    public void startRetrying(String name, int attempts, Duration firstWait, Duration timeout) {
        Objects.requireNonNull(name, "name");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        Instant began = client.clock().instant();
        Instant deadline = began.plus(timeout);
        Duration wait = firstWait;
        Duration maxWait = firstWait.multipliedBy(8);
        for (int attempt = 1; ; attempt++) {
            Duration left = Duration.between(client.clock().instant(), deadline);
            try {
                start(name).waitForCompletion(left.isNegative() ? Duration.ZERO : left);
                if (attempt > 1) {
                    LOG.info("trigger {} started on attempt {}", name, attempt);
                }
                return;
            } catch (ServiceException | OperationFailedException e) {
                if (!isProvisioning(e)) {
                    throw e;
                }
                left = Duration.between(client.clock().instant(), deadline);
                if (attempt >= attempts || left.compareTo(wait) < 0) {
                    String said = e instanceof ServiceException se && se.serviceMessage() != null ? se.serviceMessage() : e.getMessage();
                    throw new OperationFailedException("trigger " + name + " did not start: still provisioning after " + attempt
                            + (attempt == 1 ? " attempt" : " attempts") + " over " + seconds(Duration.between(began, client.clock().instant()))
                            + " (the service said: " + said + ")", null);
                }
                LOG.info("trigger {} is still provisioning (attempt {} of {}); trying again in {}", name, attempt, attempts, wait);
                try {
                    client.sleeper().sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new DataOpsException("interrupted while waiting to start trigger " + name, ie);
                }
                wait = wait.multipliedBy(2).compareTo(maxWait) > 0 ? maxWait : wait.multipliedBy(2);
            }
        }
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    private static boolean isProvisioning(RuntimeException e) {
        String m = e instanceof ServiceException se && se.serviceMessage() != null ? se.serviceMessage() : e.getMessage();
        return m != null && m.toLowerCase(Locale.ROOT).contains(PROVISIONING);
    }

    /** Trigger runs of the factory in a window, page by page. */
    public Paged<TriggerRun> queryRuns(RunQuery query) {
        return Paged.tokens(token -> {
            RunPages.Triggers p = client.pipelines().query(client.path("queryTriggerRuns"), query, token, RunPages.Triggers.class);
            return new Page<>(p == null ? List.of() : p.value(), p == null ? null : p.continuationToken());
        });
    }
}
