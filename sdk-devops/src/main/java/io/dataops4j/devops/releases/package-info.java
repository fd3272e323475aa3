/** Classic releases on the vsrm host: definitions, releases, environments, approvals. */
package io.dataops4j.devops.releases;
