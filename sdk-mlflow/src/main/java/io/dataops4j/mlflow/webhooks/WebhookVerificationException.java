package io.dataops4j.mlflow.webhooks;

import io.dataops4j.core.error.DataOpsException;

/** An incoming webhook delivery failed verification: missing headers, bad signature or a timestamp out of tolerance. */
public class WebhookVerificationException extends DataOpsException {
    private static final long serialVersionUID = 1L;

    public WebhookVerificationException(String message) {
        super(message);
    }
}
