package io.dataops4j.cli.adf;

import io.dataops4j.adf.AdfClient;
import io.dataops4j.cli.CliContext;
import io.dataops4j.core.Secret;
import io.dataops4j.core.arm.ArmClient;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.auth.EntraIdCredential;
import io.dataops4j.core.auth.Scopes;
import io.dataops4j.core.error.ConfigurationException;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The target factory and how to reach it: {@code --subscription} (or {@code AZURE_SUBSCRIPTION_ID}),
 * {@code --resource-group}, {@code --factory}, {@code --arm-endpoint}, and the credential: a bearer token from the
 * environment variable named by {@code --token-env} (never on the command line, where {@code ps} would show it), or
 * Entra ID (DefaultAzureCredential) for the ARM scope.
 */
final class AdfConnection {
    @Option(names = "--subscription", paramLabel = "ID",
            description = "Subscription of the factory (default: the AZURE_SUBSCRIPTION_ID environment variable).")
    String subscription;

    @Option(names = {"--resource-group", "-g"}, paramLabel = "NAME", required = true, description = "Resource group of the factory.")
    String resourceGroup;

    @Option(names = "--factory", paramLabel = "NAME", required = true, description = "The Data Factory.")
    String factory;

    @Option(names = "--arm-endpoint", paramLabel = "URL", defaultValue = ArmClient.PUBLIC_CLOUD,
            description = "Azure Resource Manager endpoint (sovereign clouds: https://management.chinacloudapi.cn/, "
                    + "https://management.usgovcloudapi.net/). Default: ${DEFAULT-VALUE}")
    String armEndpoint;

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "Name of an environment variable that holds an ARM bearer token (for CI pipelines that already "
                    + "have one); without it Entra ID (DefaultAzureCredential) is used.")
    String tokenEnv;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "5s", converter = Durations.class,
            description = "First wait between polls of long-running operations and runs (grows up to 6x). Default: ${DEFAULT-VALUE}")
    Duration pollInterval;

    String subscription(CliContext ctx) {
        if (subscription != null && !subscription.isBlank()) {
            return subscription.strip();
        }
        String env = ctx.environment().get("AZURE_SUBSCRIPTION_ID");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        throw new ConfigurationException("the factory's subscription is not set; looked in: option --subscription, "
                + "environment variable AZURE_SUBSCRIPTION_ID");
    }

    /** A bearer token from {@code --token-env}, or null when the option is not given. */
    static Credential bearerFromEnv(CliContext ctx, String option, String variable) {
        if (variable == null) {
            return null;
        }
        String token = ctx.environment().get(variable);
        if (token == null || token.isBlank()) {
            throw new ConfigurationException(option + " " + variable + ": the environment variable is not set");
        }
        return Credential.bearer(Secret.of(token.strip()));
    }

    Credential credential(CliContext ctx) {
        Credential c = bearerFromEnv(ctx, "--token-env", tokenEnv);
        return c != null ? c : EntraIdCredential.defaultAzure(Scopes.ARM);
    }

    AdfClient client(CliContext ctx) {
        String sub = subscription(ctx);
        ArmClient arm = ArmClient.builder().endpoint(armEndpoint).credential(credential(ctx)).pollInterval(pollInterval).build();
        return AdfClient.builder().arm(arm).factory(sub, resourceGroup, factory).pollInterval(pollInterval).build();
    }
}
