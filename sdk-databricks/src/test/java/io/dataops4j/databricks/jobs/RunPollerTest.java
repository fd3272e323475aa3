package io.dataops4j.databricks.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.error.PollTimeoutException;
import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.TestSupport;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPollerTest {
    @TempDir
    Path home;

    private static final String FAILED_RUN = """
            {"job_id": 11, "run_id": 77, "state": {"life_cycle_state": "TERMINATED", "result_state": "FAILED",
              "state_message": "2 tasks failed"}, "run_page_url": "https://adb-1.azuredatabricks.net/#job/11/run/77",
             "tasks": [
              {"task_key": "ingest", "run_id": 2001, "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS"}},
              {"task_key": "train", "run_id": 2002, "state": {"life_cycle_state": "INTERNAL_ERROR", "result_state": "FAILED",
                "state_message": "Workload failed, see run output for details"}, "notebook_task": {"notebook_path": "/t"}},
              {"task_key": "slow", "run_id": 2003, "state": {"life_cycle_state": "TERMINATED", "result_state": "TIMEDOUT",
                "state_message": "Task timed out"}},
              {"task_key": "report", "run_id": 2004, "state": {"life_cycle_state": "TERMINATED", "result_state": "UPSTREAM_FAILED",
                "state_message": "Upstream task failed"}}]}""";

    @Test
    void aFailedRunNamesEachFailedTaskWithErrorAndTrace() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "run-now", "when": {"method": "POST", "path": "/api/2.2/jobs/run-now"}, "then": {"body": {"run_id": 77}}},
                 {"name": "get", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get", "query": {"run_id": "77"}},
                  "then": [{"body": {"run_id": 77, "state": {"life_cycle_state": "PENDING"}}},
                           {"body": {"run_id": 77, "state": {"life_cycle_state": "RUNNING"}}},
                           {"body": %s}]},
                 {"name": "output train", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get-output", "query": {"run_id": "2002"}},
                  "then": {"body": {"error": "ZeroDivisionError: division by zero",
                     "error_trace": "Traceback (most recent call last):\\n  File \\"<cell>\\", line 3\\nZeroDivisionError: division by zero"}}},
                 {"name": "output slow", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get-output", "query": {"run_id": "2003"}},
                  "then": {"body": {"metadata": {"run_id": 2003}}}}]""".formatted(FAILED_RUN)).build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            TestSupport.FakeClock clock = TestSupport.clock();
            DatabricksClient dbx = TestSupport.client(server, home, clock);
            List<String> seen = new ArrayList<>();
            OperationFailedException e = assertThrows(OperationFailedException.class,
                    () -> dbx.jobs().runNow(11).onProgress(r -> seen.add(r.lifeCycleState().name()))
                            .waitForCompletion(Duration.ofMinutes(30)));
            assertEquals(List.of("PENDING", "RUNNING", "TERMINATED"), seen);
            String m = e.getMessage();
            assertTrue(m.startsWith("job run 77 failed: TERMINATED/FAILED (2 tasks failed); 3 task(s) did not succeed"), m);
            assertTrue(m.contains("task 'train' FAILED: Workload failed, see run output for details [error: ZeroDivisionError: "
                    + "division by zero] [trace: Traceback (most recent call last): |   File \"<cell>\", line 3 | ZeroDivisionError"), m);
            assertTrue(m.contains("task 'slow' TIMEDOUT: Task timed out"), m);
            assertTrue(m.contains("task 'report' UPSTREAM_FAILED: Upstream task failed"), m);
            assertTrue(!m.contains("'ingest'"), m);
            assertEquals(77, ((Run) e.finalState()).runId());
            fixtures.assertAllMatched();
            assertEquals(2, clock.sleeps.size(), "two waits between three polls");
        }
    }

    @Test
    void aSuccessfulRunGivesEachTasksOutput() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "get", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get", "query": {"run_id": "5"}},
                  "then": {"body": {"run_id": 5, "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS"},
                    "tasks": [{"task_key": "a", "run_id": 51, "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS"}},
                              {"task_key": "b", "run_id": 52, "state": {"life_cycle_state": "SKIPPED"}}]}}},
                 {"name": "output a", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get-output", "query": {"run_id": "51"}},
                  "then": {"body": {"notebook_output": {"result": "{\\"rows\\": 42}", "truncated": false}}}}]""").build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            Run run = dbx.jobs().pollRun(5).waitForCompletion(Duration.ofMinutes(1));
            Map<String, RunOutput> outputs = dbx.jobs().taskOutputs(run);
            assertEquals(Map.of("a", "{\"rows\": 42}"), Map.of("a", outputs.get("a").notebookResult()));
            assertEquals(1, outputs.size(), "skipped tasks have no output");
        }
    }

    @Test
    void aRunStillRunningAtTheDeadlineTimesOutWithItsLastState() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "get", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get"},
                  "then": {"body": {"run_id": 6, "state": {"life_cycle_state": "RUNNING"}}}}]""").build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            PollTimeoutException e = assertThrows(PollTimeoutException.class,
                    () -> dbx.jobs().pollRun(6).waitForCompletion(Duration.ofMinutes(2)));
            assertEquals(RunLifeCycleState.RUNNING, ((Run) e.lastState()).lifeCycleState());
        }
    }

    @Test
    void aCancelledRunEndsCancelled() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "get", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get"},
                  "then": {"body": {"run_id": 7, "state": {"life_cycle_state": "TERMINATED", "result_state": "CANCELED",
                     "state_message": "Run cancelled by user", "user_cancelled_or_timedout": true}}}}]""").build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            OperationFailedException e = assertThrows(OperationFailedException.class,
                    () -> dbx.jobs().pollRun(7).waitForCompletion(Duration.ofMinutes(2)));
            assertTrue(e.getMessage().startsWith("job run 7 was cancelled: TERMINATED/CANCELED (Run cancelled by user)"), e.getMessage());
            assertSame(Run.class, e.finalState().getClass());
        }
    }

    @Test
    void getRunMergesIterationsOfAForEachTaskRun() throws Exception {
        StringBuilder page1 = new StringBuilder();
        StringBuilder page2 = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            page1.append(i == 0 ? "" : ",").append("{\"task_key\":\"it\",\"run_id\":").append(1000 + i).append('}');
        }
        for (int i = 100; i < 130; i++) {
            page2.append(i == 100 ? "" : ",").append("{\"task_key\":\"it\",\"run_id\":").append(1000 + i).append('}');
        }
        FixtureDispatcher fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "p1", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get", "query": {"run_id": "8"}, "strictQuery": true},
                  "then": {"body": {"run_id": 8, "tasks": [{"task_key": "each", "run_id": 8}], "iterations": [%s],
                                    "next_page_token": "t2"}}},
                 {"name": "p2", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get", "query": {"run_id": "8", "page_token": "t2"}},
                  "then": {"body": {"run_id": 8, "tasks": [{"task_key": "each", "run_id": 8}], "iterations": [%s]}}}]"""
                .formatted(page1, page2)).build();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            DatabricksClient dbx = TestSupport.client(server, home, TestSupport.clock());
            Run r = dbx.jobs().getRun(8);
            assertEquals(130, r.iterations().size());
            assertEquals(1, r.tasks().size(), "the for-each task itself is not repeated");
            assertEquals(1129, r.iterations().get(129).runId());
        }
    }
}
