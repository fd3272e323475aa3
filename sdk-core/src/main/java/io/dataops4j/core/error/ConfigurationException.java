package io.dataops4j.core.error;

/** A setting is missing or invalid; the message names each place that was searched. */
public class ConfigurationException extends DataOpsException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
