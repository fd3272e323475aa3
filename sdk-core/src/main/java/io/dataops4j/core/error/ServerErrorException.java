package io.dataops4j.core.error;

/** HTTP 5xx: the service failed. */
public class ServerErrorException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(String service, int status, ServiceError error, String requestId, String method, String redactedUrl) {
        super(service, status, error, requestId, method, redactedUrl);
    }
}
