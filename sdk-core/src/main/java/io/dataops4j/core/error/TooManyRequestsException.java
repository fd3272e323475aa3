package io.dataops4j.core.error;

import java.time.Duration;

/** HTTP 429 after every retry: the service throttled the caller. */
public class TooManyRequestsException extends ServiceException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyRequestsException(String service, ServiceError error, String requestId, String method, String redactedUrl,
                                    Duration retryAfter) {
        super(service, 429, error, requestId, method, redactedUrl);
        this.retryAfter = retryAfter;
    }

    /** How long the service asked to wait, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
