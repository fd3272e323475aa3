/** The {@code dataops4j dss} commands: Dataiku DSS connections, table imports, builds and scenarios. */
package io.dataops4j.cli.dss;
