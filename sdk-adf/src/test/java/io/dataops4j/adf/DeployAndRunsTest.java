package io.dataops4j.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.adf.deploy.AdfDeployment;
import io.dataops4j.adf.deploy.DeploymentListener;
import io.dataops4j.adf.deploy.ObjectChange;
import io.dataops4j.adf.deploy.Plan;
import io.dataops4j.adf.runs.PipelineRun;
import io.dataops4j.adf.runs.PipelineRunStatus;
import io.dataops4j.adf.runs.RunQuery;
import io.dataops4j.core.config.Environment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployAndRunsTest {
    private static AdfDeployment mini(String stage) {
        return AdfDeployment.fromFolder(TestSupport.mini()).stage("test").environment(Environment.of(Map.of("STAGE", stage)));
    }

    @Test
    void plansAndDeploysInDependencyOrderThenDiffsAndDeletes() throws Exception {
        try (FakeAdf fake = new FakeAdf(); AdfClient client = fake.client()) {
            fake.latencyMillis = 20;
            Plan plan = mini("prod").plan(client);
            assertEquals(7, plan.changes(ObjectChange.Kind.CREATE).size() - 1, plan.render());
            assertEquals(List.of("trigger.TR_Daily"), plan.deployLevels().get(plan.deployLevels().size() - 1));
            assertEquals(List.of("TR_Daily"), plan.triggersToStart());
            plan.apply(DeploymentListener.NONE);
            List<String> puts = fake.calls.stream().filter(c -> c.startsWith("PUT")).toList();
            assertTrue(puts.indexOf("PUT /globalParameters/default") == 0, puts.toString());
            assertTrue(puts.indexOf("PUT /linkedservices/LS_KeyVault") < puts.indexOf("PUT /linkedservices/LS_Blob"));
            assertTrue(puts.indexOf("PUT /linkedservices/LS_Blob") < puts.indexOf("PUT /datasets/DS_Input"));
            assertTrue(puts.indexOf("PUT /pipelines/PL_Copy") < puts.indexOf("PUT /pipelines/PL_Run"));
            assertTrue(fake.maxInFlight.get() >= 2, "objects of one level go in parallel");
            assertEquals("Started", fake.runtimeState("TR_Daily"));
            assertEquals("\"prod\"", io.dataops4j.adf.internal.JsonTree.write(((Map<?, ?>) fake.globalParameters.get("Env")).get("value")));

            fake.calls.clear();
            fake.pageSize = 1;
            Plan again = mini("prod").options(o -> o.triggerStop(io.dataops4j.adf.deploy.TriggerStopMethod.DEPLOYABLE_ONLY)).plan(client);
            assertEquals(0, again.changes(ObjectChange.Kind.CREATE).size() + again.changes(ObjectChange.Kind.UPDATE).size(), again.render());
            assertEquals(List.of(), again.triggersToStop());
            assertTrue(fake.calls.contains("GET /linkedservices?page"), "lists follow nextLink: " + fake.calls);

            fake.put("linkedservices", "LS_Old", "{\"properties\":{\"type\":\"AzureBlobStorage\"}}");
            fake.put("datasets", "DS_Old", "{\"properties\":{\"linkedServiceName\":{\"referenceName\":\"LS_Old\",\"type\":\"LinkedServiceReference\"}}}");
            fake.put("pipelines", "PL_Old", "{\"properties\":{\"activities\":[{\"name\":\"l\",\"typeProperties\":{\"dataset\":{\"referenceName\":\"DS_Old\",\"type\":\"DatasetReference\"}}}]}}");
            fake.put("triggers", "TR_Old", "{\"properties\":{\"runtimeState\":\"Started\",\"pipelines\":[{\"pipelineReference\":{\"referenceName\":\"PL_Old\",\"type\":\"PipelineReference\"}}]}}");
            Plan uat = mini("uat").options(o -> o.deleteNotInSource(true)).plan(client);
            assertEquals(List.of("trigger.TR_Old", "pipeline.PL_Old", "dataset.DS_Old", "linkedService.LS_Old"), uat.deleteOrder());
            ObjectChange kv = uat.changes(ObjectChange.Kind.UPDATE).stream().filter(c -> c.name().equals("LS_KeyVault")).findFirst().orElseThrow();
            assertEquals(List.of("~ properties.typeProperties.baseUrl: \"https://kv-prod.vault.azure.net/\" -> \"https://kv-uat.vault.azure.net/\""), kv.diff());
            assertTrue(uat.render().contains("~ linkedService.LS_KeyVault"), uat.render());
            assertTrue(uat.render().contains("Plan: 0 to add, 2 to change, 4 to destroy."), uat.render());
            uat.apply(DeploymentListener.NONE);
            assertEquals(null, fake.get("linkedservices", "LS_Old"));
            assertEquals(null, fake.get("triggers", "TR_Old"));
        }
    }

    @Test
    void pipelineRunsAreCreatedPolledAndQueried() throws Exception {
        try (FakeAdf fake = new FakeAdf(); AdfClient client = fake.client()) {
            PipelineRun run = client.pipelines().createRun("PL Copy", Map.of("date", "2026-01-01", "n", 2)).waitForCompletion(Duration.ofMinutes(1));
            assertEquals(PipelineRunStatus.SUCCEEDED, run.status());
            assertEquals("PL Copy", run.pipelineName());
            assertEquals("2026-01-01", run.parameters().get("date"));
            assertTrue(fake.calls.contains("POST /pipelines/PL Copy/createRun"), fake.calls.toString());
            RunQuery q = RunQuery.lastUpdated(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
            assertEquals(List.of("Notebook1", "Notebook2"), client.pipelines().activityRuns(run.runId(), q).stream().map(a -> a.activityName()).toList());
            assertEquals("run-9", client.triggers().queryRuns(q.where("TriggerName", "Equals", "TR1")).first().orElseThrow().triggeredPipelines().get("PL1"));
        }
    }
}
