/** The shared layer of dataops4j: secrets, redaction, versions; sub-packages hold HTTP, JSON, auth, errors, paging, polling, ARM and configuration. */
package io.dataops4j.core;
