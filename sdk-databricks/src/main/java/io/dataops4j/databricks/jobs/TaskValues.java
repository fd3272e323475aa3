package io.dataops4j.databricks.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dynamic value references for task parameters: {@code {{tasks.<task_key>.values.<key>}}} reads a value an upstream
 * task set with {@code dbutils.jobs.taskValues.set(key, value)}; others read the job's and the run's context.
 * {@link JobSpec.Builder#build()} checks every {@code {{tasks.<task_key>...}}} reference against the spec's task
 * keys (the task must exist and be upstream) and every {@code {{job.parameters.<name>}}} against its parameters.
 *
 * <pre>{@code
 * Task train = Task.notebook("train", "/Repos/etl/train", Map.of("rows", TaskValues.of("ingest", "rows")))
 *     .dependsOn("ingest");
 * Task each = Task.forEach("per_region", TaskValues.of("plan", "regions"), 4,
 *     Task.notebook("region", "/Repos/etl/region", Map.of("region", TaskValues.INPUT)));
 * }</pre>
 */
public final class TaskValues {
    /** The current input of a for-each iteration. */
    public static final String INPUT = "{{input}}";
    /** The job's id. */
    public static final String JOB_ID = "{{job.id}}";
    /** The job's name. */
    public static final String JOB_NAME = "{{job.name}}";
    /** The job run's id. */
    public static final String JOB_RUN_ID = "{{job.run_id}}";
    /** The job run's start date, ISO-8601 ({@code 2026-01-31}). */
    public static final String JOB_START_DATE = "{{job.start_time.iso_date}}";
    /** The job run's start time, ISO-8601. */
    public static final String JOB_START_DATETIME = "{{job.start_time.iso_datetime}}";
    /** What triggered the run. */
    public static final String JOB_TRIGGER_TYPE = "{{job.trigger.type}}";
    /** This task's key. */
    public static final String TASK_NAME = "{{task.name}}";
    /** This task's run id. */
    public static final String TASK_RUN_ID = "{{task.run_id}}";
    /** The workspace's id. */
    public static final String WORKSPACE_ID = "{{workspace.id}}";
    /** The workspace's URL. */
    public static final String WORKSPACE_URL = "{{workspace.url}}";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final Pattern TASK_REF = Pattern.compile("\\{\\{\\s*tasks\\.([^.}\\s]+)\\.([^}\\s]*)\\s*}}");
    private static final Pattern PARAM_REF = Pattern.compile("\\{\\{\\s*job\\.parameters\\.([^}\\s]+)\\s*}}");

    private TaskValues() {
    }

    /** {@code {{tasks.<taskKey>.values.<valueKey>}}}: a value the task set with {@code dbutils.jobs.taskValues.set}. */
    public static String of(String taskKey, String valueKey) {
        return "{{tasks." + checked(taskKey, "task key") + ".values." + checked(valueKey, "value key") + "}}";
    }

    /** {@code {{tasks.<taskKey>.run_id}}}. */
    public static String runId(String taskKey) {
        return "{{tasks." + checked(taskKey, "task key") + ".run_id}}";
    }

    /** {@code {{tasks.<taskKey>.result_state}}}. */
    public static String resultState(String taskKey) {
        return "{{tasks." + checked(taskKey, "task key") + ".result_state}}";
    }

    /** {@code {{tasks.<taskKey>.error_code}}}. */
    public static String errorCode(String taskKey) {
        return "{{tasks." + checked(taskKey, "task key") + ".error_code}}";
    }

    /** {@code {{job.parameters.<name>}}}: a job parameter's value for the run. */
    public static String jobParameter(String name) {
        return "{{job.parameters." + checked(name, "parameter name") + "}}";
    }

    /** The task keys a text references through {@code {{tasks.<key>...}}}, in order. */
    public static List<String> referencedTasks(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TASK_REF.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The job parameters a text references through {@code {{job.parameters.<name>}}}, in order. */
    public static List<String> referencedParameters(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PARAM_REF.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String checked(String s, String what) {
        Objects.requireNonNull(s, what);
        if (!KEY.matcher(s).matches()) {
            throw new IllegalArgumentException(what + " '" + s + "' may hold only letters, digits, '_' and '-'");
        }
        return s;
    }
}
