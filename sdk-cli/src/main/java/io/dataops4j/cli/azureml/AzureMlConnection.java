package io.dataops4j.cli.azureml;

import io.dataops4j.azureml.AzureMlClient;
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
 * How to reach Azure Resource Manager, as the adf commands take it: {@code --subscription} (or
 * {@code AZURE_SUBSCRIPTION_ID}), {@code --arm-endpoint}, a bearer token from the environment variable named by
 * {@code --token-env} (never on the command line) or else Entra ID (DefaultAzureCredential) for the ARM scope, and
 * {@code --poll-interval}.
 */
final class AzureMlConnection {
    @Option(names = "--subscription", paramLabel = "ID",
            description = "The subscription (default: the AZURE_SUBSCRIPTION_ID environment variable).")
    String subscription;

    @Option(names = "--arm-endpoint", paramLabel = "URL", defaultValue = ArmClient.PUBLIC_CLOUD,
            description = "Azure Resource Manager endpoint (sovereign clouds: https://management.chinacloudapi.cn/, "
                    + "https://management.usgovcloudapi.net/). Default: ${DEFAULT-VALUE}")
    String armEndpoint;

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "Name of an environment variable that holds an ARM bearer token (for CI pipelines that already "
                    + "have one); without it Entra ID (DefaultAzureCredential) is used.")
    String tokenEnv;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "5s", converter = PollDurations.class,
            description = "First wait between polls of long-running operations (grows up to 6x; the service's "
                    + "Retry-After wins). Default: ${DEFAULT-VALUE}")
    Duration pollInterval;

    String subscription(CliContext ctx) {
        if (subscription != null && !subscription.isBlank()) {
            return subscription.strip();
        }
        String env = ctx.environment().get(AzureMlClient.ENV_SUBSCRIPTION);
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        throw new ConfigurationException("the subscription is not set; looked in: option --subscription, environment variable "
                + AzureMlClient.ENV_SUBSCRIPTION);
    }

    Credential credential(CliContext ctx) {
        if (tokenEnv == null) {
            return EntraIdCredential.defaultAzure(Scopes.ARM);
        }
        String token = ctx.environment().get(tokenEnv);
        if (token == null || token.isBlank()) {
            throw new ConfigurationException("--token-env " + tokenEnv + ": the environment variable is not set");
        }
        return Credential.bearer(Secret.of(token.strip()));
    }

    AzureMlClient client(CliContext ctx) {
        return AzureMlClient.builder().subscription(subscription(ctx)).endpoint(armEndpoint).credential(credential(ctx))
                .pollInterval(pollInterval).build();
    }
}
