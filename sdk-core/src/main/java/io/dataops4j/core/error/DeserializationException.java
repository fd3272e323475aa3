package io.dataops4j.core.error;

/** An answer (or a file) could not be read as the expected JSON; the message names the JSON path. */
public class DeserializationException extends DataOpsException {
    private static final long serialVersionUID = 1L;

    public DeserializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
