package io.dataops4j.core.error;

/** HTTP 409 (and services' already-exists answers). */
public class ConflictException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String service, int status, ServiceError error, String requestId, String method, String redactedUrl) {
        super(service, status, error, requestId, method, redactedUrl);
    }
}
