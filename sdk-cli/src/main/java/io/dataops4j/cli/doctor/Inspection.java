package io.dataops4j.cli.doctor;

import io.dataops4j.core.config.ConfigResolver;
import io.dataops4j.core.config.Resolved;
import io.dataops4j.core.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the settings, problems and notes of one service while a descriptor looks them up. */
final class Inspection {
    private final List<SettingReport> settings = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Looks a setting up and records what was found. */
    Optional<Resolved> check(ConfigResolver resolver, Setting setting) {
        Optional<Resolved> found = resolver.find(setting, null);
        settings.add(SettingReport.of(resolver, setting, found));
        return found;
    }

    /** A missing required setting: a problem naming every place searched. */
    void missing(ConfigResolver resolver, Setting setting) {
        List<String> places = resolver.placesSearched(setting);
        problem(setting.name() + " (" + setting.description() + ") is not set; looked in: "
                + String.join(", ", places.subList(Math.min(1, places.size()), places.size())));
    }

    void problem(String text) {
        problems.add(text);
    }

    void note(String text) {
        notes.add(text);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    ServiceReport report(String service, String covers, CredentialReport credential) {
        return new ServiceReport(service, covers, problems.isEmpty(), settings, credential, problems, notes);
    }

    /** The sources of found settings, for a credential report. */
    static List<String> sources(List<Optional<Resolved>> settings) {
        return settings.stream().flatMap(Optional::stream).map(Resolved::source).distinct().toList();
    }
}
