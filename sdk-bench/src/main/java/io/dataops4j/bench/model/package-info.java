/**
 * The records of a Databricks {@code jobs/runs/get} answer, limited to the fields of the benchmark's body.
 *
 * <p>Stand-ins until sdk-databricks exists: the benchmark must then decode into sdk-databricks's own records
 * ({@code io.dataops4j.databricks.jobs.Run} and friends), so that it measures what users get. Field names come
 * from databricks-sdk-java's {@code com.databricks.sdk.service.jobs} POJOs ({@code @JsonProperty} names).
 */
package io.dataops4j.bench.model;
