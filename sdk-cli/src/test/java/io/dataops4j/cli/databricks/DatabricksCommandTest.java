package io.dataops4j.cli.databricks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.cli.CliHarness;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.core.json.Json;
import io.dataops4j.testkit.FixtureDispatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabricksCommandTest {
    private static final String TOKEN = "dapi-cli-test-0001";

    @TempDir
    Path home;

    private MockWebServer server;
    private FixtureDispatcher fixtures;

    @BeforeEach
    void start() throws Exception {
        fixtures = FixtureDispatcher.builder().json("inline", """
                [{"name": "create", "when": {"method": "POST", "path": "/api/2.2/jobs/create",
                    "headers": {"Authorization": "Bearer dapi-cli-test-0001"},
                    "body": {"name": "etl", "tasks": [{"task_key": "a", "notebook_task": {"notebook_path": "/a"}, "existing_cluster_id": "c"}]}},
                  "then": {"body": {"job_id": 11}}},
                 {"name": "run-now", "when": {"method": "POST", "path": "/api/2.2/jobs/run-now",
                    "body": {"job_id": 11, "job_parameters": {"env": "prod"}}, "strictBody": false},
                  "then": {"body": {"run_id": 77}}},
                 {"name": "get-run", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get", "query": {"run_id": "77"}},
                  "then": [{"body": {"run_id": 77, "job_id": 11, "state": {"life_cycle_state": "RUNNING"},
                              "tasks": [{"task_key": "a", "run_id": 78, "state": {"life_cycle_state": "RUNNING"}}]}},
                           {"body": {"run_id": 77, "job_id": 11, "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS"},
                              "tasks": [{"task_key": "a", "run_id": 78, "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS"}}]}}]},
                 {"name": "output", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get-output", "query": {"run_id": "78"}},
                  "then": {"body": {"notebook_output": {"result": "42 rows"}}}},
                 {"name": "run-now failing", "when": {"method": "POST", "path": "/api/2.2/jobs/run-now", "body": {"job_id": 12},
                    "strictBody": false}, "then": {"body": {"run_id": 90}}},
                 {"name": "failed run", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get", "query": {"run_id": "90"}},
                  "then": {"body": {"run_id": 90, "state": {"life_cycle_state": "TERMINATED", "result_state": "FAILED"},
                     "tasks": [{"task_key": "b", "run_id": 91, "state": {"life_cycle_state": "TERMINATED", "result_state": "FAILED", "state_message": "boom"}}]}}},
                 {"name": "failed output", "when": {"method": "GET", "path": "/api/2.2/jobs/runs/get-output", "query": {"run_id": "91"}},
                  "then": {"body": {"error": "ValueError: bad input"}}},
                 {"name": "list", "when": {"method": "GET", "path": "/api/2.2/jobs/list"},
                  "then": {"body": {"jobs": [{"job_id": 11, "settings": {"name": "etl"}, "creator_user_name": "me@example.com"}]}}},
                 {"name": "warehouse", "when": {"method": "GET", "path": "/api/2.0/sql/warehouses/w1"},
                  "then": {"body": {"id": "w1", "name": "bi", "state": "RUNNING",
                     "odbc_params": {"hostname": "adb-1.azuredatabricks.net", "path": "/sql/1.0/warehouses/w1", "port": 443, "protocol": "https"}}}},
                 {"name": "statement", "when": {"method": "POST", "path": "/api/2.0/sql/statements",
                    "body": {"statement": "SELECT id, name FROM t WHERE d = :d", "warehouse_id": "w1",
                             "parameters": [{"name": "d", "value": "2026-01-01"}]}},
                  "then": {"body": {"statement_id": "s1", "status": {"state": "SUCCEEDED"},
                    "manifest": {"format": "JSON_ARRAY", "schema": {"columns": [{"name": "id"}, {"name": "name"}]}, "total_chunk_count": 1},
                    "result": {"data_array": [["1", "a, b"], ["2", null]]}}}}]""").build();
        server = new MockWebServer();
        server.setDispatcher(fixtures);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private CliHarness cli() {
        return CliHarness.in(home).env("DATABRICKS_HOST", server.url("/").toString()).env("DATABRICKS_TOKEN", TOKEN);
    }

    @Test
    void createValidatesThenCreates() throws Exception {
        Path job = home.resolve("job.json");
        Files.writeString(job, "{\"name\":\"etl\",\"tasks\":[{\"task_key\":\"a\",\"notebook_task\":{\"notebook_path\":\"/a\"},"
                + "\"existing_cluster_id\":\"c\"}]}");
        CliHarness.Result r = cli().run("databricks", "jobs", "create", "--file", job.toString());
        assertEquals(ExitCodes.OK, r.code(), r::toString);
        assertEquals("11", r.out().strip());

        Files.writeString(job, "{\"name\":\"etl\",\"tasks\":[{\"task_key\":\"a\",\"notebook_task\":{\"notebook_path\":\"/a\"},"
                + "\"depends_on\":[{\"task_key\":\"b\"}]}],\"schedule\":{\"quartz_cron_expression\":\"0 0 25 * * ?\",\"timezone_id\":\"UTC\"}}");
        CliHarness.Result bad = cli().run("databricks", "jobs", "create", "--file", job.toString());
        assertEquals(ExitCodes.USAGE, bad.code(), bad::toString);
        assertTrue(bad.err().contains("task 'a': depends_on names unknown task 'b'"), bad.err());
        assertTrue(bad.err().contains("field 3 (hours) '25' is out of range 0-23"), bad.err());
        assertTrue(bad.err().contains(job.toString()), bad.err());
        assertEquals(1, fixtures.servedCount("create"), "nothing sent for invalid settings");
    }

    @Test
    void runNowWaitsAndShowsNotebookResults() {
        CliHarness.Result r = cli().run("--json", "databricks", "jobs", "run-now", "--job-id", "11", "--param", "env=prod", "--wait");
        assertEquals(ExitCodes.OK, r.code(), r::toString);
        Map<String, Object> doc = r.json();
        assertEquals("SUCCESS", doc.get("result_state"));
        assertEquals(Map.of("a", "42 rows"), doc.get("notebook_results"));
        assertTrue(r.err().contains("\"event\":\"progress\""), r.err());
    }

    @Test
    void aFailedRunExitsOneNamingTheTask() {
        CliHarness.Result shown = cli().run("databricks", "jobs", "get-run", "90");
        assertEquals(ExitCodes.OK, shown.code(), shown::toString);
        assertTrue(shown.out().contains("FAILED") && shown.out().contains("boom"), shown.out());
        CliHarness.Result r = cli().run("databricks", "jobs", "run-now", "--job-id", "12", "--wait");
        assertEquals(ExitCodes.FAILED, r.code(), r::toString);
        assertTrue(r.err().contains("job run 90 failed: TERMINATED/FAILED; 1 task(s) did not succeed: task 'b' FAILED: boom "
                + "[error: ValueError: bad input]"), r.err());
    }

    @Test
    void listAndProfileAndHost() throws Exception {
        Files.writeString(home.resolve(".databrickscfg"), "[prod]\nhost = " + server.url("/") + "\ntoken = " + TOKEN + "\n");
        CliHarness.Result r = CliHarness.in(home).run("--json", "databricks", "--profile", "prod", "jobs", "list");
        assertEquals(ExitCodes.OK, r.code(), r::toString);
        assertEquals("[{\"job_id\":11,\"name\":\"etl\",\"creator_user_name\":\"me@example.com\"}]",
                Json.shared().toJson(Json.shared().parseValue(r.out())));
        CliHarness.Result none = CliHarness.in(home).run("databricks", "jobs", "list");
        assertEquals(ExitCodes.USAGE, none.code(), none::toString);
        assertTrue(none.err().contains("workspace URL is not set"), none.err());
    }

    @Test
    void pbidsFileForAWarehouse() throws Exception {
        Path out = home.resolve("bi.pbids");
        CliHarness.Result r = cli().run("databricks", "warehouses", "pbids", "--warehouse", "w1", "--out", out.toString(),
                "--catalog", "main", "--mode", "import");
        assertEquals(ExitCodes.OK, r.code(), r::toString);
        Map<?, ?> file = (Map<?, ?>) Json.shared().parseValue(Files.readString(out));
        Map<?, ?> conn = (Map<?, ?>) ((List<?>) file.get("connections")).get(0);
        assertEquals("Import", conn.get("mode"));
        assertEquals(Map.of("Catalog", "main", "Database", ""), conn.get("options"));
        assertTrue(r.out().contains("/sql/1.0/warehouses/w1"), r.out());
    }

    @Test
    void sqlExecAsCsvAndJson() {
        CliHarness.Result csv = cli().run("databricks", "sql", "exec", "--warehouse", "w1", "SELECT id, name FROM t WHERE d = :d",
                "--param", "d=2026-01-01", "--format", "csv");
        assertEquals(ExitCodes.OK, csv.code(), csv::toString);
        assertEquals("id,name\n1,\"a, b\"\n2,\n", csv.out());
        CliHarness.Result json = cli().run("--json", "databricks", "sql", "exec", "--warehouse", "w1",
                "SELECT id, name FROM t WHERE d = :d", "--param", "d=2026-01-01");
        assertEquals(ExitCodes.OK, json.code(), json::toString);
        assertEquals(List.of(Map.of("id", "1", "name", "a, b"), java.util.Collections.singletonMap("id", "2")).size(),
                ((List<?>) Json.shared().parseValue(json.out())).size());
        assertTrue(!csv.err().contains(TOKEN) && !json.err().contains(TOKEN));
    }
}
