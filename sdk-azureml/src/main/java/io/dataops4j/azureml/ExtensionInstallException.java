package io.dataops4j.azureml;

import io.dataops4j.core.error.OperationFailedException;
import java.util.List;

/**
 * A cluster extension did not install: its operation failed, or it ended {@code Succeeded} but is not healthy (an
 * Error status, an errorInfo, an extensionState other than Ready). The message carries the statuses and errorInfo.
 */
public final class ExtensionInstallException extends OperationFailedException {
    private static final long serialVersionUID = 1L;

    private final transient ClusterExtension extension;
    private final List<String> problems;

    public ExtensionInstallException(String message, ClusterExtension extension, List<String> problems) {
        super(message, extension);
        this.extension = extension;
        this.problems = List.copyOf(problems);
    }

    /** The extension as read after the operation, or null when it could not be read. */
    public ClusterExtension extension() {
        return extension;
    }

    /** What is wrong, one item each. */
    public List<String> problems() {
        return problems;
    }
}
