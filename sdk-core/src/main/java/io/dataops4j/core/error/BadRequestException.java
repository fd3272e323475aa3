package io.dataops4j.core.error;

/** HTTP 400 Bad Request: the request was invalid. */
public class BadRequestException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String service, int status, ServiceError error, String requestId, String method, String redactedUrl) {
        super(service, status, error, requestId, method, redactedUrl);
    }
}
