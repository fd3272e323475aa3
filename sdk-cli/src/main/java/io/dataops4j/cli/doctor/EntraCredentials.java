package io.dataops4j.cli.doctor;

/** Words shared by the services that accept Entra ID tokens. */
final class EntraCredentials {
    static final String DEFAULT_CHAIN = "Entra ID through the DefaultAzureCredential chain (environment, workload "
            + "identity, managed identity, Azure CLI, ...); checked only when a command uses it";
    static final String MISSING = "Entra ID needs com.azure:azure-identity and com.azure:azure-core-http-jdk-httpclient "
            + "on the class path";

    private EntraCredentials() {
    }
}
