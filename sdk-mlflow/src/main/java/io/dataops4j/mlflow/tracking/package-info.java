/** Tracking: experiments, runs, metrics, params, tags, inputs and outputs. */
package io.dataops4j.mlflow.tracking;
