package io.dataops4j.cli;

/**
 * An error as printed on standard error with {@code --json}: {@code {"error": {...}}}.
 *
 * @param kind      usage, configuration, input, service, transport, timeout, operation, deserialization, failed, internal
 * @param message   one line, secrets masked
 * @param exitCode  the process's exit code
 * @param service   the service that answered (service errors only)
 * @param status    the HTTP status (service errors only)
 * @param errorCode the service's error code (service errors only)
 * @param requestId the request id (service errors only)
 * @param trace     the stack trace, secrets masked ({@code --verbose} only)
 */
public record ErrorReport(String kind, String message, int exitCode, String service, Integer status, String errorCode,
                          String requestId, String trace) {

    /** The document around it. */
    public record Document(ErrorReport error) {
    }
}
