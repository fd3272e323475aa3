package io.dataops4j.cli.doctor;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.core.Versions;
import io.dataops4j.core.auth.EntraIdCredential;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code dataops4j doctor}: for each service, which configuration source each setting comes from and which
 * credential kind a client would use. It reads the environment and profile files only (no network call) and never
 * prints a secret: a secret setting shows as {@code set (environment DATABRICKS_TOKEN)}. It exits with 0 whatever it
 * finds.
 */
@Command(name = "doctor",
        description = {"Show, for each service, where each setting would come from and which credential kind would be "
                + "used; never a secret, no network call."})
public final class DoctorCommand implements Callable<Integer> {
    /** Every service's conventions, in the order printed. */
    static final List<ServiceConfigDescriptor> DESCRIPTORS = List.of(
            new DatabricksConfig(),
            new MlflowConfig(),
            new AzureConfig(),
            new DataikuConfig(),
            new DevOpsConfig());

    private static final int NAME_WIDTH = 30;

    private final CliContext ctx;

    DoctorCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        DoctorReport report = report(new DoctorContext(ctx.environment(), ctx.home(), EntraIdCredential.available()));
        if (ctx.json()) {
            ctx.printJson(report);
        } else {
            print(report, ctx.out());
        }
        return ExitCodes.OK;
    }

    /** The report of every service. */
    static DoctorReport report(DoctorContext context) {
        return new DoctorReport(Versions.sdk(), DESCRIPTORS.stream().map(d -> d.inspect(context)).toList());
    }

    static void print(DoctorReport report, PrintWriter out) {
        boolean first = true;
        for (ServiceReport s : report.services()) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println(s.service() + (s.covers() == null ? "" : " (" + s.covers() + ")") + ": "
                    + (s.ready() ? "ready" : "not ready"));
            for (SettingReport setting : s.settings()) {
                row(out, setting.name(), setting.display());
            }
            CredentialReport c = s.credential();
            StringBuilder credential = new StringBuilder(c.kind()).append(" - ").append(c.description());
            if (!c.from().isEmpty()) {
                credential.append(" (from ").append(String.join(", ", c.from())).append(')');
            }
            if (c.azureIdentity() != null) {
                credential.append("; azure-identity ").append(c.azureIdentity() ? "on the class path" : "missing");
            }
            row(out, "credential", credential.toString());
            for (String p : s.problems()) {
                out.println("  problem: " + p);
            }
            for (String n : s.notes()) {
                out.println("  note: " + n);
            }
        }
        out.flush();
    }

    private static void row(PrintWriter out, String name, String value) {
        out.println("  " + name + " ".repeat(Math.max(1, NAME_WIDTH - name.length())) + value);
    }
}
