/**
 * {@code dataops4j adf}: validate a Data Factory's source, write it as a stage would deploy it, plan and deploy it
 * to a target factory (azure.datafactory.tools semantics), and run pipelines.
 */
package io.dataops4j.cli.adf;
