package io.dataops4j.databricks.jobs;

import com.squareup.moshi.Json;

/**
 * A run's or a task run's state.
 *
 * @param lifeCycleState          where it is in its life
 * @param resultState             how it ended, once it has
 * @param stateMessage            the service's explanation, possibly empty
 * @param userCancelledOrTimedout whether a user or a timeout cancelled it
 * @param queueReason             why it waits in a queue, or null
 */
public record RunState(@Json(name = "life_cycle_state") RunLifeCycleState lifeCycleState,
                       @Json(name = "result_state") RunResultState resultState,
                       @Json(name = "state_message") String stateMessage,
                       @Json(name = "user_cancelled_or_timedout") Boolean userCancelledOrTimedout,
                       @Json(name = "queue_reason") String queueReason) {
    @Override
    public String toString() {
        return (lifeCycleState == null ? "?" : lifeCycleState.name()) + (resultState != null ? "/" + resultState : "")
                + (stateMessage != null && !stateMessage.isBlank() ? " (" + stateMessage + ")" : "");
    }
}
