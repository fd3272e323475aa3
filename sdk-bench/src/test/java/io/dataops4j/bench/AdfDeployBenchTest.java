package io.dataops4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.adf.AdfClient;
import io.dataops4j.adf.AdfFactory;
import io.dataops4j.adf.deploy.AdfDeployment;
import io.dataops4j.adf.deploy.DeploymentListener;
import io.dataops4j.adf.deploy.DeploymentResult;
import io.dataops4j.adf.deploy.ObjectChange;
import io.dataops4j.adf.deploy.Plan;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ADF benchmark's generated factory and fake: what it measures is a real, complete deployment. */
class AdfDeployBenchTest {
    @TempDir
    Path dir;

    @Test
    void generatedFactoryLoadsCleanAndDeploysCompletelyOneByOneAndInParallel() throws Exception {
        AdfDeployBench.Mix mix = AdfDeployBench.generate(dir, 120);
        assertEquals(120, mix.total());
        AdfFactory loaded = AdfFactory.load(dir);
        assertTrue(loaded.diagnostics().isEmpty(), loaded.diagnostics().toString());
        AdfDeployment d = AdfDeployment.fromFolder(dir).stage("prod");
        for (int parallelism : new int[] {1, 8}) {
            try (AdfFake fake = new AdfFake(20); AdfClient client = fake.client()) {
                Plan plan = d.options(o -> o.parallelism(parallelism)).plan(client);
                assertEquals(121, plan.changes(ObjectChange.Kind.CREATE).size(), plan.render());
                assertTrue(plan.deployLevels().size() >= 6, "references make a deep graph: " + plan.deployLevels().size());
                fake.resetCounters();
                DeploymentResult r = plan.apply(DeploymentListener.NONE);
                assertEquals(121, r.deployed().size());
                assertEquals(mix.triggers(), r.startedTriggers().size());
                assertEquals(120, fake.size());
                if (parallelism == 1) {
                    assertEquals(1, fake.maxInFlight.get(), "one by one");
                } else {
                    assertTrue(fake.maxInFlight.get() >= 2, "objects of one level go in parallel: " + fake.maxInFlight.get());
                }
                Map<String, Object> kv = fake.store.get("linkedservices").get("ls_keyvault");
                assertEquals("https://kv-prod.vault.azure.net/", ((Map<?, ?>) ((Map<?, ?>) kv.get("properties")).get("typeProperties")).get("baseUrl"));

                Plan again = d.plan(client);
                assertEquals(0, again.changes(ObjectChange.Kind.CREATE).size() + again.changes(ObjectChange.Kind.UPDATE).size(), again.render());
            }
        }
    }
}
