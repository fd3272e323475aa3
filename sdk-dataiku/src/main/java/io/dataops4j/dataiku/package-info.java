/**
 * A Java client of the Dataiku DSS public API: {@link io.dataops4j.dataiku.DssClient} and its sub-clients for
 * connections, projects, datasets, jobs, scenarios and futures.
 */
package io.dataops4j.dataiku;
