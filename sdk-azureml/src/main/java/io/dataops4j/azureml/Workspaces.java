package io.dataops4j.azureml;

import io.dataops4j.core.arm.ResourceId;

/**
 * Azure Machine Learning workspaces of the client's subscription.
 *
 * <pre>{@code
 * Workspace ws = aml.workspaces().get("rg-ml", "ws1");
 * String uri = ws.mlflowTrackingUri();
 * }</pre>
 */
public final class Workspaces {
    private final AzureMlContext ctx;

    Workspaces(AzureMlContext ctx) {
        this.ctx = ctx;
    }

    /** The workspace's resource id. */
    public ResourceId id(String resourceGroup, String name) {
        return ResourceId.of(ctx.subscription(), resourceGroup, "Microsoft.MachineLearningServices", "workspaces", name);
    }

    /** Reads a workspace. */
    public Workspace get(String resourceGroup, String name) {
        return Workspace.from(ctx.arm().get(id(resourceGroup, name).path(), ctx.versions().machineLearning()));
    }
}
