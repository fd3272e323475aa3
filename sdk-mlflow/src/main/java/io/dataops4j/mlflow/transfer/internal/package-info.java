/** Implementation of the transfer engine: sources, sinks, the export format, JSON streaming. Not a public API. */
package io.dataops4j.mlflow.transfer.internal;
