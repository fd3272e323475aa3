package io.dataops4j.databricks.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What {@link RegistryWebhooks#create} sends ({@code registry-webhooks/create}): the events, one target (an HTTP URL or
 * a job), and optionally a model (none means registry-wide), a description and a status. Built by {@link #builder()},
 * which validates.
 *
 * <pre>{@code
 * CreateRegistryWebhook hook = CreateRegistryWebhook.builder()
 *     .modelName("churn-classifier")
 *     .events(RegistryWebhookEvent.MODEL_VERSION_TRANSITIONED_TO_PRODUCTION)
 *     .httpUrl(HttpUrlSpec.of("https://ci.example.com/hooks/databricks").withSecret(secret))
 *     .status(RegistryWebhookStatus.TEST_MODE)
 *     .build();
 * }</pre>
 *
 * @param modelName   the model, or null for a registry-wide webhook
 * @param events      what triggers it (at least one)
 * @param description a description, or null
 * @param status      the first status, or null for the service's default (ACTIVE)
 * @param httpUrlSpec the HTTP target, or null when {@code jobSpec} is set
 * @param jobSpec     the job target, or null when {@code httpUrlSpec} is set
 */
public record CreateRegistryWebhook(String modelName, List<RegistryWebhookEvent> events, String description,
                                    RegistryWebhookStatus status, HttpUrlSpec httpUrlSpec, WebhookJobSpec jobSpec) {
    public CreateRegistryWebhook {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        List<String> problems = new ArrayList<>();
        if (events.isEmpty()) {
            problems.add("events: at least one event is needed");
        }
        if (events.contains(RegistryWebhookEvent.UNKNOWN)) {
            problems.add("events: UNKNOWN is not an event the service accepts");
        }
        if (modelName != null && modelName.isBlank()) {
            problems.add("model_name: blank (leave it out for a registry-wide webhook)");
        }
        if (modelName != null && events.contains(RegistryWebhookEvent.REGISTERED_MODEL_CREATED)) {
            problems.add("events: REGISTERED_MODEL_CREATED is only allowed on a registry-wide webhook (no model_name), "
                    + "but model_name is '" + modelName + "'");
        }
        if ((httpUrlSpec == null) == (jobSpec == null)) {
            problems.add("a webhook needs exactly one target: http_url_spec or job_spec");
        }
        if (status == RegistryWebhookStatus.UNKNOWN) {
            problems.add("status: UNKNOWN is not a status the service accepts");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid registry webhook: " + String.join("; ", problems));
        }
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CreateRegistryWebhook}; {@link #build()} validates. */
    public static final class Builder {
        private String modelName;
        private final LinkedHashSet<RegistryWebhookEvent> events = new LinkedHashSet<>();
        private String description;
        private RegistryWebhookStatus status;
        private HttpUrlSpec httpUrlSpec;
        private WebhookJobSpec jobSpec;

        private Builder() {
        }

        /** The model; leave it out for a registry-wide webhook. */
        public Builder modelName(String name) {
            this.modelName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Adds events (in order, without duplicates). */
        public Builder events(RegistryWebhookEvent... more) {
            for (RegistryWebhookEvent e : more) {
                events.add(Objects.requireNonNull(e, "event"));
            }
            return this;
        }

        /** Adds events (in order, without duplicates). */
        public Builder events(List<RegistryWebhookEvent> more) {
            return events(more.toArray(RegistryWebhookEvent[]::new));
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** The first status (TEST_MODE to try it with {@link RegistryWebhooks#test} before it fires for real). */
        public Builder status(RegistryWebhookStatus first) {
            this.status = first;
            return this;
        }

        /** An HTTP target. */
        public Builder httpUrl(HttpUrlSpec target) {
            this.httpUrlSpec = Objects.requireNonNull(target, "target");
            return this;
        }

        /** A job target. */
        public Builder job(WebhookJobSpec target) {
            this.jobSpec = Objects.requireNonNull(target, "target");
            return this;
        }

        /**
         * The request.
         *
         * @throws IllegalArgumentException naming every problem: no event, no target or two, REGISTERED_MODEL_CREATED
         *                                  on a model's webhook
         */
        public CreateRegistryWebhook build() {
            return new CreateRegistryWebhook(modelName, List.copyOf(events), description, status, httpUrlSpec, jobSpec);
        }
    }
}
