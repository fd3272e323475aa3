package io.dataops4j.adf.deploy;

import java.util.List;

/**
 * What applying a plan did.
 *
 * @param deployed       {@code type.name} of objects PUT (and global parameters)
 * @param deleted        {@code type.name} of objects deleted
 * @param stoppedTriggers triggers stopped
 * @param startedTriggers triggers started
 * @param warnings       the plan's warnings (what did not stop the deployment)
 */
public record DeploymentResult(List<String> deployed, List<String> deleted, List<String> stoppedTriggers, List<String> startedTriggers,
                               List<String> warnings) {
    public DeploymentResult {
        deployed = List.copyOf(deployed);
        deleted = List.copyOf(deleted);
        stoppedTriggers = List.copyOf(stoppedTriggers);
        startedTriggers = List.copyOf(startedTriggers);
        warnings = List.copyOf(warnings);
    }
}
