package io.dataops4j.mlflow.webhooks;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.EpochMillis;
import io.dataops4j.mlflow.internal.Lists;
import java.time.Instant;
import java.util.List;

/**
 * A registry webhook (its secret is never sent back by the server).
 *
 * @param webhookId            its id
 * @param name                 its name
 * @param description          its description, or null
 * @param url                  where deliveries are POSTed
 * @param events               the events it subscribes to
 * @param status               active or disabled
 * @param creationTimestamp    when it was created
 * @param lastUpdatedTimestamp when it last changed
 */
public record Webhook(
        @Json(name = "webhook_id") String webhookId,
        String name,
        String description,
        String url,
        List<WebhookEvent> events,
        WebhookStatus status,
        @Json(name = "creation_timestamp") @EpochMillis Instant creationTimestamp,
        @Json(name = "last_updated_timestamp") @EpochMillis Instant lastUpdatedTimestamp) {
    public Webhook {
        events = Lists.view(events);
    }
}
