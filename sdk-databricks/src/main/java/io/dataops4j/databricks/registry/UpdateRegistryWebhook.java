package io.dataops4j.databricks.registry;

import java.util.List;
import java.util.Objects;

/**
 * What {@link RegistryWebhooks#update} changes ({@code registry-webhooks/update}, a PATCH): only the fields set here
 * are sent. Start from {@link #of(String)} and add changes.
 *
 * <pre>{@code
 * hooks.update(UpdateRegistryWebhook.of(id).status(RegistryWebhookStatus.ACTIVE));
 * hooks.update(UpdateRegistryWebhook.of(id).httpUrl(HttpUrlSpec.of(url).withSecret(rotated)));
 * }</pre>
 *
 * @param id          the webhook
 * @param events      the new events, or null to keep them
 * @param description the new description, or null to keep it
 * @param status      the new status, or null to keep it
 * @param httpUrlSpec the new HTTP target, or null to keep it
 * @param jobSpec     the new job target, or null to keep it
 */
public record UpdateRegistryWebhook(String id, List<RegistryWebhookEvent> events, String description,
                                    RegistryWebhookStatus status, HttpUrlSpec httpUrlSpec, WebhookJobSpec jobSpec) {
    public UpdateRegistryWebhook {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a webhook id must not be blank");
        }
        if (events != null) {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("events: at least one event is needed (leave events out to keep them)");
            }
            if (events.contains(RegistryWebhookEvent.UNKNOWN)) {
                throw new IllegalArgumentException("events: UNKNOWN is not an event the service accepts");
            }
        }
        if (httpUrlSpec != null && jobSpec != null) {
            throw new IllegalArgumentException("an update sets http_url_spec or job_spec, not both");
        }
        if (status == RegistryWebhookStatus.UNKNOWN) {
            throw new IllegalArgumentException("status: UNKNOWN is not a status the service accepts");
        }
    }

    /** No change yet to webhook {@code id}. */
    public static UpdateRegistryWebhook of(String id) {
        return new UpdateRegistryWebhook(id, null, null, null, null, null);
    }

    public UpdateRegistryWebhook events(RegistryWebhookEvent... newEvents) {
        return new UpdateRegistryWebhook(id, List.of(newEvents), description, status, httpUrlSpec, jobSpec);
    }

    public UpdateRegistryWebhook description(String newDescription) {
        return new UpdateRegistryWebhook(id, events, Objects.requireNonNull(newDescription, "description"), status,
                httpUrlSpec, jobSpec);
    }

    /** TEST_MODE, ACTIVE or DISABLED. */
    public UpdateRegistryWebhook status(RegistryWebhookStatus newStatus) {
        return new UpdateRegistryWebhook(id, events, description, Objects.requireNonNull(newStatus, "status"), httpUrlSpec,
                jobSpec);
    }

    /** A new HTTP target (also how a secret is rotated). */
    public UpdateRegistryWebhook httpUrl(HttpUrlSpec target) {
        return new UpdateRegistryWebhook(id, events, description, status, Objects.requireNonNull(target, "target"), null);
    }

    /** A new job target. */
    public UpdateRegistryWebhook job(WebhookJobSpec target) {
        return new UpdateRegistryWebhook(id, events, description, status, null, Objects.requireNonNull(target, "target"));
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return events == null && description == null && status == null && httpUrlSpec == null && jobSpec == null;
    }
}
