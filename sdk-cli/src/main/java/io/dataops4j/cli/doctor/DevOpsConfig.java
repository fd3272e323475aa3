package io.dataops4j.cli.doctor;

import io.dataops4j.core.config.ConfigResolver;
import io.dataops4j.core.config.Resolved;
import io.dataops4j.core.config.Setting;
import java.util.List;
import java.util.Optional;

/**
 * Azure DevOps' conventions: {@code SYSTEM_COLLECTIONURI} (the organization URL, set in pipelines), then a personal
 * access token in {@code AZURE_DEVOPS_EXT_PAT} (as the Azure CLI's devops extension reads it; HTTP basic), or a
 * pipeline's job token in {@code SYSTEM_ACCESSTOKEN} (bearer), or Entra ID through DefaultAzureCredential.
 */
public final class DevOpsConfig implements ServiceConfigDescriptor {
    static final String SERVICE = "Azure DevOps";

    static final Setting ORGANIZATION = Setting.of("organization", "organization URL").env("SYSTEM_COLLECTIONURI");
    static final Setting PAT = Setting.of("pat", "personal access token").env("AZURE_DEVOPS_EXT_PAT").asSecret();
    static final Setting ACCESS_TOKEN = Setting.of("access_token", "pipeline job access token").env("SYSTEM_ACCESSTOKEN").asSecret();

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public ServiceReport inspect(DoctorContext context) {
        Inspection in = new Inspection();
        ConfigResolver resolver = ConfigResolver.of(SERVICE, context.environment());
        Optional<Resolved> organization = in.check(resolver, ORGANIZATION);
        Optional<Resolved> pat = in.check(resolver, PAT);
        Optional<Resolved> accessToken = in.check(resolver, ACCESS_TOKEN);
        if (organization.isEmpty()) {
            in.missing(resolver, ORGANIZATION);
        }
        CredentialReport credential;
        if (pat.isPresent()) {
            credential = new CredentialReport("pat", "personal access token (HTTP basic, empty user)",
                    Inspection.sources(List.of(pat)), null);
            if (accessToken.isPresent()) {
                in.note("both a personal access token and a job access token are set: the personal access token is used");
            }
        } else if (accessToken.isPresent()) {
            credential = new CredentialReport("system-access-token", "the pipeline job's access token (bearer)",
                    Inspection.sources(List.of(accessToken)), null);
        } else {
            if (!context.azureIdentityAvailable()) {
                in.problem(EntraCredentials.MISSING);
            }
            credential = new CredentialReport("default-azure-credential", EntraCredentials.DEFAULT_CHAIN, List.of(),
                    context.azureIdentityAvailable());
        }
        return in.report(SERVICE, null, credential);
    }
}
