package io.dataops4j.databricks.sql;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Map;

/**
 * A statement's state and, once it succeeded, its manifest and first chunk of results
 * ({@code POST/GET /api/2.0/sql/statements}).
 *
 * @param statementId the statement's id
 * @param status      its status
 * @param manifest    the result's schema and chunks, once it succeeded
 * @param result      the first chunk (rows for INLINE, links for EXTERNAL_LINKS)
 */
public record StatementResponse(@Json(name = "statement_id") String statementId, Status status, Manifest manifest,
                                ResultData result) {
    /** The state, UNKNOWN when absent. */
    public StatementState state() {
        return status == null || status.state() == null ? StatementState.UNKNOWN : status.state();
    }

    /**
     * A statement's status.
     *
     * @param state    where it is
     * @param error    why it failed, or null
     * @param sqlState the SQLSTATE of a failure, or null
     */
    public record Status(StatementState state, Error error, @Json(name = "sql_state") String sqlState) {
    }

    /**
     * A statement's error.
     *
     * @param errorCode the service's code
     * @param message   the message
     */
    public record Error(@Json(name = "error_code") String errorCode, String message) {
    }

    /**
     * The result's shape.
     *
     * @param format          JSON_ARRAY, ARROW_STREAM or CSV
     * @param schema          the columns
     * @param totalChunkCount how many chunks
     * @param chunks          each chunk's place
     * @param totalRowCount   rows in all
     * @param totalByteCount  bytes in all
     * @param truncated       whether a row or byte limit cut the result
     */
    public record Manifest(String format, Schema schema, @Json(name = "total_chunk_count") Integer totalChunkCount,
                           List<Chunk> chunks, @Json(name = "total_row_count") Long totalRowCount,
                           @Json(name = "total_byte_count") Long totalByteCount, Boolean truncated) {
    }

    /**
     * The columns.
     *
     * @param columnCount how many
     * @param columns     each one
     */
    public record Schema(@Json(name = "column_count") Integer columnCount, List<Column> columns) {
    }

    /**
     * A column.
     *
     * @param name          its name
     * @param position      its 0-based position
     * @param typeName      the type's name ({@code STRING}, {@code LONG}, {@code DECIMAL}, {@code TIMESTAMP}, ...)
     * @param typeText      the SQL type ({@code BIGINT}, {@code DECIMAL(10,2)})
     * @param typePrecision a decimal's precision
     * @param typeScale     a decimal's scale
     */
    public record Column(String name, Integer position, @Json(name = "type_name") String typeName,
                         @Json(name = "type_text") String typeText, @Json(name = "type_precision") Integer typePrecision,
                         @Json(name = "type_scale") Integer typeScale) {
    }

    /**
     * A chunk's place in the result.
     *
     * @param chunkIndex its index
     * @param rowOffset  its first row's index
     * @param rowCount   its rows
     * @param byteCount  its bytes
     */
    public record Chunk(@Json(name = "chunk_index") Integer chunkIndex, @Json(name = "row_offset") Long rowOffset,
                        @Json(name = "row_count") Long rowCount, @Json(name = "byte_count") Long byteCount) {
    }

    /**
     * One chunk of results.
     *
     * @param chunkIndex            its index
     * @param rowOffset             its first row's index
     * @param rowCount              its rows
     * @param dataArray             INLINE rows, each value a string or null
     * @param externalLinks         EXTERNAL_LINKS links
     * @param nextChunkIndex        the next chunk, or null at the end
     * @param nextChunkInternalLink the API path of the next chunk
     */
    public record ResultData(@Json(name = "chunk_index") Integer chunkIndex, @Json(name = "row_offset") Long rowOffset,
                             @Json(name = "row_count") Long rowCount,
                             @Json(name = "data_array") List<List<String>> dataArray,
                             @Json(name = "external_links") List<ExternalLink> externalLinks,
                             @Json(name = "next_chunk_index") Integer nextChunkIndex,
                             @Json(name = "next_chunk_internal_link") String nextChunkInternalLink) {
    }

    /**
     * A pre-signed link to one chunk, fetched without the workspace's credential.
     *
     * @param externalLink the URL (its signature is a secret: never logged)
     * @param expiration   when it expires (ISO-8601)
     * @param httpHeaders  headers to send with the download
     * @param chunkIndex   the chunk
     * @param rowOffset    its first row
     * @param rowCount     its rows
     * @param byteCount    its bytes
     */
    public record ExternalLink(@Json(name = "external_link") String externalLink, String expiration,
                               @Json(name = "http_headers") Map<String, String> httpHeaders,
                               @Json(name = "chunk_index") Integer chunkIndex, @Json(name = "row_offset") Long rowOffset,
                               @Json(name = "row_count") Long rowCount, @Json(name = "byte_count") Long byteCount) {
        @Override
        public String toString() {
            return "ExternalLink[chunk " + chunkIndex + ", " + io.dataops4j.core.Redactor.url(externalLink) + ", expires "
                    + expiration + "]";
        }
    }
}
