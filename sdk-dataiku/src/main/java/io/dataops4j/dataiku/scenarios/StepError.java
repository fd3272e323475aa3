package io.dataops4j.dataiku.scenarios;

import io.dataops4j.core.Redactor;
import io.dataops4j.dataiku.DssErrors;

/**
 * The error of a failed step ({@code result.thrown}, or a failed report item's {@code thrown}).
 *
 * @param clazz      the exception class
 * @param title      a short title
 * @param message    the message (secrets masked)
 * @param code       the well-known DSS code ({@code ERR_...}), or null
 * @param fixability what kind of action fixes it ({@code USER_CONFIG_DATASET}, {@code ADMIN_SETTINGS_SECURITY}, ...), or null
 */
public record StepError(String clazz, String title, String message, String code, String fixability) {
    public StepError {
        message = Redactor.text(message);
        title = Redactor.text(title);
    }

    /** What to do about the code, when it is a known one, or null. */
    public String hint() {
        String c = code != null ? code : DssErrors.codesIn(message).stream().findFirst().orElse(null);
        return DssErrors.hint(c).orElse(null);
    }
}
