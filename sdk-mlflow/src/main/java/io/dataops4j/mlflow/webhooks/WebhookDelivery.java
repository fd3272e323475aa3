package io.dataops4j.mlflow.webhooks;

import io.dataops4j.core.json.Json;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A verified webhook delivery. MLflow's body is {@code {"entity", "action", "timestamp", "data": {...}}}
 * ({@code mlflow/webhooks/delivery.py}); {@code model_version.created} carries {@code data {name, version, source,
 * run_id, tags, description}}.
 *
 * @param deliveryId the {@code X-MLflow-Delivery-Id} header (a UUID, the same on the sender's retries)
 * @param timestamp  the {@code X-MLflow-Timestamp} header
 * @param body       the body, as UTF-8 text
 */
public record WebhookDelivery(String deliveryId, Instant timestamp, String body) {
    public WebhookDelivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(body, "body");
    }

    /** The body as plain Java objects. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> payload() {
        Object v = Json.shared().parseValue(body);
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalStateException("a webhook delivery body is a JSON object");
    }

    /** The event the delivery is about. */
    public WebhookEvent event() {
        Map<String, Object> p = payload();
        return new WebhookEvent(constant(WebhookEntity.class, p.get("entity")), constant(WebhookAction.class, p.get("action")));
    }

    /** The event's data (its fields depend on the event). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
        Object d = payload().get("data");
        return d instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, Object name) {
        if (name == null) {
            return Enum.valueOf(type, "UNKNOWN");
        }
        try {
            return Enum.valueOf(type, name.toString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Enum.valueOf(type, "UNKNOWN");
        }
    }
}
