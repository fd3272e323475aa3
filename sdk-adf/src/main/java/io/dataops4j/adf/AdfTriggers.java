package io.dataops4j.adf;

import io.dataops4j.adf.internal.RunPages;
import io.dataops4j.adf.runs.RunQuery;
import io.dataops4j.adf.runs.TriggerRun;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.core.paging.Page;
import io.dataops4j.core.paging.Paged;
import io.dataops4j.core.poll.PollResponse;
import io.dataops4j.core.poll.Poller;
import java.util.List;

/**
 * Triggers: start and stop (long-running operations: 200, or 202 with {@code Azure-AsyncOperation}), event
 * subscriptions of storage-event triggers, and trigger runs.
 *
 * <pre>{@code
 * adf.triggers().stop("TR_Daily").waitForCompletion(Duration.ofMinutes(5));
 * adf.triggers().subscribeToEvents("TR_BlobCreated").waitForCompletion(Duration.ofMinutes(5));
 * adf.triggers().start("TR_BlobCreated").waitForCompletion(Duration.ofMinutes(5));
 * }</pre>
 */
public final class AdfTriggers {
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

    /** A poller that ends when the event subscription is Enabled (fails when it is Disabled or Unknown). */
    public Poller<String> awaitSubscription(String name) {
        return Poller.<String>builder("trigger " + name, "event subscription of trigger " + name, () -> {
                    String s = eventSubscriptionStatus(name);
                    if (s.equalsIgnoreCase("Enabled")) {
                        return PollResponse.succeeded(s);
                    }
                    if (s.equalsIgnoreCase("Disabled") || s.equalsIgnoreCase("Unknown")) {
                        return PollResponse.failed(s, "the event subscription is " + s);
                    }
                    return PollResponse.inProgress(s);
                })
                .interval(client.pollInterval(), client.pollInterval().multipliedBy(6))
                .timing(client.clock(), client.sleeper())
                .build();
    }

    /** Trigger runs of the factory in a window, page by page. */
    public Paged<TriggerRun> queryRuns(RunQuery query) {
        return Paged.tokens(token -> {
            RunPages.Triggers p = client.pipelines().query(client.path("queryTriggerRuns"), query, token, RunPages.Triggers.class);
            return new Page<>(p == null ? List.of() : p.value(), p == null ? null : p.continuationToken());
        });
    }
}
