package io.dataops4j.cli.doctor;

import io.dataops4j.core.config.ConfigResolver;
import io.dataops4j.core.config.ProfileFile;
import io.dataops4j.core.config.Resolved;
import io.dataops4j.core.config.Setting;
import io.dataops4j.core.error.ConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Databricks' conventions (those of the official SDKs' unified authentication): {@code DATABRICKS_*} and
 * {@code ARM_*} environment variables, then a profile of {@code ~/.databrickscfg} ({@code DATABRICKS_CONFIG_FILE}),
 * chosen by {@code DATABRICKS_CONFIG_PROFILE}, else {@code [__settings__] default_profile}, else {@code DEFAULT}.
 * Without {@code auth_type}, credentials are tried in the order personal access token, OAuth machine-to-machine,
 * Azure service principal, then Entra ID through DefaultAzureCredential for Azure workspaces.
 */
public final class DatabricksConfig implements ServiceConfigDescriptor {
    static final String SERVICE = "Databricks";

    static final Setting CONFIG_FILE = Setting.of("config_file", "configuration file").env("DATABRICKS_CONFIG_FILE");
    static final Setting PROFILE = Setting.of("profile", "configuration profile")
            .env("DATABRICKS_CONFIG_PROFILE").profileKey("default_profile").defaultValue("DEFAULT");
    static final Setting HOST = Setting.of("host", "workspace URL").env("DATABRICKS_HOST").profileKey("host");
    static final Setting TOKEN = Setting.of("token", "personal access token")
            .env("DATABRICKS_TOKEN").profileKey("token").asSecret();
    static final Setting CLIENT_ID = Setting.of("client_id", "OAuth client id")
            .env("DATABRICKS_CLIENT_ID").profileKey("client_id");
    static final Setting CLIENT_SECRET = Setting.of("client_secret", "OAuth client secret")
            .env("DATABRICKS_CLIENT_SECRET").profileKey("client_secret").asSecret();
    static final Setting AZURE_CLIENT_ID = Setting.of("azure_client_id", "Azure service principal's client id")
            .env("ARM_CLIENT_ID").profileKey("azure_client_id");
    static final Setting AZURE_CLIENT_SECRET = Setting.of("azure_client_secret", "Azure service principal's client secret")
            .env("ARM_CLIENT_SECRET").profileKey("azure_client_secret").asSecret();
    static final Setting AZURE_TENANT_ID = Setting.of("azure_tenant_id", "Azure tenant id")
            .env("ARM_TENANT_ID").profileKey("azure_tenant_id");
    static final Setting AZURE_RESOURCE_ID = Setting.of("azure_workspace_resource_id", "Azure resource id of the workspace")
            .env("DATABRICKS_AZURE_RESOURCE_ID").profileKey("azure_workspace_resource_id");
    static final Setting AUTH_TYPE = Setting.of("auth_type", "authentication type")
            .env("DATABRICKS_AUTH_TYPE").profileKey("auth_type");

    private static final String SETTINGS_SECTION = "__settings__";

    private static final Map<String, String> AUTH_TYPES = Map.of(
            "pat", "personal access token (bearer)",
            "basic", "user name and password (HTTP basic)",
            "oauth-m2m", "OAuth machine-to-machine (client credentials of a Databricks service principal)",
            "azure-client-secret", "Entra ID service principal with a client secret",
            "azure-msi", "Entra ID managed identity",
            "azure-cli", "Entra ID token of the signed-in Azure CLI user");

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public ServiceReport inspect(DoctorContext context) {
        return inspect(context, null);
    }

    /** As {@link #inspect(DoctorContext)}, with a profile given explicitly (a {@code databricks://profile} URI). */
    ServiceReport inspect(DoctorContext context, String explicitProfile) {
        Inspection in = new Inspection();
        ConfigResolver env = ConfigResolver.of(SERVICE, context.environment());

        Setting configFile = CONFIG_FILE.defaultValue(context.home().resolve(".databrickscfg").toString());
        Resolved file = in.check(env, configFile).orElseThrow();
        Path path = expandHome(file.value(), context.home());
        ProfileFile profiles = null;
        try {
            profiles = ProfileFile.load(path);
            if (!profiles.exists()) {
                in.note("configuration file " + path + " not found");
            }
        } catch (ConfigurationException e) {
            in.problem(e.getMessage());
        }

        String profile;
        boolean profileChosen;
        if (explicitProfile != null) {
            profile = explicitProfile;
            profileChosen = true;
            in.note("profile " + explicitProfile + " named by the MLflow tracking URI");
        } else {
            ConfigResolver settings = profiles == null ? env : env.profile(profiles, SETTINGS_SECTION);
            Resolved p = in.check(settings, PROFILE).orElseThrow();
            profile = p.value();
            profileChosen = !p.source().equals("default");
        }
        ConfigResolver resolver = env;
        if (profiles != null) {
            resolver = env.profile(profiles, profile);
            if (profiles.exists() && profiles.section(profile).isEmpty()) {
                String text = "profile [" + profile + "] is not in " + path + " (it has " + profiles.sectionNames() + ")";
                if (profileChosen) {
                    in.problem(text);
                } else {
                    in.note(text);
                }
            }
        }

        Optional<Resolved> host = in.check(resolver, HOST);
        Optional<Resolved> token = in.check(resolver, TOKEN);
        Optional<Resolved> clientId = in.check(resolver, CLIENT_ID);
        Optional<Resolved> clientSecret = in.check(resolver, CLIENT_SECRET);
        Optional<Resolved> azureClientId = in.check(resolver, AZURE_CLIENT_ID);
        Optional<Resolved> azureClientSecret = in.check(resolver, AZURE_CLIENT_SECRET);
        Optional<Resolved> azureTenant = in.check(resolver, AZURE_TENANT_ID);
        Optional<Resolved> resourceId = in.check(resolver, AZURE_RESOURCE_ID);
        Optional<Resolved> authType = in.check(resolver, AUTH_TYPE);

        if (host.isEmpty()) {
            in.missing(resolver, HOST);
        }
        pair(in, clientId, clientSecret, CLIENT_ID, CLIENT_SECRET);
        pair(in, azureClientId, azureClientSecret, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET);

        boolean azureWorkspace = resourceId.isPresent()
                || host.map(h -> h.value().toLowerCase(Locale.ROOT).contains(".azuredatabricks.net")).orElse(false);
        CredentialReport credential;
        if (authType.isPresent()) {
            credential = forAuthType(in, authType.get(), token, clientId, clientSecret, azureClientId, azureClientSecret,
                    azureTenant, context.azureIdentityAvailable());
        } else if (token.isPresent()) {
            credential = new CredentialReport("pat", AUTH_TYPES.get("pat"), Inspection.sources(List.of(token)), null);
        } else if (clientId.isPresent() && clientSecret.isPresent()) {
            credential = new CredentialReport("oauth-m2m", AUTH_TYPES.get("oauth-m2m"),
                    Inspection.sources(List.of(clientId, clientSecret)), null);
        } else if (azureClientId.isPresent() && azureClientSecret.isPresent() && azureTenant.isPresent()) {
            credential = entra(in, "azure-client-secret", AUTH_TYPES.get("azure-client-secret"),
                    Inspection.sources(List.of(azureClientId, azureClientSecret, azureTenant)), context.azureIdentityAvailable());
        } else if (azureWorkspace) {
            credential = entra(in, "default-azure-credential", EntraCredentials.DEFAULT_CHAIN, List.of(),
                    context.azureIdentityAvailable());
        } else {
            credential = CredentialReport.none("no credential found");
            in.problem("no credential: set token (DATABRICKS_TOKEN), client_id and client_secret "
                    + "(DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET), or an Azure service principal (ARM_CLIENT_ID, "
                    + "ARM_CLIENT_SECRET, ARM_TENANT_ID)");
        }
        return in.report(SERVICE, null, credential);
    }

    private static CredentialReport forAuthType(Inspection in, Resolved authType, Optional<Resolved> token,
                                                Optional<Resolved> clientId, Optional<Resolved> clientSecret,
                                                Optional<Resolved> azureClientId, Optional<Resolved> azureClientSecret,
                                                Optional<Resolved> azureTenant, boolean azureIdentity) {
        String kind = authType.value().strip().toLowerCase(Locale.ROOT);
        List<String> from = List.of(authType.source());
        switch (kind) {
            case "pat" -> {
                require(in, kind, token, TOKEN);
                return new CredentialReport(kind, AUTH_TYPES.get(kind), concat(from, List.of(token)), null);
            }
            case "oauth-m2m" -> {
                require(in, kind, clientId, CLIENT_ID);
                require(in, kind, clientSecret, CLIENT_SECRET);
                return new CredentialReport(kind, AUTH_TYPES.get(kind), concat(from, List.of(clientId, clientSecret)), null);
            }
            case "azure-client-secret" -> {
                require(in, kind, azureClientId, AZURE_CLIENT_ID);
                require(in, kind, azureClientSecret, AZURE_CLIENT_SECRET);
                require(in, kind, azureTenant, AZURE_TENANT_ID);
                return entra(in, kind, AUTH_TYPES.get(kind),
                        concat(from, List.of(azureClientId, azureClientSecret, azureTenant)), azureIdentity);
            }
            case "azure-msi", "azure-cli" -> {
                return entra(in, kind, AUTH_TYPES.get(kind), from, azureIdentity);
            }
            default -> {
                String known = AUTH_TYPES.get(kind);
                if (known == null) {
                    in.note("auth_type " + authType.value() + " is not one dataops4j knows (" + String.join(", ",
                            AUTH_TYPES.keySet().stream().sorted().toList()) + ")");
                }
                return new CredentialReport(kind, known == null ? "auth_type " + authType.value() : known, from, null);
            }
        }
    }

    private static CredentialReport entra(Inspection in, String kind, String description, List<String> from, boolean azureIdentity) {
        if (!azureIdentity) {
            in.problem(EntraCredentials.MISSING);
        }
        return new CredentialReport(kind, description, from, azureIdentity);
    }

    private static void require(Inspection in, String kind, Optional<Resolved> value, Setting setting) {
        if (value.isEmpty()) {
            in.problem("auth_type " + kind + " needs " + setting.name() + " (" + String.join(", ", setting.envVars())
                    + " or '" + setting.profileKey() + "' in the profile)");
        }
    }

    private static void pair(Inspection in, Optional<Resolved> id, Optional<Resolved> secret, Setting idSetting, Setting secretSetting) {
        if (id.isPresent() != secret.isPresent()) {
            Setting missing = id.isPresent() ? secretSetting : idSetting;
            Setting present = id.isPresent() ? idSetting : secretSetting;
            in.note(present.name() + " is set but " + missing.name() + " is not: they are used together");
        }
    }

    private static List<String> concat(List<String> first, List<Optional<Resolved>> more) {
        return java.util.stream.Stream.concat(first.stream(), Inspection.sources(more).stream()).distinct().toList();
    }

    private static Path expandHome(String file, Path home) {
        if (file.equals("~")) {
            return home;
        }
        if (file.startsWith("~/")) {
            return home.resolve(file.substring(2));
        }
        return Path.of(file);
    }
}
