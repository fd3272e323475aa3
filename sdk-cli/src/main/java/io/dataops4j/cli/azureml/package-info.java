/** {@code dataops4j azureml}: attach AKS to Azure ML as Kubernetes compute, computes, resource providers. */
package io.dataops4j.cli.azureml;
