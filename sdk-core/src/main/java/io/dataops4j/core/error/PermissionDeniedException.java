package io.dataops4j.core.error;

/** HTTP 403: the caller may not do this. */
public class PermissionDeniedException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String service, int status, ServiceError error, String requestId, String method, String redactedUrl) {
        super(service, status, error, requestId, method, redactedUrl);
    }
}
