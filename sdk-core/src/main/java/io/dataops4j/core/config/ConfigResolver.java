package io.dataops4j.core.config;

import io.dataops4j.core.error.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds settings in the order builder, then environment, then profile file, then defaults; a missing required
 * setting fails with a message naming every place searched.
 *
 * <pre>{@code
 * ConfigResolver config = ConfigResolver.of("Databricks", Environment.system())
 *     .profile(ProfileFile.load(home.resolve(".databrickscfg")), "DEFAULT");
 * Resolved host = config.require(HOST, builderHost);      // builderHost may be null
 * Optional<Resolved> token = config.find(TOKEN, null);
 * }</pre>
 */
public final class ConfigResolver {
    private final String service;
    private final Environment env;
    private final ProfileFile profile;
    private final String section;

    private ConfigResolver(String service, Environment env, ProfileFile profile, String section) {
        this.service = Objects.requireNonNull(service, "service");
        this.env = Objects.requireNonNull(env, "env");
        this.profile = profile;
        this.section = section;
    }

    public static ConfigResolver of(String service, Environment env) {
        return new ConfigResolver(service, env, null, null);
    }

    /** Also searches a section of a profile file (after the environment). */
    public ConfigResolver profile(ProfileFile file, String sectionName) {
        return new ConfigResolver(service, env, Objects.requireNonNull(file), Objects.requireNonNull(sectionName));
    }

    public Environment environment() {
        return env;
    }

    /** Looks a setting up: the explicit (builder) value first. */
    public Optional<Resolved> find(Setting setting, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(new Resolved(setting.name(), explicit, "builder", setting.secret()));
        }
        for (String var : setting.envVars()) {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                return Optional.of(new Resolved(setting.name(), v.strip(), "environment " + var, setting.secret()));
            }
        }
        if (profile != null && setting.profileKey() != null) {
            Optional<Map<String, String>> s = profile.section(section);
            if (s.isPresent()) {
                String v = s.get().get(setting.profileKey());
                if (v != null && !v.isBlank()) {
                    return Optional.of(new Resolved(setting.name(), v, "profile " + section + " in " + profile.path(), setting.secret()));
                }
            }
        }
        if (setting.defaultValue() != null) {
            return Optional.of(new Resolved(setting.name(), setting.defaultValue(), "default", setting.secret()));
        }
        return Optional.empty();
    }

    /** Looks a setting up and fails, naming every place searched, when it is nowhere. */
    public Resolved require(Setting setting, String explicit) {
        return find(setting, explicit).orElseThrow(() -> missing(setting));
    }

    /** Every place a setting is looked for, in order, for messages and {@code doctor}. */
    public List<String> placesSearched(Setting setting) {
        List<String> places = new ArrayList<>();
        places.add("builder option ." + setting.name() + "(...)");
        for (String var : setting.envVars()) {
            places.add("environment variable " + var);
        }
        if (profile != null && setting.profileKey() != null) {
            String where = profile.exists()
                    ? (profile.section(section).isPresent() ? "key '" + setting.profileKey() + "' in profile [" + section + "] of " + profile.path()
                    : "profile [" + section + "] of " + profile.path() + " (no such profile; found " + profile.sectionNames() + ")")
                    : "profile [" + section + "] of " + profile.path() + " (file not found)";
            places.add(where);
        }
        return places;
    }

    private ConfigurationException missing(Setting setting) {
        return new ConfigurationException(service + " " + setting.description() + " is not set; looked in: "
                + String.join(", ", placesSearched(setting)));
    }
}
