package io.dataops4j.mlflow.webhooks;

/** Whether a webhook is delivered. */
public enum WebhookStatus {
    ACTIVE,
    DISABLED,
    /** A status this SDK does not know yet. */
    UNKNOWN
}
