/**
 * Databricks SQL: {@link io.dataops4j.databricks.sql.Warehouses} (with connection details for JDBC, ODBC and Power
 * BI) and {@link io.dataops4j.databricks.sql.Statements} (lazy rows across INLINE and EXTERNAL_LINKS chunks).
 */
package io.dataops4j.databricks.sql;
