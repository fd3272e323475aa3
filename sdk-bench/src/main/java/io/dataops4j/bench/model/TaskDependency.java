package io.dataops4j.bench.model;

import com.squareup.moshi.Json;

/** A task this task depends on. */
public record TaskDependency(@Json(name = "task_key") String taskKey, String outcome) {
}
