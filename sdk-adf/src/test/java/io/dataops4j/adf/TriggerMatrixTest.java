package io.dataops4j.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dataops4j.adf.deploy.AdfDeployment;
import io.dataops4j.adf.deploy.DeploymentListener;
import io.dataops4j.adf.deploy.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 32 cases of azure.datafactory.tools' trigger behaviour matrix (media/matrix-of-behaviour-logic-1.png, before
 * v0.30 / DoNotStopStartExcludedTriggers=false, and -2.png, DoNotStopStartExcludedTriggers=true), run end to end
 * against the fake service. Columns: case, DoNotStopStartExcludedTriggers (the picture; picture 1 also has
 * DoNotDeleteExcludedObjects off, picture 2 on, which its "Nothing *" rows show), desired state in source
 * (-: not in source), current state in target (-: not in target), included/excluded, DeleteNotInSource,
 * StopStartTriggers, action before deployment, action of the deployment, state after (na: no trigger). One fake
 * serves every case, reset in between.
 */
class TriggerMatrixTest {
    private static FakeAdf fake;
    private static AdfClient client;

    @TempDir
    Path dir;

    @BeforeAll
    static void startFake() throws Exception {
        fake = new FakeAdf();
        client = fake.client();
    }

    @AfterAll
    static void stopFake() {
        client.close();
        fake.close();
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
    }

    @ParameterizedTest(name = "{0} DoNotStopStartExcludedTriggers={1}")
    @CsvSource({
        // picture 1: DoNotStopStartExcludedTriggers = false
        "B01,false,En,En,Inc,false,true,Stop,Deploy,En",
        "B02,false,En,Dis,Inc,false,true,No,Deploy,En",
        "B03,false,Dis,En,Inc,false,true,Stop,Deploy,Dis",
        "B04,false,En,En,Inc,false,false,No,Fail,En",
        "B05,false,En,Dis,Inc,false,false,No,Deploy,Dis",
        "B06,false,Dis,En,Inc,false,false,No,Fail,En",
        "B07,false,En,En,Exc,false,true,Stop,No,En",
        "B08,false,En,Dis,Exc,false,true,No,No,En",
        "B09,false,Dis,En,Exc,false,true,Stop,No,Dis",
        "B10,false,En,En,Exc,false,false,No,No,En",
        "B11,false,En,Dis,Exc,false,false,No,No,Dis",
        "B12,false,Dis,En,Exc,false,false,No,No,En",
        "S01,false,En,-,Inc,false,true,No,Deploy,En",
        "S02,false,Dis,-,Inc,false,true,No,Deploy,Dis",
        "S03,false,En,-,Exc,false,true,No,No,na",
        "S04,false,Dis,-,Exc,false,true,No,No,na",
        "T01,false,-,En,Inc,false,true,Stop,No,Dis",
        "T02,false,-,Dis,Inc,false,true,No,No,Dis",
        "T03,false,-,En,Exc,false,true,Stop,No,Dis",
        "T04,false,-,Dis,Exc,false,true,No,No,Dis",
        "T05,false,-,En,Inc,true,true,Stop,Delete,na",
        "T06,false,-,Dis,Inc,true,true,No,Delete,na",
        "T07,false,-,En,Exc,true,true,Stop,Delete,na",
        "T08,false,-,Dis,Exc,true,true,No,Delete,na",
        "T09,false,-,En,Inc,false,false,No,No,En",
        "T10,false,-,Dis,Inc,false,false,No,No,Dis",
        "T11,false,-,En,Exc,false,false,No,No,En",
        "T12,false,-,Dis,Exc,false,false,No,No,Dis",
        "T13,false,-,En,Inc,true,false,No,Fail,En",
        "T14,false,-,Dis,Inc,true,false,No,Delete,na",
        "T15,false,-,En,Exc,true,false,No,Fail,En",
        "T16,false,-,Dis,Exc,true,false,No,Delete,na",
        // picture 2: DoNotStopStartExcludedTriggers = true
        "B01,true,En,En,Inc,false,true,Stop,Deploy,En",
        "B02,true,En,Dis,Inc,false,true,No,Deploy,En",
        "B03,true,Dis,En,Inc,false,true,Stop,Deploy,Dis",
        "B04,true,En,En,Inc,false,false,No,Fail,En",
        "B05,true,En,Dis,Inc,false,false,No,Deploy,Dis",
        "B06,true,Dis,En,Inc,false,false,No,Fail,En",
        "B07,true,En,En,Exc,false,true,No,No,En",
        "B08,true,En,Dis,Exc,false,true,No,No,Dis",
        "B09,true,Dis,En,Exc,false,true,No,No,En",
        "B10,true,En,En,Exc,false,false,No,No,En",
        "B11,true,En,Dis,Exc,false,false,No,No,Dis",
        "B12,true,Dis,En,Exc,false,false,No,No,En",
        "S01,true,En,-,Inc,false,true,No,Deploy,En",
        "S02,true,Dis,-,Inc,false,true,No,Deploy,Dis",
        "S03,true,En,-,Exc,false,true,No,No,na",
        "S04,true,Dis,-,Exc,false,true,No,No,na",
        "T01,true,-,En,Inc,false,true,Stop,No,Dis",
        "T02,true,-,Dis,Inc,false,true,No,No,Dis",
        "T03,true,-,En,Exc,false,true,No,No,En",
        "T04,true,-,Dis,Exc,false,true,No,No,Dis",
        "T05,true,-,En,Inc,true,true,Stop,Delete,na",
        "T06,true,-,Dis,Inc,true,true,No,Delete,na",
        "T07,true,-,En,Exc,true,true,No,No,En",
        "T08,true,-,Dis,Exc,true,true,No,No,Dis",
        "T09,true,-,En,Inc,false,false,No,No,En",
        "T10,true,-,Dis,Inc,false,false,No,No,Dis",
        "T11,true,-,En,Exc,false,false,No,No,En",
        "T12,true,-,Dis,Exc,false,false,No,No,Dis",
        "T13,true,-,En,Inc,true,false,No,Fail,En",
        "T14,true,-,Dis,Inc,true,false,No,Delete,na",
        "T15,true,-,En,Exc,true,false,No,No,En",
        "T16,true,-,Dis,Exc,true,false,No,No,Dis",
    })
    void behavesAsTheMatrixSays(String id, boolean flag, String desired, String current, String incExc, boolean deleteNotInSource,
                                boolean stopStart, String before, String action, String after) throws Exception {
        Files.createDirectories(dir.resolve("pipeline"));
        Files.writeString(dir.resolve("pipeline/P1.json"), "{\"name\":\"P1\",\"properties\":{\"activities\":[]}}");
        if (!desired.equals("-")) {
            Files.createDirectories(dir.resolve("trigger"));
            Files.writeString(dir.resolve("trigger/TR.json"), trigger(desired.equals("En") ? "Started" : "Stopped", 2));
        }
        {
            fake.put("pipelines", "P1", "{\"properties\":{\"activities\":[]}}");
            if (!current.equals("-")) {
                fake.put("triggers", "TR", trigger(current.equals("En") ? "Started" : "Stopped", 1));
            }
            AdfDeployment deployment = AdfDeployment.fromFolder(dir).options(o -> {
                o.deleteNotInSource(deleteNotInSource).stopStartTriggers(stopStart)
                        .doNotStopStartExcludedTriggers(flag).doNotDeleteExcludedObjects(flag);
                if (incExc.equals("Exc")) {
                    o.exclude("trigger.TR");
                }
            });
            if (action.equals("Fail")) {
                AdfException e = assertThrows(AdfException.class, () -> deployment.plan(client));
                assertEquals(1, e.errorCodes().size(), e.getMessage());
            } else {
                Plan plan = deployment.plan(client);
                plan.apply(DeploymentListener.NONE);
            }
            List<String> calls = fake.calls;
            assertEquals(before.equals("Stop"), calls.contains("POST /triggers/TR/stop"), id + " stop before: " + calls);
            assertEquals(action.equals("Deploy"), calls.contains("PUT /triggers/TR"), id + " deploy: " + calls);
            assertEquals(action.equals("Delete"), calls.contains("DELETE /triggers/TR"), id + " delete: " + calls);
            String state = fake.runtimeState("TR");
            String got = state == null ? "na" : state.equals("Started") ? "En" : "Dis";
            assertEquals(after, got, id + " state after: " + calls);
        }
    }

    private static String trigger(String state, int interval) {
        return "{\"name\":\"TR\",\"properties\":{\"runtimeState\":\"" + state + "\",\"type\":\"ScheduleTrigger\","
                + "\"pipelines\":[{\"pipelineReference\":{\"referenceName\":\"P1\",\"type\":\"PipelineReference\"}}],"
                + "\"typeProperties\":{\"recurrence\":{\"frequency\":\"Day\",\"interval\":" + interval + "}}}}";
    }
}
