/**
 * Azure Machine Learning on Azure Resource Manager: {@link io.dataops4j.azureml.AzureMlClient} with resource providers,
 * AKS managed identity, the {@code Microsoft.AzureML.Kubernetes} cluster extension, workspaces and their computes,
 * the verified, idempotent {@link io.dataops4j.azureml.KubernetesAttach} workflow, and the workspace's MLflow
 * ({@link io.dataops4j.azureml.AzureMlMlflow}).
 */
package io.dataops4j.azureml;
