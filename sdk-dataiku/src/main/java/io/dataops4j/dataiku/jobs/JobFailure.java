package io.dataops4j.dataiku.jobs;

import io.dataops4j.core.Redactor;
import io.dataops4j.dataiku.DssErrors;
import java.util.List;

/**
 * Why a job failed: its {@code baseStatus.unexpectedFailure}.
 *
 * @param errorType       the Java exception class DSS reported
 * @param message         the message (secrets masked)
 * @param detailedMessage the detailed message (secrets masked), or null
 * @param stackTrace      DSS's stack trace ({@code stackTraceStr}), or null
 */
public record JobFailure(String errorType, String message, String detailedMessage, String stackTrace) {
    public JobFailure {
        message = Redactor.text(message);
        detailedMessage = Redactor.text(detailedMessage);
        stackTrace = Redactor.text(stackTrace);
    }

    /** The DSS code ({@code ERR_...}) named in the messages, or null. */
    public String errorCode() {
        List<String> codes = DssErrors.codesIn(message);
        if (codes.isEmpty()) {
            codes = DssErrors.codesIn(detailedMessage);
        }
        return codes.isEmpty() ? null : codes.get(0);
    }

    /** What to do about the code, when it is a known one, or null. */
    public String hint() {
        return DssErrors.hint(errorCode()).orElse(null);
    }

    /** One line: code, message and hint. */
    public String summary() {
        String code = errorCode();
        String hint = hint();
        String text = detailedMessage != null && !detailedMessage.isBlank() ? detailedMessage : message;
        return (code != null && (text == null || !text.startsWith(code)) ? code + ": " : "") + text
                + (hint != null ? "; hint: " + hint : "");
    }
}
