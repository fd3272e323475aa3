package io.dataops4j.cli.doctor;

/**
 * One service's configuration conventions (environment variables, profile files, credential kinds), as
 * {@code dataops4j doctor} reports them. Each service has one implementation, so that the service's module can
 * take it over; {@link DoctorCommand} iterates them.
 *
 * <pre>{@code
 * ServiceReport r = new DataikuConfig().inspect(new DoctorContext(Environment.system(), home, true));
 * r.setting("api_key").source();    // "environment DKU_API_KEY", never the key
 * }</pre>
 */
public interface ServiceConfigDescriptor {
    /** The service's name ("Databricks"). */
    String service();

    /**
     * Which sources and which credential kind a client of this service would use, read from the environment and
     * files only: no network call, and never a secret value in the report.
     */
    ServiceReport inspect(DoctorContext context);
}
