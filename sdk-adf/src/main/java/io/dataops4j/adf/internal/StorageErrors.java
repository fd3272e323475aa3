package io.dataops4j.adf.internal;

import io.dataops4j.core.error.ErrorParser;
import io.dataops4j.core.error.ServiceError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure Storage error bodies: {@code <Error><Code>BlobNotFound</Code><Message>The specified blob does not
 * exist.\nRequestId:...</Message></Error>} (the message's first line).
 */
public final class StorageErrors implements ErrorParser {
    public static final StorageErrors INSTANCE = new StorageErrors();
    private static final Pattern CODE = Pattern.compile("(?s)<Code>(.*?)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("(?s)<Message>(.*?)</Message>");

    private StorageErrors() {
    }

    @Override
    public ServiceError parse(int status, String body) {
        if (body == null || !body.contains("<Error")) {
            return ErrorParser.GENERIC.parse(status, body);
        }
        return ServiceError.of(group(CODE, body), firstLine(group(MESSAGE, body)));
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1).strip() : null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
