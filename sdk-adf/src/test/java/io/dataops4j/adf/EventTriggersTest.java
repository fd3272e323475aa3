package io.dataops4j.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.adf.deploy.AdfDeployment;
import io.dataops4j.adf.deploy.DeploymentEvent;
import io.dataops4j.adf.deploy.DeploymentListener;
import io.dataops4j.adf.deploy.DeploymentResult;
import io.dataops4j.adf.deploy.Plan;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.error.OperationFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage-event triggers and trigger starts against the fake: subscribe to events (polled until Enabled) before a
 * start, unsubscribe (polled until Disabled) before a stop or a delete, as Microsoft's PrePostDeploymentScript.Ver2
 * does; starts tried again while the service answers "Resource cannot be updated during provisioning"
 * (azure.datafactory.tools #484), then a failure naming the trigger.
 */
class EventTriggersTest {
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
    void resetFake() throws Exception {
        fake.reset();
        fake.transitionPolls = 2;
        Files.createDirectories(dir.resolve("pipeline"));
        Files.createDirectories(dir.resolve("trigger"));
        Files.writeString(dir.resolve("pipeline/P1.json"), "{\"name\":\"P1\",\"properties\":{\"activities\":[]}}");
        fake.put("pipelines", "P1", "{\"properties\":{\"activities\":[]}}");
    }

    private static String blobTrigger(String name, String state, String pathBegins) {
        return "{\"name\":\"" + name + "\",\"properties\":{\"runtimeState\":\"" + state + "\",\"type\":\"BlobEventsTrigger\","
                + "\"pipelines\":[{\"pipelineReference\":{\"referenceName\":\"P1\",\"type\":\"PipelineReference\"}}],"
                + "\"typeProperties\":{\"blobPathBeginsWith\":\"" + pathBegins + "\",\"ignoreEmptyBlobs\":true,"
                + "\"scope\":\"/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/acct\","
                + "\"events\":[\"Microsoft.Storage.BlobCreated\"]}}}";
    }

    private static String scheduleTrigger(String name, String state) {
        return "{\"name\":\"" + name + "\",\"properties\":{\"runtimeState\":\"" + state + "\",\"type\":\"ScheduleTrigger\","
                + "\"pipelines\":[{\"pipelineReference\":{\"referenceName\":\"P1\",\"type\":\"PipelineReference\"}}],"
                + "\"typeProperties\":{\"recurrence\":{\"frequency\":\"Day\",\"interval\":1}}}}";
    }

    private static List<String> triggerCalls(String trigger) {
        List<String> out = new ArrayList<>();
        synchronized (fake.calls) {
            for (String c : fake.calls) {
                if (c.contains("/triggers/" + trigger)) {
                    out.add(c.replace("/triggers/" + trigger, ""));
                }
            }
        }
        return out;
    }

    @Test
    void aChangedStartedBlobTriggerIsUnsubscribedStoppedDeployedSubscribedAndStarted() throws Exception {
        Files.writeString(dir.resolve("trigger/TR_Blob.json"), blobTrigger("TR_Blob", "Started", "/in/blobs/new"));
        fake.put("triggers", "TR_Blob", blobTrigger("TR_Blob", "Started", "/in/blobs/old"));
        fake.subscriptions.put("tr_blob", "Enabled");

        Plan plan = AdfDeployment.fromFolder(dir).plan(client);
        assertEquals(List.of("TR_Blob"), plan.triggersToStop());
        assertEquals(List.of("TR_Blob"), plan.triggersToStart());
        DeploymentResult r = plan.apply(DeploymentListener.NONE);

        assertEquals(List.of("TR_Blob"), r.startedTriggers());
        assertEquals(List.of(
                "POST /unsubscribeFromEvents", "POST /getEventSubscriptionStatus", "POST /getEventSubscriptionStatus",
                "POST /getEventSubscriptionStatus",
                "POST /stop",
                "PUT ",
                "POST /subscribeToEvents", "POST /getEventSubscriptionStatus", "POST /getEventSubscriptionStatus",
                "POST /getEventSubscriptionStatus",
                "POST /start"), triggerCalls("TR_Blob"));
        assertEquals("Started", fake.runtimeState("TR_Blob"));
        assertEquals("Enabled", fake.subscriptions.get("tr_blob"));
    }

    @Test
    void aStartedBlobTriggerNotInSourceIsUnsubscribedAndStoppedBeforeItIsDeleted() {
        fake.put("triggers", "TR_Gone", blobTrigger("TR_Gone", "Started", "/in/"));
        fake.subscriptions.put("tr_gone", "Enabled");

        Plan plan = AdfDeployment.fromFolder(dir).options(o -> o.deleteNotInSource(true)).plan(client);
        assertEquals(List.of("trigger.TR_Gone"), plan.deleteOrder());
        plan.apply(DeploymentListener.NONE);

        assertEquals(List.of(
                "POST /unsubscribeFromEvents", "POST /getEventSubscriptionStatus", "POST /getEventSubscriptionStatus",
                "POST /getEventSubscriptionStatus",
                "POST /stop",
                "DELETE "), triggerCalls("TR_Gone"));
        assertEquals("Disabled", fake.subscriptions.get("tr_gone"));
        assertEquals(null, fake.get("triggers", "TR_Gone"));
    }

    @Test
    void aStartStillProvisioningIsTriedAgainUntilItWorks() throws Exception {
        Files.writeString(dir.resolve("trigger/TR_Daily.json"), scheduleTrigger("TR_Daily", "Started"));
        fake.provisioningRejections.put("tr_daily", 2);

        DeploymentResult r = AdfDeployment.fromFolder(dir).options(o -> o.triggerStartRetries(3, Duration.ofSeconds(10)))
                .plan(client).apply(DeploymentListener.NONE);

        assertEquals(List.of("TR_Daily"), r.startedTriggers());
        assertEquals(List.of("PUT ", "POST /start", "POST /start", "POST /start"), triggerCalls("TR_Daily"));
        assertEquals("Started", fake.runtimeState("TR_Daily"));
    }

    @Test
    void aTriggerStillProvisioningAfterTheLastAttemptFailsTheDeploymentByNameOnceTheRestIsDone() throws Exception {
        Files.writeString(dir.resolve("trigger/TR_Daily.json"), scheduleTrigger("TR_Daily", "Started"));
        Files.writeString(dir.resolve("trigger/TR_Blob.json"), blobTrigger("TR_Blob", "Started", "/in/"));
        fake.provisioningRejections.put("tr_blob", 100);
        List<DeploymentEvent> events = Collections.synchronizedList(new ArrayList<>());

        Plan plan = AdfDeployment.fromFolder(dir).options(o -> o.triggerStartRetries(3, Duration.ofSeconds(10))).plan(client);
        AdfException e = assertThrows(AdfException.class, () -> plan.apply(events::add));

        assertEquals(List.of("ADFX0131"), e.errorCodes());
        assertTrue(e.getMessage().contains("but trigger TR_Blob did not start"), e.getMessage());
        assertTrue(e.getMessage().contains("trigger TR_Blob did not start: still provisioning after 3 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("Resource cannot be updated during provisioning"), e.getMessage());
        assertEquals(3, triggerCalls("TR_Blob").stream().filter(c -> c.equals("POST /start")).count());
        assertEquals("Started", fake.runtimeState("TR_Daily"), "the other trigger is started all the same");
        assertEquals("Stopped", fake.runtimeState("TR_Blob"));
        assertTrue(events.stream().anyMatch(ev -> ev.target().equals("trigger.TR_Blob") && ev.status() == DeploymentEvent.Status.FAILED));
    }

    @Test
    void otherStartErrorsAreNotRetried() {
        fake.put("triggers", "TR_X", scheduleTrigger("TR_X", "Stopped"));
        OperationFailedException none = assertThrows(OperationFailedException.class,
                () -> { fake.provisioningRejections.put("tr_x", 5); client.triggers().startRetrying("TR_X", 2, Duration.ofSeconds(1), Duration.ofMinutes(1)); });
        assertTrue(none.getMessage().startsWith("trigger TR_X did not start: still provisioning after 2 attempts"), none.getMessage());
        fake.calls.clear();
        assertThrows(ServiceException.class, () -> client.triggers().startRetrying("TR_Missing", 5, Duration.ofSeconds(1), Duration.ofMinutes(1)),
                "a trigger that does not exist is not retried");
        assertEquals(1, fake.calls.stream().filter(c -> c.endsWith("/start")).count(), fake.calls.toString());
    }
}
