package io.dataops4j.cli.doctor;

import java.util.List;

/**
 * What {@code doctor} found for one service.
 *
 * @param service    the service ("Databricks")
 * @param covers     what else it serves ("Data Factory, Azure ML"), or null
 * @param ready      whether enough is set to build a client (no call is made to check the credential)
 * @param settings   every setting, in the order the client reads them
 * @param credential the credential kind that would be used
 * @param problems   what keeps it from being ready, or makes it fail
 * @param notes      other facts worth knowing
 */
public record ServiceReport(String service, String covers, boolean ready, List<SettingReport> settings,
                            CredentialReport credential, List<String> problems, List<String> notes) {
    public ServiceReport {
        settings = List.copyOf(settings);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** The setting of a given name. */
    public SettingReport setting(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting " + name + " in " + service));
    }
}
