/** Pipeline, activity and trigger runs of a Data Factory: the models of {@link io.dataops4j.adf.AdfPipelines} and {@link io.dataops4j.adf.AdfTriggers}. */
package io.dataops4j.adf.runs;
