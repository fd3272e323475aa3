/** {@code dataops4j databricks}: jobs, warehouses and SQL commands. */
package io.dataops4j.cli.databricks;
