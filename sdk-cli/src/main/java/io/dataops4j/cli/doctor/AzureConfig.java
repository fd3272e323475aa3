package io.dataops4j.cli.doctor;

import io.dataops4j.core.config.ConfigResolver;
import io.dataops4j.core.config.Resolved;
import io.dataops4j.core.config.Setting;
import java.util.List;
import java.util.Optional;

/**
 * Azure Resource Manager's conventions, for Data Factory and Azure ML: {@code AZURE_CLIENT_ID},
 * {@code AZURE_CLIENT_SECRET} and {@code AZURE_TENANT_ID} for a service principal, {@code AZURE_SUBSCRIPTION_ID};
 * otherwise azure-identity's DefaultAzureCredential chain (workload identity, managed identity, Azure CLI, ...).
 */
public final class AzureConfig implements ServiceConfigDescriptor {
    static final String SERVICE = "Azure Resource Manager";

    static final Setting CLIENT_ID = Setting.of("client_id", "service principal's or managed identity's client id").env("AZURE_CLIENT_ID");
    static final Setting CLIENT_SECRET = Setting.of("client_secret", "service principal's client secret").env("AZURE_CLIENT_SECRET").asSecret();
    static final Setting TENANT_ID = Setting.of("tenant_id", "tenant id").env("AZURE_TENANT_ID");
    static final Setting SUBSCRIPTION_ID = Setting.of("subscription_id", "subscription id").env("AZURE_SUBSCRIPTION_ID");

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public ServiceReport inspect(DoctorContext context) {
        Inspection in = new Inspection();
        ConfigResolver resolver = ConfigResolver.of(SERVICE, context.environment());
        Optional<Resolved> clientId = in.check(resolver, CLIENT_ID);
        Optional<Resolved> clientSecret = in.check(resolver, CLIENT_SECRET);
        Optional<Resolved> tenant = in.check(resolver, TENANT_ID);
        Optional<Resolved> subscription = in.check(resolver, SUBSCRIPTION_ID);

        if (subscription.isEmpty()) {
            in.note("subscription_id is not set (AZURE_SUBSCRIPTION_ID): commands that address a subscription need it");
        }
        boolean available = context.azureIdentityAvailable();
        if (!available) {
            in.problem(EntraCredentials.MISSING);
        }
        CredentialReport credential;
        if (clientId.isPresent() && clientSecret.isPresent() && tenant.isPresent()) {
            credential = new CredentialReport("azure-client-secret", "Entra ID service principal with a client secret",
                    Inspection.sources(List.of(clientId, clientSecret, tenant)), available);
        } else {
            if (clientSecret.isPresent()) {
                in.problem("client_secret is set, but a service principal also needs "
                        + (clientId.isEmpty() && tenant.isEmpty() ? "client_id and tenant_id" : clientId.isEmpty() ? "client_id" : "tenant_id"));
            } else if (clientId.isPresent()) {
                in.note("client_id without client_secret: DefaultAzureCredential uses it for workload identity or a "
                        + "user-assigned managed identity");
            }
            credential = new CredentialReport("default-azure-credential", EntraCredentials.DEFAULT_CHAIN,
                    Inspection.sources(List.of(clientId, tenant)), available);
        }
        return in.report(SERVICE, "Data Factory, Azure ML", credential);
    }
}
