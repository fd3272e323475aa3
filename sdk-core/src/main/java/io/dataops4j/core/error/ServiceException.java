package io.dataops4j.core.error;

/**
 * A service answered with an error status. Subclasses name the status family; {@link #errorCode()} holds the
 * service's own code.
 *
 * <pre>{@code
 * try { mlflow.experiments().get("42"); }
 * catch (ResourceNotFoundException e) { log.warn("{} (request {})", e.errorCode(), e.requestId()); }
 * }</pre>
 */
public class ServiceException extends DataOpsException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final int status;
    private final String errorCode;
    private final String serviceMessage;
    private final String requestId;
    private final String method;
    private final String url;

    public ServiceException(String service, int status, ServiceError error, String requestId, String method, String redactedUrl) {
        super(describe(service, status, error, requestId, method, redactedUrl));
        this.service = service;
        this.status = status;
        this.errorCode = error == null ? null : error.code();
        this.serviceMessage = error == null ? null : io.dataops4j.core.Redactor.text(error.message());
        this.requestId = requestId;
        this.method = method;
        this.url = redactedUrl;
    }

    private static String describe(String service, int status, ServiceError error, String requestId, String method, String url) {
        StringBuilder sb = new StringBuilder();
        sb.append(service).append(' ').append(status);
        if (error != null && error.code() != null) {
            sb.append(' ').append(error.code());
        }
        sb.append(": ");
        sb.append(error != null && error.message() != null && !error.message().isBlank() ? error.message() : "(no message)");
        sb.append(" [").append(method).append(' ').append(url).append(']');
        if (requestId != null) {
            sb.append("; request-id: ").append(requestId);
        }
        return sb.toString();
    }

    /** Which service answered ("MLFLOW", "DATABRICKS", "ARM", ...). */
    public String service() {
        return service;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The service's error code, or null. */
    public String errorCode() {
        return errorCode;
    }

    /** The service's own message (secrets masked), or null. */
    public String serviceMessage() {
        return serviceMessage;
    }

    /** The request id sent with the request (the same on every attempt), or the one the service gave. */
    public String requestId() {
        return requestId;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The URL, with secret query parameters masked. */
    public String url() {
        return url;
    }
}
