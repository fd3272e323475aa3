package io.dataops4j.cli.adf;

import io.dataops4j.adf.AdfClient;
import io.dataops4j.adf.AdfException;
import io.dataops4j.adf.deploy.Plan;
import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dataops4j adf plan}: what a deployment would do, like {@code terraform plan}; nothing is written. */
@Command(name = "plan",
        description = {"Read the target factory and print what a deployment would do, like terraform plan: objects to create, "
                + "update (with the diff) or delete, unchanged ones, triggers to stop and start. Nothing is written. "
                + "Exits with 2 when the source, the config or the plan has errors."})
public final class PlanCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    DeploySettings settings;

    @Mixin
    AdfConnection connection;

    PlanCommand(CliContext ctx) {
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
            if (ctx.json()) {
                ctx.printJson(AdfJson.PlanDocument.of(plan, client.factoryId().toString()));
            } else {
                ctx.out().print(plan.render());
                ctx.out().flush();
            }
            return ExitCodes.OK;
        }
    }
}
