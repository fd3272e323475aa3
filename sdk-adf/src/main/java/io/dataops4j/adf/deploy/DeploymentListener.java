package io.dataops4j.adf.deploy;

/** Told of every step of applying a plan (called from worker threads: make it thread-safe). */
@FunctionalInterface
public interface DeploymentListener {
    /** Does nothing. */
    DeploymentListener NONE = e -> { };

    void onEvent(DeploymentEvent event);
}
