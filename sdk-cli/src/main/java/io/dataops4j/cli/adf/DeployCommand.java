package io.dataops4j.cli.adf;

import io.dataops4j.adf.AdfClient;
import io.dataops4j.adf.AdfException;
import io.dataops4j.adf.deploy.DeploymentEvent;
import io.dataops4j.adf.deploy.DeploymentResult;
import io.dataops4j.adf.deploy.Plan;
import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dataops4j adf deploy}: plans, prints the plan, then applies it with progress. */
@Command(name = "deploy",
        description = {"Plan as 'adf plan' does, print the plan, then apply it: stop triggers, global parameters, objects level by "
                + "level (in parallel within a level), deletions, the incremental state, start triggers. Exits with 2 when "
                + "nothing could be planned, 1 when a step failed (the message names the triggers left stopped)."})
public final class DeployCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    DeploySettings settings;

    @Mixin
    AdfConnection connection;

    DeployCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (AdfClient client = connection.client(ctx)) {
            Plan plan;
            try {
                plan = settings.deployment(ctx).plan(client);
            } catch (AdfException e) {
                return AdfOutput.report(ctx, e, ExitCodes.USAGE);
            }
            AdfJson.PlanDocument planDocument = AdfJson.PlanDocument.of(plan, client.factoryId().toString());
            if (!ctx.json()) {
                ctx.out().print(plan.render());
                ctx.out().flush();
            }
            if (!plan.hasChanges()) {
                if (ctx.json()) {
                    ctx.printJson(new AdfJson.Deployment(planDocument, new AdfJson.Result(List.of(), List.of(), List.of(), List.of())));
                } else {
                    ctx.out().println("\nNo changes: the factory is up to date.");
                    ctx.out().flush();
                }
                return ExitCodes.OK;
            }
            DeploymentResult result;
            try (Progress progress = Progress.forContext(ctx)) {
                result = plan.apply(e -> progress.progress(e.completed(), e.total(), describe(e)));
            } catch (AdfException e) {
                return AdfOutput.report(ctx, e, ExitCodes.FAILED);
            }
            if (ctx.json()) {
                ctx.printJson(new AdfJson.Deployment(planDocument, AdfJson.Result.of(result)));
            } else {
                ctx.out().println("\nApply complete: " + result.deployed().size() + " deployed, " + result.deleted().size() + " deleted; triggers "
                        + result.stoppedTriggers().size() + " stopped, " + result.startedTriggers().size() + " started"
                        + (result.startedTriggers().isEmpty() ? "" : " " + result.startedTriggers()) + ".");
                ctx.out().flush();
            }
            return ExitCodes.OK;
        }
    }

    private static String describe(DeploymentEvent e) {
        String what = e.action() + " " + e.target();
        return switch (e.status()) {
            case FAILED -> what + " failed";
            case WARNING -> what + " (warning)";
            default -> what;
        };
    }
}
