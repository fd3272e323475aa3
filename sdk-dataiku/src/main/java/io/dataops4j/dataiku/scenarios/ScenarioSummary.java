package io.dataops4j.dataiku.scenarios;

import io.dataops4j.core.json.RawJson;

/**
 * A scenario as listed.
 *
 * @param projectKey the project
 * @param id         the scenario's id
 * @param name       its name
 * @param running    whether it runs now
 * @param raw        the item as DSS sent it
 */
public record ScenarioSummary(String projectKey, String id, String name, boolean running, RawJson raw) {
}
