package io.dataops4j.bench.model;

import com.squareup.moshi.Json;

/** A job-level parameter with its default and the value used by this run. */
public record JobParameter(String name, @Json(name = "default") String defaultValue, String value) {
}
