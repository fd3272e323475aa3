package io.dataops4j.databricks.registry;

import java.util.List;
import java.util.Objects;

/**
 * A query of {@link RegistryWebhooks#list(ListRegistryWebhooks)} ({@code registry-webhooks/list}).
 *
 * @param modelName  only this model's webhooks, or null for all
 * @param events     only webhooks with one of these events, or empty for all
 * @param maxResults page size, or null for the service's default
 */
public record ListRegistryWebhooks(String modelName, List<RegistryWebhookEvent> events, Integer maxResults) {
    public ListRegistryWebhooks {
        events = events == null ? List.of() : List.copyOf(events);
        if (maxResults != null && maxResults < 1) {
            throw new IllegalArgumentException("max_results must be at least 1, but was " + maxResults);
        }
        if (events.contains(RegistryWebhookEvent.UNKNOWN)) {
            throw new IllegalArgumentException("events: UNKNOWN is not an event the service accepts");
        }
    }

    /** Every webhook. */
    public static ListRegistryWebhooks all() {
        return new ListRegistryWebhooks(null, List.of(), null);
    }

    /** The webhooks of one model. */
    public static ListRegistryWebhooks forModel(String modelName) {
        return new ListRegistryWebhooks(Objects.requireNonNull(modelName, "modelName"), List.of(), null);
    }

    /** Only webhooks with one or more of these events. */
    public ListRegistryWebhooks events(RegistryWebhookEvent... any) {
        return new ListRegistryWebhooks(modelName, List.of(any), maxResults);
    }

    /** The page size. */
    public ListRegistryWebhooks maxResults(int pageSize) {
        return new ListRegistryWebhooks(modelName, events, pageSize);
    }
}
