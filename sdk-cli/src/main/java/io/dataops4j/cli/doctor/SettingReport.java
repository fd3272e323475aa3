package io.dataops4j.cli.doctor;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.config.ConfigResolver;
import io.dataops4j.core.config.Resolved;
import io.dataops4j.core.config.Setting;
import java.util.List;
import java.util.Optional;

/**
 * One setting of a service as {@code doctor} reports it. A secret's value is never part of it: only whether it is
 * set and where from.
 *
 * @param name        the setting's name ({@code host}, {@code token})
 * @param description what it is
 * @param set         whether a value was found
 * @param value       the value, for settings that are not secret (URLs with their secret parts masked); else null
 * @param source      where the value comes from ({@code environment DATABRICKS_TOKEN},
 *                    {@code profile DEFAULT in /home/me/.databrickscfg}, {@code default}); null when not set
 * @param secret      whether the setting is a secret
 * @param searched    every place looked in, when not set; else null
 */
public record SettingReport(String name, String description, boolean set, String value, String source, boolean secret,
                            List<String> searched) {

    /** Looks a setting up (no builder value: the command has none) and reports it. */
    static SettingReport of(ConfigResolver resolver, Setting setting, Optional<Resolved> found) {
        return of(setting, found, resolver.placesSearched(setting));
    }

    /** Reports a setting looked up elsewhere, given every place searched (the builder option first). */
    static SettingReport of(Setting setting, Optional<Resolved> found, List<String> places) {
        if (found.isPresent()) {
            Resolved r = found.get();
            String value = setting.secret() ? null : Redactor.url(r.value());
            return new SettingReport(setting.name(), setting.description(), true, value, r.source(), setting.secret(), null);
        }
        // the first place is the builder option, which a command line does not have
        List<String> searched = List.copyOf(places.subList(Math.min(1, places.size()), places.size()));
        return new SettingReport(setting.name(), setting.description(), false, null, null, setting.secret(), searched);
    }

    /** The value column of the text output: never a secret. */
    String display() {
        if (!set) {
            return "not set";
        }
        return (secret ? "set" : value) + " (" + source + ")";
    }
}
