package io.dataops4j.cli.doctor;

import java.util.List;

/**
 * The document {@code dataops4j --json doctor} prints.
 *
 * @param dataops4j the dataops4j version
 * @param services  one report per service
 */
public record DoctorReport(String dataops4j, List<ServiceReport> services) {
    public DoctorReport {
        services = List.copyOf(services);
    }
}
