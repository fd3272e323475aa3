/**
 * {@code dataops4j doctor}: for each service, which configuration source and which credential kind would be used,
 * never a secret. One {@link io.dataops4j.cli.doctor.ServiceConfigDescriptor} per service holds that service's
 * conventions.
 */
package io.dataops4j.cli.doctor;
