package io.dataops4j.databricks.registry;

import io.dataops4j.core.error.DataOpsException;

/**
 * An incoming registry webhook delivery failed verification: the {@code X-Databricks-Signature} header is missing or
 * malformed, the signature does not match the body, or the signed body is not a webhook payload. The message never
 * holds the secret.
 */
public class WebhookVerificationException extends DataOpsException {
    private static final long serialVersionUID = 1L;

    public WebhookVerificationException(String message) {
        super(message);
    }
}
