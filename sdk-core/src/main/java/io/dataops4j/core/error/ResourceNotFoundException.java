package io.dataops4j.core.error;

/** HTTP 404 (and services' does-not-exist answers). */
public class ResourceNotFoundException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException(String service, int status, ServiceError error, String requestId, String method, String redactedUrl) {
        super(service, status, error, requestId, method, redactedUrl);
    }
}
