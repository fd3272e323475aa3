/**
 * Databricks jobs (API 2.2): {@link io.dataops4j.databricks.jobs.Jobs}, job settings built and validated with
 * {@link io.dataops4j.databricks.jobs.JobSpec} and {@link io.dataops4j.databricks.jobs.Task}, Quartz schedules
 * ({@link io.dataops4j.databricks.jobs.QuartzCron}), task value references
 * ({@link io.dataops4j.databricks.jobs.TaskValues}), runs and their outputs.
 */
package io.dataops4j.databricks.jobs;
