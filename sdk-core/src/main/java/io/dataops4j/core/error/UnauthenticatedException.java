package io.dataops4j.core.error;

/** HTTP 401: the credential was missing, wrong or expired. */
public class UnauthenticatedException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public UnauthenticatedException(String service, int status, ServiceError error, String requestId, String method, String redactedUrl) {
        super(service, status, error, requestId, method, redactedUrl);
    }
}
