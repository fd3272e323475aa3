package io.dataops4j.mlflow.tracking;

import java.util.List;
import java.util.Objects;

/**
 * A run: its info, data, inputs and outputs.
 *
 * @param info    id, name, status, times, artifact root
 * @param data    latest metrics, parameters, tags
 * @param inputs  datasets and models used
 * @param outputs models produced
 */
public record Run(RunInfo info, RunData data, RunInputs inputs, RunOutputs outputs) {
    public Run {
        Objects.requireNonNull(info, "info");
        data = data == null ? new RunData(List.of(), List.of(), List.of()) : data;
        inputs = inputs == null ? new RunInputs(List.of(), List.of()) : inputs;
        outputs = outputs == null ? new RunOutputs(List.of()) : outputs;
    }

    /** The run id. */
    public String id() {
        return info.runId();
    }
}
