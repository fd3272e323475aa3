package io.dataops4j.dataiku.projects;

import io.dataops4j.core.json.RawJson;
import io.dataops4j.dataiku.internal.Values;
import java.util.List;
import java.util.Map;

/**
 * A DSS project as listed or read.
 *
 * @param projectKey the key
 * @param name       the display name
 * @param owner      the owner's login, or null
 * @param shortDesc  the short description, or null
 * @param tags       the tags
 * @param raw        every member as DSS sent it
 */
public record Project(String projectKey, String name, String owner, String shortDesc, List<String> tags, RawJson raw) {
    public Project {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    static Project of(Object value) {
        Map<String, Object> m = Values.object(value);
        return new Project(Values.string(m, "projectKey"), Values.string(m, "name"), Values.string(m, "owner"),
                Values.string(m, "shortDesc"), Values.strings(m, "tags"), RawJson.from(m));
    }
}
