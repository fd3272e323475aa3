package io.dataops4j.mlflow.webhooks;

import io.dataops4j.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A webhook to create.
 *
 * <pre>{@code
 * Webhook hook = mlflow.webhooks().create(CreateWebhook.builder("deploy-on-register", "https://ci.example.com/hook")
 *     .event(WebhookEvent.MODEL_VERSION_CREATED)
 *     .secret(Secret.of(System.getenv("HOOK_SECRET")))
 *     .build());
 * }</pre>
 *
 * @param name        letters, digits, '.', '_' and '-', starting and ending with a letter or digit, under 63 characters
 * @param url         where deliveries go (the server allows https only unless {@code MLFLOW_WEBHOOK_ALLOWED_SCHEMES} says otherwise)
 * @param events      at least one event
 * @param description a description, or null
 * @param secret      the key deliveries are signed with, or null for unsigned deliveries
 * @param status      active (default) or disabled
 */
public record CreateWebhook(String name, String url, List<WebhookEvent> events, String description, Secret secret,
                            WebhookStatus status) {
    public CreateWebhook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a webhook needs at least one event");
        }
        if (status == WebhookStatus.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a status a webhook can have");
        }
    }

    public static Builder builder(String name, String url) {
        return new Builder(name, url);
    }

    /** Builds a {@link CreateWebhook}. */
    public static final class Builder {
        private final String name;
        private final String url;
        private final List<WebhookEvent> events = new ArrayList<>();
        private String description;
        private Secret secret;
        private WebhookStatus status;

        private Builder(String name, String url) {
            this.name = Objects.requireNonNull(name, "name");
            this.url = Objects.requireNonNull(url, "url");
        }

        public Builder event(WebhookEvent event) {
            events.add(Objects.requireNonNull(event, "event"));
            return this;
        }

        public Builder events(List<WebhookEvent> events) {
            this.events.addAll(events);
            return this;
        }

        public Builder description(String description) {
            this.description = description;
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

        public CreateWebhook build() {
            return new CreateWebhook(name, url, events, description, secret, status);
        }
    }
}
