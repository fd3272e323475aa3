package io.dataops4j.databricks;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.config.ConfigResolver;
import io.dataops4j.core.config.Environment;
import io.dataops4j.core.config.ProfileFile;
import io.dataops4j.core.config.Resolved;
import io.dataops4j.core.config.Setting;
import io.dataops4j.core.error.ConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Databricks workspace's settings, found the way the Databricks CLI and SDKs find them (unified authentication):
 * values given in code first, then {@code DATABRICKS_*} and {@code ARM_*} environment variables, then one profile of
 * {@code ~/.databrickscfg} ({@code DATABRICKS_CONFIG_FILE} moves it), chosen by the explicit profile, else
 * {@code DATABRICKS_CONFIG_PROFILE}, else {@code [__settings__] default_profile}, else {@code DEFAULT}.
 *
 * <p>Without {@code auth_type} the credential is the first that is complete, in the Databricks SDKs' order:
 * {@code pat} (token), {@code basic} (username and password), {@code oauth-m2m} (client id and secret),
 * {@code azure-msi} ({@code ARM_USE_MSI=true}), {@code azure-client-secret} (ARM client id, secret and tenant), then
 * {@code azure-cli} on an Azure workspace. With {@code auth_type} only that kind is used.
 *
 * <pre>{@code
 * DatabricksConfig cfg = DatabricksConfig.resolve(Environment.system(), Path.of(System.getProperty("user.home")), null, Map.of());
 * System.out.println(cfg.host() + " via " + cfg.authType() + " from " + cfg.sources());   // never a secret
 * }</pre>
 */
public final class DatabricksConfig {
    /** The service's name in messages. */
    public static final String SERVICE = "Databricks";
    /** The section of the profile file holding {@code default_profile}. */
    public static final String SETTINGS_SECTION = "__settings__";

    public static final Setting CONFIG_FILE = Setting.of("config_file", "configuration file").env("DATABRICKS_CONFIG_FILE");
    public static final Setting PROFILE = Setting.of("profile", "configuration profile")
            .env("DATABRICKS_CONFIG_PROFILE").profileKey("default_profile").defaultValue("DEFAULT");
    public static final Setting HOST = Setting.of("host", "workspace URL").env("DATABRICKS_HOST").profileKey("host");
    public static final Setting TOKEN = Setting.of("token", "personal access token")
            .env("DATABRICKS_TOKEN").profileKey("token").asSecret();
    public static final Setting USERNAME = Setting.of("username", "user name").env("DATABRICKS_USERNAME").profileKey("username");
    public static final Setting PASSWORD = Setting.of("password", "password")
            .env("DATABRICKS_PASSWORD").profileKey("password").asSecret();
    public static final Setting CLIENT_ID = Setting.of("client_id", "OAuth client id")
            .env("DATABRICKS_CLIENT_ID").profileKey("client_id");
    public static final Setting CLIENT_SECRET = Setting.of("client_secret", "OAuth client secret")
            .env("DATABRICKS_CLIENT_SECRET").profileKey("client_secret").asSecret();
    public static final Setting AZURE_CLIENT_ID = Setting.of("azure_client_id", "Azure service principal's client id")
            .env("ARM_CLIENT_ID").profileKey("azure_client_id");
    public static final Setting AZURE_CLIENT_SECRET = Setting.of("azure_client_secret", "Azure service principal's client secret")
            .env("ARM_CLIENT_SECRET").profileKey("azure_client_secret").asSecret();
    public static final Setting AZURE_TENANT_ID = Setting.of("azure_tenant_id", "Azure tenant id")
            .env("ARM_TENANT_ID").profileKey("azure_tenant_id");
    public static final Setting AZURE_USE_MSI = Setting.of("azure_use_msi", "use an Azure managed identity")
            .env("ARM_USE_MSI").profileKey("azure_use_msi");
    public static final Setting AZURE_RESOURCE_ID = Setting.of("azure_workspace_resource_id", "Azure resource id of the workspace")
            .env("DATABRICKS_AZURE_RESOURCE_ID").profileKey("azure_workspace_resource_id");
    /** The Databricks account id (a UUID): what account-level APIs and the accounts console's OAuth are under. */
    public static final Setting ACCOUNT_ID = Setting.of("account_id", "account id")
            .env("DATABRICKS_ACCOUNT_ID").profileKey("account_id");
    public static final Setting AUTH_TYPE = Setting.of("auth_type", "authentication type")
            .env("DATABRICKS_AUTH_TYPE").profileKey("auth_type");

    /** Every setting of a workspace, in the order reported. */
    public static final List<Setting> SETTINGS = List.of(HOST, TOKEN, USERNAME, PASSWORD, CLIENT_ID, CLIENT_SECRET,
            AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_TENANT_ID, AZURE_USE_MSI, AZURE_RESOURCE_ID, ACCOUNT_ID, AUTH_TYPE);

    /** The authentication types understood, with what each means. */
    public static final Map<String, String> AUTH_TYPES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pat", "personal access token (bearer)");
        m.put("basic", "user name and password (HTTP basic)");
        m.put("oauth-m2m", "OAuth machine-to-machine (client credentials of a Databricks service principal)");
        m.put("azure-msi", "Entra ID managed identity");
        m.put("azure-client-secret", "Entra ID service principal with a client secret");
        m.put("azure-cli", "Entra ID token of the signed-in Azure CLI user");
        AUTH_TYPES = Collections.unmodifiableMap(m);
    }

    private final Path configFile;
    private final ProfileFile profiles;
    private final String profile;
    private final boolean profileChosen;
    private final ConfigResolver resolver;
    private final Map<String, Resolved> values;
    private final List<String> problems;
    private final List<String> notes;

    private DatabricksConfig(Path configFile, ProfileFile profiles, String profile, boolean profileChosen,
                             ConfigResolver resolver, Map<String, Resolved> values, List<String> problems, List<String> notes) {
        this.configFile = configFile;
        this.profiles = profiles;
        this.profile = profile;
        this.profileChosen = profileChosen;
        this.resolver = resolver;
        this.values = values;
        this.problems = new ArrayList<>(problems);
        this.notes = new ArrayList<>(notes);
    }

    /**
     * Finds every setting. Never fails for a missing setting or a broken profile file: those show in
     * {@link #problems()} and fail later in {@link #require(Setting)} or when a client is built.
     *
     * @param env             environment variables
     * @param home            the home directory ({@code ~} in {@code DATABRICKS_CONFIG_FILE} and the default file)
     * @param explicitProfile a profile named in code or on the command line, or null
     * @param explicit        values given in code, by setting name ({@code "host"}, {@code "token"}); may be empty
     */
    public static DatabricksConfig resolve(Environment env, Path home, String explicitProfile, Map<String, String> explicit) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(explicit, "explicit");
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ConfigResolver base = ConfigResolver.of(SERVICE, env);
        Resolved file = base.require(CONFIG_FILE.defaultValue(home.resolve(".databrickscfg").toString()), explicit.get("config_file"));
        Path path = expandHome(file.value(), home);
        ProfileFile profiles = null;
        try {
            profiles = ProfileFile.load(path);
            if (!profiles.exists()) {
                notes.add("configuration file " + path + " not found");
            }
        } catch (ConfigurationException e) {
            problems.add(e.getMessage());
        }
        String profile;
        boolean chosen;
        if (explicitProfile != null && !explicitProfile.isBlank()) {
            profile = explicitProfile.strip();
            chosen = true;
        } else {
            ConfigResolver settings = profiles == null ? base : base.profile(profiles, SETTINGS_SECTION);
            Resolved p = settings.require(PROFILE, null);
            profile = p.value();
            chosen = !p.source().equals("default");
        }
        ConfigResolver resolver = base;
        if (profiles != null) {
            resolver = base.profile(profiles, profile);
            if (profiles.exists() && profiles.section(profile).isEmpty()) {
                String text = "profile [" + profile + "] is not in " + path + " (it has " + profiles.sectionNames() + ")";
                (chosen ? problems : notes).add(text);
            }
        }
        Map<String, Resolved> values = new LinkedHashMap<>();
        values.put(CONFIG_FILE.name(), new Resolved(CONFIG_FILE.name(), path.toString(), file.source(), false));
        for (Setting s : SETTINGS) {
            resolver.find(s, explicit.get(s.name())).ifPresent(r -> values.put(s.name(), r));
        }
        DatabricksConfig cfg = new DatabricksConfig(path, profiles, profile, chosen, resolver, values, problems, notes);
        return cfg.withChecks();
    }

    private DatabricksConfig withChecks() {
        if (find(HOST).isEmpty()) {
            problems.add(SERVICE + " " + HOST.description() + " is not set; looked in: " + String.join(", ", placesSearched(HOST)));
        }
        if (isAccountsHost() && "oauth-m2m".equals(authType()) && find(ACCOUNT_ID).isEmpty()) {
            problems.add("oauth-m2m on the accounts console " + host() + " needs " + ACCOUNT_ID.name() + "; looked in: "
                    + String.join(", ", placesSearched(ACCOUNT_ID)));
        }
        pair(CLIENT_ID, CLIENT_SECRET);
        pair(AZURE_CLIENT_ID, AZURE_CLIENT_SECRET);
        pair(USERNAME, PASSWORD);
        Optional<Resolved> type = find(AUTH_TYPE);
        if (type.isPresent()) {
            String kind = type.get().value().strip().toLowerCase(Locale.ROOT);
            switch (kind) {
                case "pat" -> needs(kind, TOKEN);
                case "basic" -> needs(kind, USERNAME, PASSWORD);
                case "oauth-m2m" -> needs(kind, CLIENT_ID, CLIENT_SECRET);
                case "azure-client-secret" -> needs(kind, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_TENANT_ID);
                case "azure-msi", "azure-cli" -> { }
                default -> problems.add("auth_type " + type.get().value() + " (from " + type.get().source()
                        + ") is not one dataops4j knows (" + String.join(", ", AUTH_TYPES.keySet()) + ")");
            }
        } else if (authType() == null) {
            problems.add("no credential: set token (DATABRICKS_TOKEN), client_id and client_secret (DATABRICKS_CLIENT_ID, "
                    + "DATABRICKS_CLIENT_SECRET), or an Azure service principal (ARM_CLIENT_ID, ARM_CLIENT_SECRET, ARM_TENANT_ID)");
        }
        return new DatabricksConfig(configFile, profiles, profile, profileChosen, resolver, values, problems, notes);
    }

    private void pair(Setting a, Setting b) {
        if (find(a).isPresent() != find(b).isPresent()) {
            Setting present = find(a).isPresent() ? a : b;
            Setting missing = present == a ? b : a;
            notes.add(present.name() + " is set but " + missing.name() + " is not: they are used together");
        }
    }

    private void needs(String kind, Setting... settings) {
        for (Setting s : settings) {
            if (find(s).isEmpty()) {
                problems.add("auth_type " + kind + " needs " + s.name() + " (" + String.join(", ", s.envVars())
                        + " or '" + s.profileKey() + "' in the profile)");
            }
        }
    }

    /** A setting's value and source, if it is set anywhere. */
    public Optional<Resolved> find(Setting setting) {
        return Optional.ofNullable(values.get(setting.name()));
    }

    /** A setting's value, or null. */
    public String value(Setting setting) {
        Resolved r = values.get(setting.name());
        return r == null ? null : r.value();
    }

    /**
     * A setting that must be set.
     *
     * @throws ConfigurationException naming every place searched
     */
    public Resolved require(Setting setting) {
        return find(setting).orElseThrow(() -> new ConfigurationException(SERVICE + " " + setting.description()
                + " is not set; looked in: " + String.join(", ", placesSearched(setting))));
    }

    /** Every place a setting is looked for, in order. */
    public List<String> placesSearched(Setting setting) {
        return resolver.placesSearched(setting);
    }

    /**
     * The workspace URL as the client uses it: {@code https://} added when no scheme is given (as the Databricks CLI
     * does), no trailing slash. Null when the host is not set.
     */
    public String host() {
        String h = value(HOST);
        if (h == null) {
            return null;
        }
        h = h.strip();
        if (!h.contains("://")) {
            h = "https://" + h;
        }
        while (h.endsWith("/")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    /**
     * The account id ({@code account_id}, {@code DATABRICKS_ACCOUNT_ID}), or null when it is not set. Account-level
     * clients need it: {@code DatabricksClient.accountScim()} and OAuth M2M against the accounts console.
     */
    public String accountId() {
        String id = value(ACCOUNT_ID);
        return id == null || id.isBlank() ? null : id.strip();
    }

    /**
     * Whether the host is an accounts console ({@code https://accounts.azuredatabricks.net},
     * {@code https://accounts.cloud.databricks.com}, {@code https://accounts-dod...}), decided from the host name as the
     * Databricks SDKs decide it ({@code is_account_client}).
     */
    public boolean isAccountsHost() {
        String h = host();
        if (h == null) {
            return false;
        }
        String lower = h.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://accounts.") || lower.startsWith("https://accounts-dod.");
    }

    /** Whether the workspace is an Azure Databricks one (by its resource id or its host name). */
    public boolean isAzure() {
        if (find(AZURE_RESOURCE_ID).isPresent()) {
            return true;
        }
        String h = host();
        if (h == null) {
            return false;
        }
        String lower = h.toLowerCase(Locale.ROOT);
        return lower.contains(".azuredatabricks.net") || lower.contains(".databricks.azure.cn")
                || lower.contains(".databricks.azure.us");
    }

    /**
     * The authentication type a client uses: {@code auth_type} when set, else the first complete kind in the
     * Databricks SDKs' order; null when none is complete.
     */
    public String authType() {
        Optional<Resolved> type = find(AUTH_TYPE);
        if (type.isPresent()) {
            return type.get().value().strip().toLowerCase(Locale.ROOT);
        }
        if (find(TOKEN).isPresent()) {
            return "pat";
        }
        if (find(USERNAME).isPresent() && find(PASSWORD).isPresent()) {
            return "basic";
        }
        if (find(CLIENT_ID).isPresent() && find(CLIENT_SECRET).isPresent()) {
            return "oauth-m2m";
        }
        if ("true".equalsIgnoreCase(value(AZURE_USE_MSI))) {
            return "azure-msi";
        }
        if (find(AZURE_CLIENT_ID).isPresent() && find(AZURE_CLIENT_SECRET).isPresent() && find(AZURE_TENANT_ID).isPresent()) {
            return "azure-client-secret";
        }
        if (isAzure()) {
            return "azure-cli";
        }
        return null;
    }

    /** Where the settings of the chosen credential come from (sources, never values). */
    public List<String> credentialSources() {
        String kind = authType();
        List<Setting> used = kind == null ? List.of() : switch (kind) {
            case "pat" -> List.of(TOKEN);
            case "basic" -> List.of(USERNAME, PASSWORD);
            case "oauth-m2m" -> List.of(CLIENT_ID, CLIENT_SECRET);
            case "azure-msi" -> List.of(AZURE_USE_MSI, AZURE_CLIENT_ID);
            case "azure-client-secret" -> List.of(AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_TENANT_ID);
            default -> List.of();
        };
        List<String> out = new ArrayList<>();
        find(AUTH_TYPE).ifPresent(r -> out.add(r.source()));
        for (Setting s : used) {
            find(s).map(Resolved::source).filter(src -> !out.contains(src)).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** The profile used. */
    public String profile() {
        return profile;
    }

    /** Whether the profile was chosen (explicitly, by environment or by {@code default_profile}) rather than defaulted. */
    public boolean profileChosen() {
        return profileChosen;
    }

    /** The profile file consulted (it may not exist). */
    public Path configFile() {
        return configFile;
    }

    /** Every setting found, by name, with its source (secret values masked by {@link Resolved#toString()}). */
    public Map<String, Resolved> values() {
        return Collections.unmodifiableMap(values);
    }

    /** What prevents a client from being built: missing host, incomplete credential, unreadable profile. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Observations that do not prevent a client (a missing file, half a pair of settings). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public String toString() {
        return "DatabricksConfig[host=" + Redactor.url(host()) + ", profile=" + profile + ", auth_type=" + authType() + "]";
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
