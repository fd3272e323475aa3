/** Implementation of sdk-databricks; not a public API. */
package io.dataops4j.databricks.internal;
