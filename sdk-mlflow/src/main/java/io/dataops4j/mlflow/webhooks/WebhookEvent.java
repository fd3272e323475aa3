package io.dataops4j.mlflow.webhooks;

import java.util.Locale;
import java.util.Objects;

/**
 * An event a webhook subscribes to: an entity and an action. In deliveries MLflow writes them in lower case
 * ({@code "entity": "model_version", "action": "created"}); {@link #toString()} gives the dotted form MLflow's
 * Python client uses ({@code model_version.created}).
 *
 * @param entity what the event is about
 * @param action what happened
 */
public record WebhookEvent(WebhookEntity entity, WebhookAction action) {
    public static final WebhookEvent REGISTERED_MODEL_CREATED = new WebhookEvent(WebhookEntity.REGISTERED_MODEL, WebhookAction.CREATED);
    public static final WebhookEvent MODEL_VERSION_CREATED = new WebhookEvent(WebhookEntity.MODEL_VERSION, WebhookAction.CREATED);
    public static final WebhookEvent MODEL_VERSION_TAG_SET = new WebhookEvent(WebhookEntity.MODEL_VERSION_TAG, WebhookAction.SET);
    public static final WebhookEvent MODEL_VERSION_TAG_DELETED = new WebhookEvent(WebhookEntity.MODEL_VERSION_TAG, WebhookAction.DELETED);
    public static final WebhookEvent MODEL_VERSION_ALIAS_CREATED = new WebhookEvent(WebhookEntity.MODEL_VERSION_ALIAS, WebhookAction.CREATED);
    public static final WebhookEvent MODEL_VERSION_ALIAS_DELETED = new WebhookEvent(WebhookEntity.MODEL_VERSION_ALIAS, WebhookAction.DELETED);

    public WebhookEvent {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(action, "action");
    }

    /** Parses the dotted form ({@code model_version_alias.created}), case-insensitively. */
    public static WebhookEvent parse(String dotted) {
        Objects.requireNonNull(dotted, "event");
        int dot = dotted.lastIndexOf('.');
        if (dot <= 0 || dot == dotted.length() - 1) {
            throw new IllegalArgumentException("a webhook event looks like 'model_version.created', not '" + dotted + "'");
        }
        try {
            return new WebhookEvent(WebhookEntity.valueOf(dotted.substring(0, dot).toUpperCase(Locale.ROOT)),
                    WebhookAction.valueOf(dotted.substring(dot + 1).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown webhook event '" + dotted + "'", e);
        }
    }

    @Override
    public String toString() {
        return entity.name().toLowerCase(Locale.ROOT) + "." + action.name().toLowerCase(Locale.ROOT);
    }
}
