package io.dataops4j.mlflow.webhooks;

/** What happened to the entity ({@code webhooks.proto} WebhookAction). */
public enum WebhookAction {
    CREATED,
    UPDATED,
    DELETED,
    SET,
    /** An action this SDK does not know yet. */
    UNKNOWN
}
