package io.dataops4j.cli.doctor;

import io.dataops4j.core.config.ConfigResolver;
import io.dataops4j.core.config.Resolved;
import io.dataops4j.core.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Databricks, as the library finds it: {@link io.dataops4j.databricks.DatabricksConfig#resolve} (the official SDKs'
 * unified authentication: {@code DATABRICKS_*} and {@code ARM_*} environment variables, then a profile of
 * {@code ~/.databrickscfg} or {@code DATABRICKS_CONFIG_FILE}, chosen by {@code DATABRICKS_CONFIG_PROFILE}, else
 * {@code [__settings__] default_profile}, else {@code DEFAULT}), so that the doctor reports the settings, the
 * credential kind and the problems a {@code DatabricksClient} would meet. Only the reporting is done here.
 */
public final class DatabricksConfig implements ServiceConfigDescriptor {
    static final String SERVICE = io.dataops4j.databricks.DatabricksConfig.SERVICE;

    private static final Setting CONFIG_FILE = io.dataops4j.databricks.DatabricksConfig.CONFIG_FILE;
    private static final Setting PROFILE = io.dataops4j.databricks.DatabricksConfig.PROFILE;
    /** The library's message lists the builder option first, which a command line does not have. */
    private static final String BUILDER_PLACE = "builder option \\.[A-Za-z_]+\\(\\.\\.\\.\\), ";

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
        io.dataops4j.databricks.DatabricksConfig cfg = io.dataops4j.databricks.DatabricksConfig.resolve(context.environment(),
                context.home(), explicitProfile, Map.of());
        List<SettingReport> settings = new ArrayList<>();
        settings.add(SettingReport.of(CONFIG_FILE, cfg.find(CONFIG_FILE), List.of()));
        settings.add(new SettingReport(PROFILE.name(), PROFILE.description(), true, cfg.profile(),
                profileSource(context, cfg, explicitProfile), false, null));
        for (Setting s : io.dataops4j.databricks.DatabricksConfig.SETTINGS) {
            settings.add(SettingReport.of(s, cfg.find(s), cfg.placesSearched(s)));
        }
        List<String> problems = new ArrayList<>();
        cfg.problems().forEach(p -> problems.add(p.replaceAll(BUILDER_PLACE, "")));
        List<String> notes = new ArrayList<>();
        if (explicitProfile != null && !explicitProfile.isBlank()) {
            notes.add("profile " + explicitProfile.strip() + " named by the MLflow tracking URI");
        }
        notes.addAll(cfg.notes());

        String kind = cfg.authType();
        CredentialReport credential;
        if (kind == null) {
            credential = CredentialReport.none("no credential found");
        } else {
            String known = io.dataops4j.databricks.DatabricksConfig.AUTH_TYPES.get(kind);
            Boolean azureIdentity = null;
            if (kind.startsWith("azure-")) {
                azureIdentity = context.azureIdentityAvailable();
                if (!azureIdentity) {
                    problems.add(EntraCredentials.MISSING);
                }
            }
            credential = new CredentialReport(kind, known == null ? "auth_type " + kind : known, cfg.credentialSources(),
                    azureIdentity);
        }
        return new ServiceReport(SERVICE, null, problems.isEmpty(), settings, credential, problems, notes);
    }

    /**
     * Where the profile's name came from; the library tells only whether it was chosen: by name (explicit), by
     * {@code DATABRICKS_CONFIG_PROFILE}, else by {@code default_profile} of the file's {@code [__settings__]}.
     */
    private static String profileSource(DoctorContext context, io.dataops4j.databricks.DatabricksConfig cfg, String explicitProfile) {
        if (explicitProfile != null && !explicitProfile.isBlank()) {
            return "MLflow tracking URI";
        }
        if (!cfg.profileChosen()) {
            return "default";
        }
        Resolved env = ConfigResolver.of(SERVICE, context.environment()).require(PROFILE, null);
        return env.source().equals("default")
                ? "profile " + io.dataops4j.databricks.DatabricksConfig.SETTINGS_SECTION + " in " + cfg.configFile()
                : env.source();
    }
}
