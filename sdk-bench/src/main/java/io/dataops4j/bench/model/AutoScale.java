package io.dataops4j.bench.model;

import com.squareup.moshi.Json;

/** Autoscaling bounds. */
public record AutoScale(@Json(name = "min_workers") Integer minWorkers, @Json(name = "max_workers") Integer maxWorkers) {
}
