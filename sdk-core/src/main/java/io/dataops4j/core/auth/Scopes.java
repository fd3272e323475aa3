package io.dataops4j.core.auth;

/** The Entra ID scopes of the services dataops4j talks to. */
public final class Scopes {
    /** Azure Resource Manager (Data Factory, Azure ML, AKS, providers, Logic Apps). */
    public static final String ARM = "https://management.azure.com/.default";
    /** Azure Databricks (its first-party application id). */
    public static final String DATABRICKS = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default";
    /** Azure DevOps. */
    public static final String DEVOPS = "499b84ac-1321-427f-aa17-267ca6975798/.default";
    /** Azure Machine Learning data plane. (Its MLflow endpoint takes an ARM token, as the azureml-mlflow plugin asks for {@link #ARM}.) */
    public static final String AZURE_ML = "https://ml.azure.com/.default";
    /** Azure Storage (Blob) data plane. */
    public static final String STORAGE = "https://storage.azure.com/.default";
    /** Microsoft Graph. */
    public static final String GRAPH = "https://graph.microsoft.com/.default";

    private Scopes() {
    }
}
