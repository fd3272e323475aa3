package io.dataops4j.databricks.registry;

import io.dataops4j.core.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A verified Model Registry webhook delivery (the body Databricks posts:
 * {@code {"event", "webhook_id", "event_timestamp", "model_name", "version", "to_stage", "from_stage", "text", ...}}).
 * Fields an event does not carry are null; {@link #payload()} has every field, known or not.
 *
 * @param event          what happened (UNKNOWN for an event this SDK does not know)
 * @param webhookId      the webhook that fired
 * @param eventTimestamp when it happened (sent as epoch milliseconds)
 * @param modelName      the registered model
 * @param version        the model version, or null
 * @param toStage        the stage a version moved (or is asked to move) to, or null
 * @param fromStage      the stage it left, or null
 * @param text           the service's description of the event (or a comment's text), or null
 * @param body           the body, as UTF-8 text
 */
public record WebhookDelivery(RegistryWebhookEvent event, String webhookId, Instant eventTimestamp, String modelName,
                              String version, String toStage, String fromStage, String text, String body) {
    public WebhookDelivery {
        event = event == null ? RegistryWebhookEvent.UNKNOWN : event;
        Objects.requireNonNull(body, "body");
    }

    /** The body as plain Java objects, including fields this record does not name. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> payload() {
        Object v = Json.shared().parseValue(body);
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalStateException("a registry webhook delivery body is a JSON object");
    }
}
