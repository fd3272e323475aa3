/** {@code dataops4j demo}: the DEV -> PROD MLflow copy end to end on two local servers. */
package io.dataops4j.cli.demo;
