package io.dataops4j.adf.internal;

import io.dataops4j.adf.runs.ActivityRun;
import io.dataops4j.adf.runs.PipelineRun;
import io.dataops4j.adf.runs.TriggerRun;
import java.util.List;

/** Pages of the run query answers: {@code {"value":[...],"continuationToken":"..."}}. */
public final class RunPages {
    private RunPages() {
    }

    public record Pipelines(List<PipelineRun> value, String continuationToken) {
    }

    public record Activities(List<ActivityRun> value, String continuationToken) {
    }

    public record Triggers(List<TriggerRun> value, String continuationToken) {
    }

    public record CreateRun(String runId) {
    }
}
