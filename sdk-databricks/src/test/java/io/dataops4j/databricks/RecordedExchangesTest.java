package io.dataops4j.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dataops4j.core.Secret;
import io.dataops4j.core.poll.Poller;
import io.dataops4j.databricks.jobs.ClusterSpec;
import io.dataops4j.databricks.jobs.ConditionOp;
import io.dataops4j.databricks.jobs.CronSchedule;
import io.dataops4j.databricks.jobs.EmailNotifications;
import io.dataops4j.databricks.jobs.Job;
import io.dataops4j.databricks.jobs.JobSpec;
import io.dataops4j.databricks.jobs.Library;
import io.dataops4j.databricks.jobs.ListJobs;
import io.dataops4j.databricks.jobs.ListRuns;
import io.dataops4j.databricks.jobs.RepairRun;
import io.dataops4j.databricks.jobs.Run;
import io.dataops4j.databricks.jobs.RunNow;
import io.dataops4j.databricks.jobs.RunIf;
import io.dataops4j.databricks.jobs.SubmitRun;
import io.dataops4j.databricks.jobs.Task;
import io.dataops4j.databricks.jobs.TaskValues;
import io.dataops4j.databricks.sql.StatementRequest;
import io.dataops4j.databricks.sql.StatementRequest.Disposition;
import io.dataops4j.databricks.sql.StatementRequest.Format;
import io.dataops4j.databricks.sql.StatementRequest.OnWaitTimeout;
import io.dataops4j.databricks.sql.StatementResponse;
import io.dataops4j.databricks.sql.Warehouse;
import io.dataops4j.databricks.sql.WarehouseSpec;
import io.dataops4j.databricks.sql.WarehouseState;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives our client through the same intents the official Python client (databricks-sdk 0.162.0) was recorded doing
 * (fixtures/recorded, see its README), and checks that every request matches the recorded one exactly: method, path,
 * query (strict), Authorization header and JSON body by value.
 */
class RecordedExchangesTest {
    @TempDir
    Path home;

    private interface Scenario {
        void run(DatabricksClient dbx);
    }

    private FixtureDispatcher replay(String file, Scenario scenario) throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.fromClasspath("fixtures/recorded/" + file);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            scenario.run(TestSupport.client(server, home, TestSupport.clock()));
            fixtures.assertAllMatched();
            fixtures.assertAllUsed();
        }
        return fixtures;
    }

    /** The multi-task job the Python client created. */
    static JobSpec nightlyEtl() {
        Map<String, Object> ingest = new LinkedHashMap<>();
        ingest.put("notebook_path", "/Repos/etl/ingest");
        ingest.put("base_parameters", Map.of("date", TaskValues.JOB_START_DATE));
        ingest.put("source", "WORKSPACE");
        return JobSpec.builder()
                .name("nightly-etl")
                .jobCluster("main", ClusterSpec.singleNode("Standard_DS3_v2", "15.4.x-scala2.12"))
                .task(Task.of("ingest", "notebook_task", ingest).onJobCluster("main")
                        .retries(2, Duration.ofMinutes(1), true).timeout(Duration.ofHours(1))
                        .libraries(Library.pypi("requests==2.32.3")))
                .task(Task.condition("check", TaskValues.of("ingest", "rows"), ConditionOp.GREATER_THAN, "0").dependsOn("ingest"))
                .task(Task.sparkPython("train", "dbfs:/etl/train.py", List.of("--rows", TaskValues.of("ingest", "rows")))
                        .dependsOn("check", "true").runIf(RunIf.ALL_SUCCESS).onJobCluster("main"))
                .task(Task.sparkJar("report", "com.example.Report", List.of("x")).dependsOn("train").runIf(RunIf.ALL_DONE)
                        .onCluster("0101-abcdef-xyz").libraries(Library.jar("dbfs:/etl/report.jar")))
                .task(Task.pythonWheel("wheel", "etl", "main", Map.of("mode", "full")).dependsOn("train").onJobCluster("main"))
                .task(Task.sqlQuery("dashboard", "abc123def456", "q-1", Map.of("day", "1")).dependsOn("report")
                        .runIf(RunIf.NONE_FAILED))
                .task(Task.runJob("downstream", 12, Map.of("source", "nightly")).dependsOn("dashboard")
                        .runIf(RunIf.AT_LEAST_ONE_SUCCESS))
                .task(Task.forEach("per_region", "[\"eu\",\"us\"]", 2,
                                Task.notebook("per_region_iteration", "/Repos/etl/region", Map.of("region", TaskValues.INPUT))
                                        .onJobCluster("main"))
                        .dependsOn("ingest").runIf(RunIf.ALL_FAILED))
                .task(Task.notebook("alert", "/Repos/etl/alert").dependsOn("per_region").runIf(RunIf.AT_LEAST_ONE_FAILED)
                        .onCluster("0101-abcdef-xyz"))
                .schedule(CronSchedule.quartz("31 45 20 * * ?", "Europe/Paris").paused(false))
                .parameter("env", "dev")
                .emailNotifications(EmailNotifications.onFailure("etl@example.com"))
                .tag("team", "data")
                .queue(true)
                .maxConcurrentRuns(1)
                .timeout(Duration.ofHours(2))
                .build();
    }

    @Test
    void jobsMatchThePythonClient() throws Exception {
        replay("jobs.json", dbx -> {
            assertEquals(11, dbx.jobs().create(nightlyEtl()));
            Job job = dbx.jobs().get(11);
            assertEquals("nightly-etl", job.name());
            // three pages, the middle one empty but with a token: both jobs are listed
            List<Long> ids = dbx.jobs().list(ListJobs.all().limit(25)).stream().map(Job::jobId).collect(Collectors.toList());
            assertEquals(List.of(11L, 12L), ids);
            dbx.jobs().update(11, JobSpec.builder().maxConcurrentRuns(2).build(), List.of("schedule"));
            dbx.jobs().reset(11, JobSpec.builder().name("nightly-etl").maxConcurrentRuns(1)
                    .task(Task.notebook("ingest", "/Repos/etl/ingest").onCluster("0101-abcdef-xyz")).build());
            dbx.jobs().delete(11);
        });
    }

    @Test
    void runsMatchThePythonClient() throws Exception {
        replay("runs.json", dbx -> {
            Poller<Run> run = dbx.jobs().runNow(11, RunNow.builder().idempotencyToken("8f14e45f-ceea-467f-a0e6-3b0d2f8a6c10")
                    .jobParameter("env", "prod").jobParameter("date", "2026-01-01").build());
            assertEquals("77", run.id());
            Poller<Run> once = dbx.jobs().submit(SubmitRun.builder().runName("one-off")
                    .idempotencyToken("c9f0f895-fb98-4b91-9f30-0e1f3b3f4a11")
                    .task(Task.notebook("once", "/Repos/etl/once").onCluster("0101-abcdef-xyz"))
                    .timeout(Duration.ofMinutes(10)).build());
            assertEquals("78", once.id());
            Run full = dbx.jobs().getRun(77);
            assertEquals(150, full.tasks().size(), "both pages of tasks merged");
            assertEquals("t149", full.tasks().get(149).taskKey());
            assertNull(full.nextPageToken());
            assertEquals("42 rows", dbx.jobs().getRunOutput(2001).notebookResult());
            dbx.jobs().cancel(77);
            dbx.jobs().repair(77, RepairRun.tasks("train", "report").withLatestRepairId(4)
                    .withJobParameters(Map.of("env", "prod")));
            List<Long> runs = dbx.jobs().listRuns(ListRuns.ofJob(11).limit(25)).stream().map(Run::runId)
                    .collect(Collectors.toList());
            assertEquals(List.of(77L, 76L), runs);
        });
    }

    @Test
    void warehousesMatchThePythonClient() throws Exception {
        replay("warehouses.json", dbx -> {
            Poller<Warehouse> created = dbx.sql().warehouses().create(WarehouseSpec.builder().name("bi").clusterSize("Small")
                    .minNumClusters(1).maxNumClusters(2).autoStopMins(30).enablePhoton(true).enableServerlessCompute(false)
                    .warehouseType("PRO").spotInstancePolicy("COST_OPTIMIZED").channel("CHANNEL_NAME_CURRENT")
                    .tag("team", "bi").build());
            assertEquals("abc123def456", created.id());
            dbx.sql().warehouses().edit("abc123def456", WarehouseSpec.builder().name("bi").clusterSize("Medium")
                    .autoStopMins(45).build());
            Warehouse w = dbx.sql().warehouses().get("abc123def456");
            assertEquals(WarehouseState.RUNNING, w.state());
            assertEquals("/sql/1.0/warehouses/abc123def456", w.odbcParams().path());
            assertEquals(List.of("abc123def456"), dbx.sql().warehouses().list().stream().map(Warehouse::id).toList());
            dbx.sql().warehouses().start("abc123def456");
            dbx.sql().warehouses().stop("abc123def456");
            dbx.sql().warehouses().delete("abc123def456");
        });
    }

    @Test
    void statementsMatchThePythonClient() throws Exception {
        replay("statements.json", dbx -> {
            Poller<StatementResponse> p = dbx.sql().statements().submit(StatementRequest.builder("abc123def456",
                            "SELECT id, name FROM t WHERE d = :day AND n > :n")
                    .parameter("day", "2026-01-01", "DATE").parameter("n", "5", "INT")
                    .catalog("main").schema("sales")
                    .waitTimeout(Duration.ofSeconds(10)).onWaitTimeout(OnWaitTimeout.CONTINUE)
                    .disposition(Disposition.EXTERNAL_LINKS).format(Format.ARROW_STREAM)
                    .rowLimit(1000).byteLimit(1048576).build());
            assertEquals("01ef-stmt", p.id());
            dbx.sql().statements().submit(StatementRequest.of("abc123def456", "SELECT 1"));
            assertEquals(io.dataops4j.databricks.sql.StatementState.SUCCEEDED, dbx.sql().statements().get("01ef-stmt").state());
            StatementResponse.ResultData chunk = dbx.sql().statements().chunk("01ef-stmt", 1);
            assertEquals(1, chunk.externalLinks().get(0).chunkIndex());
            dbx.sql().statements().cancel("01ef-stmt");
        });
    }

    @Test
    void oauthM2mMatchesThePythonClient() throws Exception {
        FixtureDispatcher fixtures = FixtureDispatcher.fromClasspath("fixtures/recorded/oauth-m2m.json");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(fixtures);
            server.start();
            TestSupport.FakeClock clock = TestSupport.clock();
            DatabricksClient dbx = TestSupport.builder(server, home, clock)
                    .oauthM2m("sp-client-id", Secret.of("sp-secret-value-000")).build();
            assertEquals("oauth-m2m", dbx.config().authType());
            assertEquals(11, dbx.jobs().get(11).jobId());
            fixtures.assertAllMatched();
            fixtures.assertAllUsed();
        }
    }
}
