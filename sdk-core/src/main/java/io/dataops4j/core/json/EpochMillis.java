package io.dataops4j.core.json;

import com.squareup.moshi.JsonQualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link java.time.Instant} that travels as epoch milliseconds (Databricks, MLflow) instead of
 * ISO-8601 (ARM, DevOps, DSS).
 *
 * <pre>{@code
 * public record Experiment(@Json(name = "creation_time") @EpochMillis Instant creationTime) {}
 * }</pre>
 */
@Documented
@JsonQualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface EpochMillis {
}
