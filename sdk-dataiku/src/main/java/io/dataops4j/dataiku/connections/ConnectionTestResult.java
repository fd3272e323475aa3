package io.dataops4j.dataiku.connections;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.json.RawJson;
import java.util.Objects;

/**
 * The outcome of a connection test, however it was made.
 *
 * @param connection the connection's name
 * @param ok         whether DSS reached the storage or database
 * @param method     how it was tested
 * @param message    what went wrong (DSS's message, secrets masked) or what was proven; may be null
 * @param errorCode  the DSS code ({@code ERR_...}) when the test failed with one, else null
 * @param hint       what to do about the code, when it is a known one, else null
 * @param raw        what DSS answered to the test call, when it was JSON, else null
 */
public record ConnectionTestResult(String connection, boolean ok, Method method, String message, String errorCode,
                                   String hint, RawJson raw) {
    public ConnectionTestResult {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(method, "method");
        message = Redactor.text(message);
    }

    /** How a connection was tested. */
    public enum Method {
        /** {@code GET /connections/{name}/test} (DSS 14.2 and later). */
        TEST_ENDPOINT,
        /** {@code SELECT 1} through the SQL query API ({@code POST /sql/queries/}), before 14.2. */
        SQL_QUERY,
        /** Listing the connection's schemas ({@code tables-import/actions/list-schemas}), before 14.2. */
        SCHEMA_LISTING,
        /** Listing the container through a temporary dataset's detection ({@code testAndDetectSettings/fsLike}), before 14.2. */
        BLOB_LISTING
    }
}
