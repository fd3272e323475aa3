/** {@code dataops4j devops}: releases, pipeline runs, Logic App triggers. */
package io.dataops4j.cli.devops;
