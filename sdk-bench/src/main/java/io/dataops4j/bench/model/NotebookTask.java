package io.dataops4j.bench.model;

import com.squareup.moshi.Json;
import java.util.Map;

/** A notebook task. */
public record NotebookTask(
        @Json(name = "notebook_path") String notebookPath,
        @Json(name = "base_parameters") Map<String, String> baseParameters,
        String source) {
}
