package io.dataops4j.azureml;

/**
 * One entry of an extension's {@code statuses}.
 *
 * @param code          the status code, or null
 * @param displayStatus a short status, or null
 * @param level         {@code Error}, {@code Warning} or {@code Information}, or null
 * @param message       the message, or null
 * @param time          when, as the service wrote it, or null
 */
public record ExtensionStatus(String code, String displayStatus, String level, String message, String time) {
    /** Whether the level is Error. */
    public boolean isError() {
        return "Error".equalsIgnoreCase(level);
    }

    @Override
    public String toString() {
        return (level == null ? "" : level + " ") + (code == null ? "" : code + " ") + (displayStatus == null ? "" : displayStatus + ": ")
                + (message == null ? "" : message);
    }
}
