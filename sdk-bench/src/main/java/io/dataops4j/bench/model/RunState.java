package io.dataops4j.bench.model;

import com.squareup.moshi.Json;

/** The (version 1) state of a run or task run. */
public record RunState(
        @Json(name = "life_cycle_state") RunLifeCycleState lifeCycleState,
        @Json(name = "result_state") RunResultState resultState,
        @Json(name = "state_message") String stateMessage,
        @Json(name = "user_cancelled_or_timedout") Boolean userCancelledOrTimedout) {
}
