package io.dataops4j.devops.releases;

import io.dataops4j.devops.Ref;
import io.dataops4j.devops.Variable;
import java.util.List;
import java.util.Map;

/**
 * A release ({@code GET _apis/release/releases/{id}}).
 *
 * @param id                the id
 * @param name              the name ("Release-17")
 * @param status            {@code undefined|draft|active|abandoned}
 * @param description       the description, or null
 * @param releaseDefinition the definition it was created from
 * @param environments      its environments with their status
 * @param variables         its variables (secret values are not returned by DevOps)
 * @param createdOn         when it was created (ISO-8601), or null
 */
public record Release(long id, String name, String status, String description, Ref releaseDefinition,
                      List<ReleaseEnvironment> environments, Map<String, Variable> variables, String createdOn) {
    /** The environment of that name, or null. */
    public ReleaseEnvironment environment(String environmentName) {
        if (environments == null) {
            return null;
        }
        return environments.stream().filter(e -> environmentName.equals(e.name())).findFirst().orElse(null);
    }
}
