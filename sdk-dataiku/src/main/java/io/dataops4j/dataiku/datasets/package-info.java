/**
 * DSS datasets: settings, creation on blob and SQL connections, schemas and their detection, and the import of a
 * connection's tables as datasets.
 */
package io.dataops4j.dataiku.datasets;
