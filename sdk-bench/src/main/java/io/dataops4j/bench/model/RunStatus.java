package io.dataops4j.bench.model;

import com.squareup.moshi.Json;

/** The (version 2) status of a run or task run. */
public record RunStatus(
        RunStatusState state,
        @Json(name = "termination_details") TerminationDetails terminationDetails) {
}
