package io.dataops4j.core.error;

import io.dataops4j.core.Redactor;

/** The root of every exception dataops4j throws. Unchecked; its message never carries a secret. */
public class DataOpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataOpsException(String message) {
        super(Redactor.text(message));
    }

    public DataOpsException(String message, Throwable cause) {
        super(Redactor.text(message), cause);
    }
}
