package io.dataops4j.core.error;

/** The request did not get an HTTP answer: connection refused or reset, timeout, TLS failure. */
public class TransportException extends DataOpsException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
