/** An embeddable Model Registry webhook receiver that creates Azure DevOps releases or pipeline runs. */
package io.dataops4j.devops.relay;
