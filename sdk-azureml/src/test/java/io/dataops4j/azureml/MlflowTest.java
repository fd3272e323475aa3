package io.dataops4j.azureml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.mlflow.MlflowClient;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class MlflowTest {
    @Test
    void trackingUriBecomesThePluginsRestBase() {
        assertEquals("https://eastus.api.azureml.ms/mlflow/v2.0" + FakeArm.WS_ID + "/", AzureMlMlflow.restBase(FakeArm.TRACKING_URI));
        assertThrows(ConfigurationException.class, () -> AzureMlMlflow.restBase("azureml://eastus.api.azureml.ms/mlflow/v1.0/nothing"));
        assertThrows(ConfigurationException.class, () -> AzureMlMlflow.restBase("https://eastus.api.azureml.ms/mlflow/v1.0" + FakeArm.WS_ID));
    }

    @Test
    void serviceLoaderFindsThePlatformWithTheEnvironmentsToken() {
        MlflowClient client = MlflowClient.builder()
                .fromEnvironment(Map.of("MLFLOW_TRACKING_URI", FakeArm.TRACKING_URI, "MLFLOW_TRACKING_TOKEN", "aml-token-for-tests")::get)
                .build();
        assertEquals("https://eastus.api.azureml.ms/mlflow/v2.0" + FakeArm.WS_ID + "/", client.trackingUri().toString());
        assertEquals("bearer", client.http().credential().kind());
    }

    @Test
    void workspaceMlflowUsesTheTrackingUriAndTheArmToken() throws Exception {
        try (FakeArm arm = new FakeArm(); MockWebServer mlflow = new MockWebServer()) {
            mlflow.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("{\"experiment\":{\"experiment_id\":\"7\",\"name\":\"churn\",\"lifecycle_stage\":\"active\"}}").build());
            mlflow.start();
            AzureMlClient aml = arm.builder().mlflowEndpoint(mlflow.url("/").toString()).build();
            MlflowClient client = aml.mlflow(FakeArm.RG, FakeArm.WS);
            assertEquals("7", client.experiments().getByName("churn").experimentId());
            RecordedRequest r = mlflow.takeRequest();
            assertEquals("/mlflow/v2.0" + FakeArm.WS_ID + "/api/2.0/mlflow/experiments/get-by-name", r.getUrl().encodedPath());
            assertEquals("churn", r.getUrl().queryParameter("experiment_name"));
            assertEquals("Bearer " + FakeArm.TOKEN, r.getHeaders().get("Authorization"));
        }
    }
}
