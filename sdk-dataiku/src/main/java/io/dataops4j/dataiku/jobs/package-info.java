/** DSS jobs: dataset builds, their status, failure details, log and abort. */
package io.dataops4j.dataiku.jobs;
