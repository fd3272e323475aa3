package io.dataops4j.databricks.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSpecTest {
    private static JobSpec.InvalidJobSpecException invalid(JobSpec.Builder b) {
        return assertThrows(JobSpec.InvalidJobSpecException.class, b::build);
    }

    private static void hasProblem(JobSpec.InvalidJobSpecException e, String text) {
        assertTrue(e.problems().stream().anyMatch(p -> p.contains(text)), "no problem containing <" + text + "> in " + e.problems());
    }

    @Test
    void dependencyCyclesAreNamed() {
        var e = invalid(JobSpec.builder()
                .task(Task.notebook("a", "/a").dependsOn("c"))
                .task(Task.notebook("b", "/b").dependsOn("a"))
                .task(Task.notebook("c", "/c").dependsOn("b")));
        hasProblem(e, "tasks: dependency cycle a -> c -> b -> a");
    }

    @Test
    void unknownAndDuplicateKeysAndSelfDependencies() {
        var e = invalid(JobSpec.builder()
                .task(Task.notebook("ingest", "/a"))
                .task(Task.notebook("ingest", "/b"))
                .task(Task.notebook("train", "/t").dependsOn("ingets"))
                .task(Task.notebook("self", "/s").dependsOn("self"))
                .task(Task.notebook("bad key!", "/x")));
        hasProblem(e, "task 'ingest': task_key is used by more than one task");
        hasProblem(e, "task 'train': depends_on names unknown task 'ingets'");
        hasProblem(e, "task 'self': depends_on names the task itself");
        hasProblem(e, "task 'bad key!': task_key must be 1-100 letters, digits, '_' or '-'");
    }

    @Test
    void jobClustersAndComputeAreChecked() {
        var e = invalid(JobSpec.builder()
                .jobCluster("main", ClusterSpec.singleNode("Standard_DS3_v2", "15.4.x-scala2.12"))
                .task(Task.notebook("a", "/a").onJobCluster("mian"))
                .task(Task.of("b", "notebook_task", Map.of("notebook_path", "/b")).extras(Map.of())
                        .onJobCluster("main").dependsOn("a")));
        hasProblem(e, "task 'a': job_cluster_key 'mian' is not defined in job_clusters (defined: [main])");
        var none = invalid(JobSpec.builder().task(Task.notebook("a", "/a").onJobCluster("main")));
        hasProblem(none, "task 'a': job_cluster_key 'main' is not defined in job_clusters (the job defines none)");
    }

    @Test
    void conditionOutcomesOnlyOnConditionTasks() {
        var e = invalid(JobSpec.builder()
                .task(Task.notebook("a", "/a"))
                .task(Task.condition("c", "1", ConditionOp.EQUAL_TO, "1"))
                .task(Task.notebook("b", "/b").dependsOn("a", "true"))
                .task(Task.notebook("d", "/d").dependsOn("c", "maybe")));
        hasProblem(e, "task 'b': depends_on 'a' has outcome 'true', but outcome is only for condition tasks");
        hasProblem(e, "task 'd': depends_on 'c' outcome must be \"true\" or \"false\", but was 'maybe'");
    }

    @Test
    void scheduleProblemsNameTheCronField() {
        var e = invalid(JobSpec.builder().task(Task.notebook("a", "/a"))
                .schedule(new CronSchedule("0 0 25 * * ?", "Europe/Paris", null)));
        hasProblem(e, "schedule.quartz_cron_expression: invalid Quartz cron expression '0 0 25 * * ?': field 3 (hours) '25' is out of range 0-23");
        var tz = invalid(JobSpec.builder().task(Task.notebook("a", "/a"))
                .schedule(new CronSchedule("0 0 5 * * ?", "Paris", null)));
        hasProblem(tz, "schedule.timezone_id: schedule timezone_id 'Paris' is not a known time zone");
    }

    @Test
    void taskValueReferencesAreCheckedAgainstUpstreamTasks() {
        var e = invalid(JobSpec.builder()
                .task(Task.notebook("ingest", "/i"))
                .task(Task.notebook("side", "/s"))
                .task(Task.notebook("train", "/t", Map.of("rows", TaskValues.of("ingest", "rows"),
                        "other", TaskValues.of("side", "x"), "ghost", TaskValues.of("nope", "x"),
                        "env", TaskValues.jobParameter("env"))).dependsOn("ingest")));
        hasProblem(e, "task 'train': notebook_task.base_parameters.other references task 'side', which is not upstream of it");
        hasProblem(e, "task 'train': notebook_task.base_parameters.ghost references unknown task 'nope'");
        hasProblem(e, "task 'train': notebook_task.base_parameters.env references job parameter 'env', which the job does not define");
        assertEquals(5, JobSpec.builder().parameter("env", "dev")
                .task(Task.notebook("ingest", "/i"))
                .task(Task.notebook("mid", "/m").dependsOn("ingest"))
                .task(Task.notebook("train", "/t", Map.of("rows", TaskValues.of("ingest", "rows"), "env",
                        TaskValues.jobParameter("env"), "run", TaskValues.runId("mid"))).dependsOn("mid"))
                .task(Task.condition("c", TaskValues.resultState("train"), ConditionOp.EQUAL_TO, "success").dependsOn("train"))
                .task(Task.forEach("each", TaskValues.of("ingest", "regions"), 3,
                        Task.notebook("each_inner", "/e", Map.of("region", TaskValues.INPUT))).dependsOn("ingest"))
                .build().tasks().size());
    }

    @Test
    void taskValueHelpersWriteTheReferenceSyntax() {
        assertEquals("{{tasks.ingest.values.rows}}", TaskValues.of("ingest", "rows"));
        assertEquals("{{job.parameters.env}}", TaskValues.jobParameter("env"));
        assertEquals("{{tasks.t.run_id}}", TaskValues.runId("t"));
        assertEquals(List.of("a", "b"), TaskValues.referencedTasks("x {{tasks.a.values.k}} {{ tasks.b.result_state }}"));
        assertThrows(IllegalArgumentException.class, () -> TaskValues.of("has space", "k"));
    }

    @Test
    void parsesAJobFileAndKeepsUnknownFields() {
        String json = """
                {"name": "etl", "max_concurrent_runs": 1, "git_source": {"git_url": "https://example.com/r.git", "git_provider": "gitHub"},
                 "tasks": [{"task_key": "a", "notebook_task": {"notebook_path": "/a"}, "existing_cluster_id": "c", "health": {"rules": []}},
                           {"task_key": "b", "depends_on": [{"task_key": "a"}], "run_if": "ALL_DONE", "pipeline_task": {"pipeline_id": "p"}}],
                 "schedule": {"quartz_cron_expression": "0 0 1 * * ?", "timezone_id": "UTC", "pause_status": "PAUSED"}}""";
        JobSpec spec = JobSpec.parse(json);
        assertEquals("etl", spec.name());
        assertEquals(PauseStatus.PAUSED, spec.schedule().pauseStatus());
        assertEquals("pipeline_task", spec.task("b").orElseThrow().kind());
        assertEquals(io.dataops4j.core.json.Json.shared().parseValue(json), io.dataops4j.core.json.Json.shared().parseValue(spec.toJson()),
                "what was read is written back unchanged");
        var e = assertThrows(JobSpec.InvalidJobSpecException.class, () -> JobSpec.parse(
                "{\"tasks\":[{\"task_key\":\"a\",\"notebook_task\":{},\"run_if\":\"SOMETIMES\"}],"
                        + "\"schedule\":{\"quartz_cron_expression\":\"0 0 1 * *\",\"timezone_id\":\"UTC\"}}"));
        hasProblem(e, "tasks[0] (task 'a'): run_if 'SOMETIMES' is not one of");
    }
}
