package io.dataops4j.mlflow.tracking;

import com.squareup.moshi.Json;
import io.dataops4j.core.json.EpochMillis;
import io.dataops4j.mlflow.LifecycleStage;
import java.time.Instant;

/**
 * What identifies a run and where it stands.
 *
 * @param runId          the id
 * @param runName        the name, or null
 * @param experimentId   the experiment it belongs to
 * @param userId         who created it (deprecated by MLflow in favour of the {@code mlflow.user} tag), or null
 * @param status         running, finished, ...
 * @param startTime      when it started, or null
 * @param endTime        when it ended, or null while it runs
 * @param artifactUri    the root of its artifacts ({@code mlflow-artifacts:/1/<run>/artifacts}, {@code file:///...})
 * @param lifecycleStage active or deleted
 */
public record RunInfo(
        @Json(name = "run_id") String runId,
        @Json(name = "run_name") String runName,
        @Json(name = "experiment_id") String experimentId,
        @Json(name = "user_id") String userId,
        RunStatus status,
        @Json(name = "start_time") @EpochMillis Instant startTime,
        @Json(name = "end_time") @EpochMillis Instant endTime,
        @Json(name = "artifact_uri") String artifactUri,
        @Json(name = "lifecycle_stage") LifecycleStage lifecycleStage) {
}
