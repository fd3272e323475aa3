package io.dataops4j.azureml;

import io.dataops4j.azureml.internal.Polls;
import io.dataops4j.core.arm.ArmClient;

/** What the sub-clients share. */
record AzureMlContext(ArmClient arm, String subscription, ApiVersions versions, Polls.Timing timing) {
}
