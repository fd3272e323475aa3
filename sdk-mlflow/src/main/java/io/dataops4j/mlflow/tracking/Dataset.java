package io.dataops4j.mlflow.tracking;

import com.squareup.moshi.Json;
import java.util.Objects;

/**
 * A dataset a run used, as MLflow records it.
 *
 * @param name       the name
 * @param digest     a short fingerprint of the content
 * @param sourceType where it comes from ({@code local}, {@code s3}, {@code delta_table}, ...)
 * @param source     the source, usually JSON text ({@code {"uri": "..."}})
 * @param schema     its schema as JSON text, or null
 * @param profile    its profile as JSON text (row count, ...), or null
 */
public record Dataset(String name, String digest, @Json(name = "source_type") String sourceType, String source,
                      String schema, String profile) {
    public Dataset {
        Objects.requireNonNull(name, "dataset name");
    }
}
