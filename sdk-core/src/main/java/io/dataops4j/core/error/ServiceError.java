package io.dataops4j.core.error;

/**
 * What a service said in an error body, as parsed by the service's {@link ErrorParser}.
 *
 * @param code    the service's error code ({@code RESOURCE_DOES_NOT_EXIST}, {@code ResourceNotFound}, ...), or null
 * @param message the service's message, or null
 * @param details extra detail (a trace, a nested error list), or null
 */
public record ServiceError(String code, String message, String details) {
    /** An error with a code and a message only. */
    public static ServiceError of(String code, String message) {
        return new ServiceError(code, message, null);
    }

    /** The error with secrets masked (a service may echo what it was sent). */
    @Override
    public String toString() {
        return io.dataops4j.core.Redactor.text("ServiceError[code=" + code + ", message=" + message + ", details=" + details + "]");
    }
}
