package io.dataops4j.cli;

import io.dataops4j.cli.databricks.DatabricksCommand;
import io.dataops4j.cli.adf.AdfCommand;
import io.dataops4j.cli.demo.DemoCommand;
import io.dataops4j.cli.azureml.AzureMlCommand;
import io.dataops4j.cli.devops.DevOpsCommand;
import io.dataops4j.cli.doctor.DoctorCommand;
import io.dataops4j.cli.dss.DssCommand;
import io.dataops4j.cli.mlflow.MlflowCommand;
import io.dataops4j.cli.relay.RelayCommand;
import java.util.List;

/**
 * The one place where the top-level commands of {@code dataops4j} are listed, in the order of
 * {@code dataops4j --help}.
 *
 * <p>To add a service's command group (for example {@code mlflow}, {@code databricks}, {@code adf}, {@code dss},
 * {@code azureml}, {@code devops}): write a public {@code @Command(name = "mlflow", subcommands = {...})} class in
 * {@code io.dataops4j.cli.<service>} whose constructor takes a {@link CliContext} (the factory passes it to every
 * command class, nested ones too), and add the class to {@link #ALL}. Commands return an exit code from
 * {@link ExitCodes}, print results through {@link CliContext#out()} (or {@link CliContext#printJson(Object)} when
 * {@link CliContext#json()}), report long work through {@link io.dataops4j.cli.progress.Progress}, and let
 * exceptions propagate: {@link Cli} turns them into one line and an exit code.
 */
final class Subcommands {
    /** Every top-level command class. */
    static final List<Class<?>> ALL = List.of(
            VersionCommand.class,
            DemoCommand.class,
            DoctorCommand.class,
            MlflowCommand.class,
            DatabricksCommand.class,
            AdfCommand.class,
            AzureMlCommand.class,
            DssCommand.class,
            DevOpsCommand.class,
            RelayCommand.class,
            HelpCommand.class);

    private Subcommands() {
    }
}
