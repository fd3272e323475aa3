/**
 * The exceptions of dataops4j. All are unchecked and share {@link io.dataops4j.core.error.DataOpsException}.
 * A service's error answer becomes a {@link io.dataops4j.core.error.ServiceException} subclass chosen by status
 * (and, for services that send "does not exist" as 400 or 500, by the service's code).
 */
package io.dataops4j.core.error;
