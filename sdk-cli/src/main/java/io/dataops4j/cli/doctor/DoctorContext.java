package io.dataops4j.cli.doctor;

import io.dataops4j.core.config.Environment;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link ServiceConfigDescriptor} may look at: environment variables, the home directory (for profile
 * files), and whether azure-identity is on the class path.
 *
 * @param environment            environment variables
 * @param home                   the user's home directory
 * @param azureIdentityAvailable whether Entra ID credentials can be built (azure-identity on the class path)
 */
public record DoctorContext(Environment environment, Path home, boolean azureIdentityAvailable) {
    public DoctorContext {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(home, "home");
    }
}
