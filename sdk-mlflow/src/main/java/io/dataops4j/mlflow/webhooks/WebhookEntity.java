package io.dataops4j.mlflow.webhooks;

/** What a webhook event is about ({@code webhooks.proto} WebhookEntity). */
public enum WebhookEntity {
    REGISTERED_MODEL,
    MODEL_VERSION,
    MODEL_VERSION_TAG,
    MODEL_VERSION_ALIAS,
    PROMPT,
    PROMPT_VERSION,
    PROMPT_TAG,
    PROMPT_VERSION_TAG,
    PROMPT_ALIAS,
    /** An entity this SDK does not know yet. */
    UNKNOWN
}
