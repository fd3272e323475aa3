package io.dataops4j.dataiku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.error.PollTimeoutException;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.dataiku.futures.FutureState;
import io.dataops4j.dataiku.jobs.JobState;
import io.dataops4j.dataiku.jobs.JobStatus;
import io.dataops4j.dataiku.jobs.JobSummary;
import io.dataops4j.dataiku.jobs.JobType;
import io.dataops4j.dataiku.scenarios.ScenarioOutcome;
import io.dataops4j.dataiku.scenarios.ScenarioRun;
import io.dataops4j.dataiku.scenarios.ScenarioSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jobs, scenarios and futures, with pollers on a fake clock, against the exchanges recorded from dataikuapi. */
class JobsAndScenariosTest {
    private static final String JOB = "Build_sales_raw_2026-01-15T10-00-00.000";

    @Test
    void buildsADatasetAndWaitsWithProgress() {
        try (DssFixtures f = DssFixtures.of("jobs-build")) {
            List<JobState> seen = new ArrayList<>();
            Poller<JobStatus> build = f.client(DssFixtures.NEW).jobs().build("DATAOPS", "sales_raw", JobType.RECURSIVE_BUILD)
                    .onProgress(s -> seen.add(s.state()));
            JobStatus done = build.waitForCompletion(Duration.ofMinutes(10));
            assertEquals(JobState.DONE, done.state());
            assertEquals(JOB, done.jobId());
            assertEquals(JOB, build.id());
            assertEquals(List.of(JobState.RUNNING, JobState.DONE), seen);
            assertEquals(List.of(Duration.ofMillis(200)), f.sleeper.waits());
            f.verify();
        }
    }

    @Test
    void failedJobCarriesTheUnexpectedFailureWithCodeAndHint() {
        try (DssFixtures f = DssFixtures.of("jobs-failed")) {
            OperationFailedException e = assertThrows(OperationFailedException.class, () -> f.client(DssFixtures.NEW).jobs()
                    .poll("DATAOPS", "Build_dbo_orders_2026-01-15T11-00-00.000").waitForCompletion(Duration.ofMinutes(1)));
            JobStatus s = (JobStatus) e.finalState();
            assertEquals(JobState.FAILED, s.state());
            assertEquals("ERR_SQL_CANNOT_LOAD_DRIVER", s.failure().errorCode());
            assertTrue(s.failure().stackTrace().startsWith("com.dataiku.dip.exceptions.CodedSQLException"));
            assertTrue(e.getMessage().contains("ClassNotFoundException: com.microsoft.sqlserver.jdbc.SQLServerDriver"), e.getMessage());
            assertTrue(e.getMessage().contains("hint: the SQL Server JDBC driver (mssql-jdbc)"), e.getMessage());
            f.verify();
        }
    }

    @Test
    void pollerTimesOutOnTheFakeClock() {
        String json = "[{\"name\":\"running\",\"when\":{\"method\":\"GET\",\"path\":\"/public/api/projects/P/jobs/J/\"},"
                + "\"then\":{\"body\":{\"baseStatus\":{\"def\":{\"id\":\"J\"},\"state\":\"RUNNING\"}}}}]";
        try (DssFixtures f = DssFixtures.ofJson(json)) {
            Instant start = f.clock.instant();
            PollTimeoutException e = assertThrows(PollTimeoutException.class,
                    () -> f.client(DssFixtures.NEW).jobs().poll("P", "J").waitForCompletion(Duration.ofMinutes(1)));
            assertEquals(JobState.RUNNING, ((JobStatus) e.lastState()).state());
            assertEquals(Duration.ofMinutes(1), Duration.between(start, f.clock.instant()), "no real time passed, the fake one did");
            assertTrue(f.sleeper.waits().stream().allMatch(d -> d.compareTo(Duration.ofSeconds(2)) <= 0), "waits grow to the max");
        }
    }

    @Test
    void logAbortAndList() {
        try (DssFixtures f = DssFixtures.of("jobs-log", "jobs-abort", "jobs-list")) {
            DssClient dss = f.client(DssFixtures.NEW);
            assertTrue(dss.jobs().log("DATAOPS", JOB).contains("Running activity sales_raw_NP"));
            dss.jobs().abort("DATAOPS", JOB);
            List<JobSummary> jobs = dss.jobs().list("DATAOPS").toList();
            assertEquals(JOB, jobs.get(0).jobId());
            assertEquals(Instant.ofEpochMilli(1768471200000L), jobs.get(0).startTime());
            f.verify();
        }
    }

    @Test
    void runsAScenarioFromTriggerFireToRunAndStepResults() {
        try (DssFixtures f = DssFixtures.of("scenarios-run-wait")) {
            List<String> seen = new ArrayList<>();
            ScenarioRun run = f.client(DssFixtures.NEW).scenarios().run("DATAOPS", "NIGHTLY", Map.of("day", "2026-01-15"))
                    .onProgress(r -> seen.add(r.runId() + ":" + r.outcome()))
                    .waitForCompletion(Duration.ofHours(1));
            assertEquals(ScenarioOutcome.SUCCESS, run.outcome());
            assertEquals("2026-01-15-10-00-05-123", run.runId());
            assertEquals("trigger-run-1", run.triggerRunId());
            assertEquals(2, run.stepRuns().size());
            assertEquals(List.of("Build_sales_raw_2026-01-15T10-00-06.000"), run.stepRuns().get(0).jobIds());
            assertNull(run.firstError());
            assertEquals(List.of("null:null", "2026-01-15-10-00-05-123:null", "2026-01-15-10-00-05-123:SUCCESS"), seen);
            f.verify();
        }
    }

    @Test
    void failedScenarioRunNamesTheStepErrorAndItsHint() {
        try (DssFixtures f = DssFixtures.of("scenarios-run-failed")) {
            OperationFailedException e = assertThrows(OperationFailedException.class, () -> f.client(DssFixtures.NEW).scenarios()
                    .run("DATAOPS", "LOAD", Map.of()).waitForCompletion(Duration.ofHours(1)));
            ScenarioRun run = (ScenarioRun) e.finalState();
            assertEquals(ScenarioOutcome.FAILED, run.outcome());
            assertEquals("ERR_SQL_CANNOT_LOAD_DRIVER", run.firstError().code());
            assertEquals("ADMIN_INSTALLATION", run.firstError().fixability());
            assertEquals(List.of("Build_dbo_orders_2026-01-15T11-00-00.000"), run.stepRuns().get(0).jobIds());
            assertTrue(e.getMessage().contains("outcome FAILED: ERR_SQL_CANNOT_LOAD_DRIVER") && e.getMessage().contains("mssql-jdbc"),
                    e.getMessage());
            f.verify();
        }
    }

    @Test
    void cancelledTriggerFireEndsTheWait() {
        String json = """
                [{"name":"run","when":{"method":"POST","path":"/public/api/projects/P/scenarios/S/run"},
                  "then":{"body":{"trigger":{"id":"manual"},"runId":"tr-9","cancelled":false}}},
                 {"name":"no run","when":{"method":"GET","path":"/public/api/projects/P/scenarios/S/get-run-for-trigger"},
                  "then":{"body":{}}},
                 {"name":"cancelled","when":{"method":"GET","path":"/public/api/projects/P/scenarios/trigger/S/manual",
                  "query":{"triggerRunId":"tr-9"}},
                  "then":{"body":{"trigger":{"id":"manual"},"runId":"tr-9","cancelled":true}}}]""";
        try (DssFixtures f = DssFixtures.ofJson(json)) {
            OperationFailedException e = assertThrows(OperationFailedException.class,
                    () -> f.client(DssFixtures.NEW).scenarios().run("P", "S", Map.of()).waitForCompletion(Duration.ofMinutes(5)));
            assertTrue(e.getMessage().contains("was cancelled"), e.getMessage());
            f.verify();
        }
    }

    @Test
    void listsScenariosLastRunsAndAborts() {
        try (DssFixtures f = DssFixtures.of("scenarios-list", "scenarios-last-runs", "scenarios-abort")) {
            DssClient dss = f.client(DssFixtures.NEW);
            List<ScenarioSummary> all = dss.scenarios().list("DATAOPS").toList();
            assertEquals("NIGHTLY", all.get(0).id());
            assertEquals("Nightly refresh", all.get(0).name());
            List<ScenarioRun> last = dss.scenarios().lastRuns("DATAOPS", "NIGHTLY", 5, true);
            assertEquals(ScenarioOutcome.SUCCESS, last.get(0).outcome());
            assertEquals(Instant.ofEpochMilli(1768471265456L), last.get(0).end());
            dss.scenarios().abort("DATAOPS", "NIGHTLY");
            f.verify();
        }
    }

    @Test
    void futuresAbortAndEndWithoutResult() {
        try (DssFixtures f = DssFixtures.of("futures-abort")) {
            f.client(DssFixtures.NEW).futures().abort("fut-abort-1");
            f.verify();
        }
        String json = "[{\"name\":\"dead\",\"when\":{\"method\":\"GET\",\"path\":\"/public/api/futures/F\"},"
                + "\"then\":[{\"body\":{\"jobId\":\"F\",\"hasResult\":false,\"alive\":true}},"
                + "{\"body\":{\"jobId\":\"F\",\"hasResult\":false,\"alive\":false}}]}]";
        try (DssFixtures f = DssFixtures.ofJson(json)) {
            OperationFailedException e = assertThrows(OperationFailedException.class,
                    () -> f.client(DssFixtures.NEW).futures().poll("F").waitForCompletion(Duration.ofMinutes(1)));
            assertTrue(e.getMessage().contains("ended without a result"), e.getMessage());
            assertTrue(((FutureState) e.finalState()).endedWithoutResult());
        }
    }
}
