package io.dataops4j.mlflow.webhooks;

import io.dataops4j.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Changes to a webhook; null fields (and an empty event list) stay as they are.
 *
 * <pre>{@code
 * mlflow.webhooks().update(id, UpdateWebhook.builder().status(WebhookStatus.DISABLED).build());
 * }</pre>
 *
 * @param name        a new name, or null
 * @param description a new description, or null
 * @param url         a new URL, or null
 * @param events      new events, or empty
 * @param secret      a new secret, or null
 * @param status      a new status, or null
 */
public record UpdateWebhook(String name, String description, String url, List<WebhookEvent> events, Secret secret,
                            WebhookStatus status) {
    public UpdateWebhook {
        events = events == null ? List.of() : List.copyOf(events);
        if (status == WebhookStatus.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a status a webhook can have");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link UpdateWebhook}. */
    public static final class Builder {
        private String name;
        private String description;
        private String url;
        private final List<WebhookEvent> events = new ArrayList<>();
        private Secret secret;
        private WebhookStatus status;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder event(WebhookEvent event) {
            events.add(Objects.requireNonNull(event, "event"));
            return this;
        }

        public Builder secret(Secret secret) {
            this.secret = secret;
            return this;
        }

        public Builder status(WebhookStatus status) {
            this.status = status;
            return this;
        }

        public UpdateWebhook build() {
            return new UpdateWebhook(name, description, url, events, secret, status);
        }
    }
}
