package io.dataops4j.databricks.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One task of a job, immutable: each method returns a changed copy. A task has a kind (notebook, Python script,
 * jar, wheel, SQL, condition, run-job, for-each, or any other through {@link #of}), the tasks it depends on, when it
 * runs ({@link RunIf}), where it runs (a job cluster, an existing cluster, its own cluster, an environment), its
 * libraries, retries and timeout.
 *
 * <pre>{@code
 * Task ingest = Task.notebook("ingest", "/Repos/etl/ingest").onJobCluster("main").maxRetries(2);
 * Task check = Task.condition("check", TaskValues.of("ingest", "rows"), ConditionOp.GREATER_THAN, "0").dependsOn("ingest");
 * Task train = Task.sparkPython("train", "dbfs:/etl/train.py", List.of()).dependsOn("check", "true").onJobCluster("main");
 * }</pre>
 */
public final class Task {
    private final String key;
    private final String kind;
    private final Map<String, Object> body;
    private final Task inner;
    private final List<TaskDependency> dependsOn;
    private final RunIf runIf;
    private final String existingClusterId;
    private final String jobClusterKey;
    private final ClusterSpec newCluster;
    private final String environmentKey;
    private final List<Library> libraries;
    private final Integer maxRetries;
    private final Long minRetryIntervalMillis;
    private final Boolean retryOnTimeout;
    private final Long timeoutSeconds;
    private final String description;
    private final Map<String, Object> extras;

    private Task(String key, String kind, Map<String, Object> body, Task inner, List<TaskDependency> dependsOn, RunIf runIf,
                 String existingClusterId, String jobClusterKey, ClusterSpec newCluster, String environmentKey,
                 List<Library> libraries, Integer maxRetries, Long minRetryIntervalMillis, Boolean retryOnTimeout,
                 Long timeoutSeconds, String description, Map<String, Object> extras) {
        this.key = Objects.requireNonNull(key, "task key");
        this.kind = kind;
        this.body = body == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(body));
        this.inner = inner;
        this.dependsOn = List.copyOf(dependsOn);
        this.runIf = runIf;
        this.existingClusterId = existingClusterId;
        this.jobClusterKey = jobClusterKey;
        this.newCluster = newCluster;
        this.environmentKey = environmentKey;
        this.libraries = List.copyOf(libraries);
        this.maxRetries = maxRetries;
        this.minRetryIntervalMillis = minRetryIntervalMillis;
        this.retryOnTimeout = retryOnTimeout;
        this.timeoutSeconds = timeoutSeconds;
        this.description = description;
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    private static Task kind(String key, String kind, Map<String, Object> body) {
        return new Task(key, kind, body, null, List.of(), null, null, null, null, null, List.of(), null, null, null, null,
                null, Map.of());
    }

    private Task copy(List<TaskDependency> deps, RunIf runIf, String existing, String jobCluster, ClusterSpec cluster,
                      String env, List<Library> libs, Integer retries, Long interval, Boolean onTimeout, Long timeout,
                      String desc, Map<String, Object> extra) {
        return new Task(key, kind, body, inner, deps, runIf, existing, jobCluster, cluster, env, libs, retries, interval,
                onTimeout, timeout, desc, extra);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    /** A notebook task ({@code notebook_task}). */
    public static Task notebook(String key, String notebookPath) {
        return notebook(key, notebookPath, Map.of());
    }

    /** A notebook task with base parameters (read in the notebook with {@code dbutils.widgets.get}). */
    public static Task notebook(String key, String notebookPath, Map<String, String> baseParameters) {
        Objects.requireNonNull(notebookPath, "notebookPath");
        return kind(key, "notebook_task", map("notebook_path", notebookPath,
                "base_parameters", baseParameters.isEmpty() ? null : new LinkedHashMap<>(baseParameters)));
    }

    /** A Python file run with spark-submit semantics ({@code spark_python_task}). */
    public static Task sparkPython(String key, String pythonFile, List<String> parameters) {
        Objects.requireNonNull(pythonFile, "pythonFile");
        return kind(key, "spark_python_task", map("python_file", pythonFile,
                "parameters", parameters.isEmpty() ? null : List.copyOf(parameters)));
    }

    /** A jar's main class ({@code spark_jar_task}); add the jar with {@link #libraries(Library...)}. */
    public static Task sparkJar(String key, String mainClassName, List<String> parameters) {
        Objects.requireNonNull(mainClassName, "mainClassName");
        return kind(key, "spark_jar_task", map("main_class_name", mainClassName,
                "parameters", parameters.isEmpty() ? null : List.copyOf(parameters)));
    }

    /** A Python wheel's entry point with named parameters ({@code python_wheel_task}). */
    public static Task pythonWheel(String key, String packageName, String entryPoint, Map<String, String> namedParameters) {
        return kind(key, "python_wheel_task", map("package_name", Objects.requireNonNull(packageName, "packageName"),
                "entry_point", Objects.requireNonNull(entryPoint, "entryPoint"),
                "named_parameters", namedParameters.isEmpty() ? null : new LinkedHashMap<>(namedParameters)));
    }

    /** A saved SQL query run on a warehouse ({@code sql_task.query}). */
    public static Task sqlQuery(String key, String warehouseId, String queryId, Map<String, String> parameters) {
        return kind(key, "sql_task", map("warehouse_id", Objects.requireNonNull(warehouseId, "warehouseId"),
                "query", Map.of("query_id", Objects.requireNonNull(queryId, "queryId")),
                "parameters", parameters.isEmpty() ? null : new LinkedHashMap<>(parameters)));
    }

    /** A SQL file run on a warehouse ({@code sql_task.file}). */
    public static Task sqlFile(String key, String warehouseId, String path, Map<String, String> parameters) {
        return kind(key, "sql_task", map("warehouse_id", Objects.requireNonNull(warehouseId, "warehouseId"),
                "file", Map.of("path", Objects.requireNonNull(path, "path")),
                "parameters", parameters.isEmpty() ? null : new LinkedHashMap<>(parameters)));
    }

    /**
     * A condition ({@code condition_task}): its outcome ({@code "true"} or {@code "false"}) chooses which downstream
     * tasks run, through {@link #dependsOn(String, String)}.
     */
    public static Task condition(String key, String left, ConditionOp op, String right) {
        return kind(key, "condition_task", map("left", Objects.requireNonNull(left, "left"),
                "op", Objects.requireNonNull(op, "op").name(), "right", Objects.requireNonNull(right, "right")));
    }

    /** Runs another job ({@code run_job_task}). */
    public static Task runJob(String key, long jobId, Map<String, String> jobParameters) {
        return kind(key, "run_job_task", map("job_id", jobId,
                "job_parameters", jobParameters.isEmpty() ? null : new LinkedHashMap<>(jobParameters)));
    }

    /**
     * Runs a task once per input ({@code for_each_task}); the inner task reads the current input as
     * {@code {{input}}} ({@link TaskValues#INPUT}).
     *
     * @param inputs      a JSON array (as text) or a reference to one ({@code {{tasks.list.values.items}}})
     * @param concurrency how many iterations run at once, or 0 for the service's default
     */
    public static Task forEach(String key, String inputs, int concurrency, Task task) {
        Objects.requireNonNull(task, "task");
        Task t = kind(key, "for_each_task", map("inputs", Objects.requireNonNull(inputs, "inputs"),
                "concurrency", concurrency > 0 ? concurrency : null));
        return new Task(t.key, t.kind, t.body, task, List.of(), null, null, null, null, null, List.of(), null, null, null,
                null, null, Map.of());
    }

    /**
     * Any other kind of task, as the API writes it ({@code "dbt_task"}, {@code "pipeline_task"}, ...).
     *
     * @param kind the field naming the kind ({@code "pipeline_task"})
     * @param body its value
     */
    public static Task of(String key, String kind, Map<String, Object> body) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        return kind(key, kind, body);
    }

    /** Depends on the success of these tasks (as {@link #runIf(RunIf)} says). */
    public Task dependsOn(String... taskKeys) {
        List<TaskDependency> deps = new ArrayList<>(dependsOn);
        for (String k : taskKeys) {
            deps.add(TaskDependency.on(k));
        }
        return copy(deps, runIf, existingClusterId, jobClusterKey, newCluster, environmentKey, libraries, maxRetries,
                minRetryIntervalMillis, retryOnTimeout, timeoutSeconds, description, extras);
    }

    /** Depends on a condition task's outcome ({@code "true"} or {@code "false"}). */
    public Task dependsOn(String conditionTaskKey, String outcome) {
        List<TaskDependency> deps = new ArrayList<>(dependsOn);
        deps.add(new TaskDependency(conditionTaskKey, Objects.requireNonNull(outcome, "outcome")));
        return copy(deps, runIf, existingClusterId, jobClusterKey, newCluster, environmentKey, libraries, maxRetries,
                minRetryIntervalMillis, retryOnTimeout, timeoutSeconds, description, extras);
    }

    /** When the task runs, given its dependencies' outcomes. */
    public Task runIf(RunIf runIf) {
        return copy(dependsOn, Objects.requireNonNull(runIf, "runIf"), existingClusterId, jobClusterKey, newCluster,
                environmentKey, libraries, maxRetries, minRetryIntervalMillis, retryOnTimeout, timeoutSeconds, description, extras);
    }

    /** Runs on a job cluster of the job ({@code job_cluster_key}). */
    public Task onJobCluster(String jobClusterKey) {
        return copy(dependsOn, runIf, null, Objects.requireNonNull(jobClusterKey, "jobClusterKey"), null, null, libraries,
                maxRetries, minRetryIntervalMillis, retryOnTimeout, timeoutSeconds, description, extras);
    }

    /** Runs on an existing all-purpose cluster ({@code existing_cluster_id}). */
    public Task onCluster(String existingClusterId) {
        return copy(dependsOn, runIf, Objects.requireNonNull(existingClusterId, "existingClusterId"), null, null, null,
                libraries, maxRetries, minRetryIntervalMillis, retryOnTimeout, timeoutSeconds, description, extras);
    }

    /** Runs on its own new cluster ({@code new_cluster}). */
    public Task onNewCluster(ClusterSpec cluster) {
        return copy(dependsOn, runIf, null, null, Objects.requireNonNull(cluster, "cluster"), null, libraries, maxRetries,
                minRetryIntervalMillis, retryOnTimeout, timeoutSeconds, description, extras);
    }

    /** Runs on serverless compute in an environment of the job ({@code environment_key}). */
    public Task inEnvironment(String environmentKey) {
        return copy(dependsOn, runIf, null, null, null, Objects.requireNonNull(environmentKey, "environmentKey"), libraries,
                maxRetries, minRetryIntervalMillis, retryOnTimeout, timeoutSeconds, description, extras);
    }

    /** Libraries to install. */
    public Task libraries(Library... libs) {
        List<Library> all = new ArrayList<>(libraries);
        all.addAll(List.of(libs));
        return copy(dependsOn, runIf, existingClusterId, jobClusterKey, newCluster, environmentKey, all, maxRetries,
                minRetryIntervalMillis, retryOnTimeout, timeoutSeconds, description, extras);
    }

    /** Retries after failure: how many, how long apart at least, and whether a timeout is retried too. */
    public Task retries(int maxRetries, Duration minInterval, boolean retryOnTimeout) {
        if (maxRetries < -1) {
            throw new IllegalArgumentException("task '" + key + "': max_retries must be -1 (forever) or more, but was " + maxRetries);
        }
        return copy(dependsOn, runIf, existingClusterId, jobClusterKey, newCluster, environmentKey, libraries, maxRetries,
                minInterval == null ? null : minInterval.toMillis(), retryOnTimeout, timeoutSeconds, description, extras);
    }

    /** Retries after failure, as many times as given. */
    public Task maxRetries(int maxRetries) {
        if (maxRetries < -1) {
            throw new IllegalArgumentException("task '" + key + "': max_retries must be -1 (forever) or more, but was " + maxRetries);
        }
        return copy(dependsOn, runIf, existingClusterId, jobClusterKey, newCluster, environmentKey, libraries, maxRetries,
                minRetryIntervalMillis, retryOnTimeout, timeoutSeconds, description, extras);
    }

    /** The longest a run of the task may take ({@code timeout_seconds}). */
    public Task timeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("task '" + key + "': timeout must not be negative");
        }
        return copy(dependsOn, runIf, existingClusterId, jobClusterKey, newCluster, environmentKey, libraries, maxRetries,
                minRetryIntervalMillis, retryOnTimeout, timeout.toSeconds(), description, extras);
    }

    /** A description. */
    public Task description(String description) {
        return copy(dependsOn, runIf, existingClusterId, jobClusterKey, newCluster, environmentKey, libraries, maxRetries,
                minRetryIntervalMillis, retryOnTimeout, timeoutSeconds, description, extras);
    }

    /** Fields this SDK does not model ({@code health}, {@code notification_settings}, ...); they win over modelled ones. */
    public Task extras(Map<String, Object> fields) {
        Map<String, Object> all = new LinkedHashMap<>(extras);
        all.putAll(fields);
        return copy(dependsOn, runIf, existingClusterId, jobClusterKey, newCluster, environmentKey, libraries, maxRetries,
                minRetryIntervalMillis, retryOnTimeout, timeoutSeconds, description, all);
    }

    /** The task's key, unique in the job. */
    public String key() {
        return key;
    }

    /** The field naming the task's kind ({@code notebook_task}), or null for a task defined only by extras. */
    public String kind() {
        return kind;
    }

    /** The kind's settings as the API writes them (read-only), or null. */
    public Map<String, Object> body() {
        return body;
    }

    /** For a for-each task, the task run per input; null otherwise. */
    public Task forEachTask() {
        return inner;
    }

    public List<TaskDependency> dependsOn() {
        return dependsOn;
    }

    /** The run-if rule, or null for the default. */
    public RunIf runIf() {
        return runIf;
    }

    /** The job cluster used, or null. */
    public String jobClusterKey() {
        return jobClusterKey;
    }

    /** The existing cluster used, or null. */
    public String existingClusterId() {
        return existingClusterId;
    }

    /** The new cluster, or null. */
    public ClusterSpec newCluster() {
        return newCluster;
    }

    /** The serverless environment used, or null. */
    public String environmentKey() {
        return environmentKey;
    }

    /** The extra fields. */
    public Map<String, Object> extras() {
        return extras;
    }

    /** The wire form. */
    public Map<String, Object> toWire() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task_key", key);
        if (description != null) {
            m.put("description", description);
        }
        if (!dependsOn.isEmpty()) {
            List<Map<String, Object>> deps = new ArrayList<>();
            for (TaskDependency d : dependsOn) {
                deps.add(map("task_key", d.taskKey(), "outcome", d.outcome()));
            }
            m.put("depends_on", deps);
        }
        if (runIf != null) {
            m.put("run_if", runIf.name());
        }
        if (existingClusterId != null) {
            m.put("existing_cluster_id", existingClusterId);
        }
        if (jobClusterKey != null) {
            m.put("job_cluster_key", jobClusterKey);
        }
        if (newCluster != null) {
            m.put("new_cluster", newCluster.toWire());
        }
        if (environmentKey != null) {
            m.put("environment_key", environmentKey);
        }
        if (kind != null) {
            Map<String, Object> b = new LinkedHashMap<>(body);
            if (inner != null) {
                b.put("task", inner.toWire());
            }
            m.put(kind, b);
        }
        if (!libraries.isEmpty()) {
            m.put("libraries", libraries.stream().map(Library::toWire).toList());
        }
        if (maxRetries != null) {
            m.put("max_retries", maxRetries);
        }
        if (minRetryIntervalMillis != null) {
            m.put("min_retry_interval_millis", minRetryIntervalMillis);
        }
        if (retryOnTimeout != null) {
            m.put("retry_on_timeout", retryOnTimeout);
        }
        if (timeoutSeconds != null) {
            m.put("timeout_seconds", timeoutSeconds);
        }
        m.putAll(extras);
        return m;
    }

    /**
     * A task read from its wire form (a job file): known fields are modelled, the kind's body is kept as written, and
     * every other field goes to {@link #extras()}.
     *
     * @throws IllegalArgumentException naming the field when a value has the wrong type
     */
    @SuppressWarnings("unchecked")
    public static Task fromWire(Map<String, Object> wire, String where) {
        Map<String, Object> rest = new LinkedHashMap<>(wire);
        Object keyValue = rest.remove("task_key");
        if (!(keyValue instanceof String key) || key.isBlank()) {
            throw new IllegalArgumentException(where + ": task_key is required and must be a string");
        }
        String at = where + " (task '" + key + "')";
        String kind = null;
        Map<String, Object> body = null;
        Task inner = null;
        for (String field : List.copyOf(rest.keySet())) {
            if (field.endsWith("_task") && rest.get(field) instanceof Map<?, ?> b) {
                if (kind != null) {
                    throw new IllegalArgumentException(at + ": has both " + kind + " and " + field + "; a task has one kind");
                }
                kind = field;
                body = new LinkedHashMap<>((Map<String, Object>) b);
                rest.remove(field);
                if (field.equals("for_each_task") && body.get("task") instanceof Map<?, ?> t) {
                    inner = fromWire((Map<String, Object>) t, at + ".for_each_task.task");
                    body.remove("task");
                }
            }
        }
        List<TaskDependency> deps = new ArrayList<>();
        Object d = rest.remove("depends_on");
        if (d instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> dm) || !(dm.get("task_key") instanceof String dk)) {
                    throw new IllegalArgumentException(at + ": depends_on entries need a task_key");
                }
                deps.add(new TaskDependency(dk, dm.get("outcome") == null ? null : dm.get("outcome").toString()));
            }
        } else if (d != null) {
            throw new IllegalArgumentException(at + ": depends_on must be a list");
        }
        RunIf runIf = null;
        Object r = rest.remove("run_if");
        if (r != null) {
            try {
                runIf = RunIf.valueOf(r.toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ": run_if '" + r + "' is not one of " + List.of(RunIf.values()), e);
            }
        }
        String existing = string(rest.remove("existing_cluster_id"), at, "existing_cluster_id");
        String jobCluster = string(rest.remove("job_cluster_key"), at, "job_cluster_key");
        String env = string(rest.remove("environment_key"), at, "environment_key");
        Object nc = rest.remove("new_cluster");
        ClusterSpec cluster = nc instanceof Map<?, ?> ncm ? ClusterSpec.of((Map<String, Object>) ncm) : null;
        List<Library> libs = new ArrayList<>();
        Object l = rest.remove("libraries");
        if (l instanceof List<?> ll) {
            for (Object o : ll) {
                libs.add(Library.of((Map<String, Object>) o));
            }
        }
        String desc = string(rest.remove("description"), at, "description");
        Integer retries = rest.get("max_retries") instanceof Number n ? n.intValue() : null;
        rest.remove("max_retries");
        Long interval = rest.get("min_retry_interval_millis") instanceof Number n ? n.longValue() : null;
        rest.remove("min_retry_interval_millis");
        Boolean onTimeout = rest.get("retry_on_timeout") instanceof Boolean b ? b : null;
        rest.remove("retry_on_timeout");
        Long timeout = rest.get("timeout_seconds") instanceof Number n ? n.longValue() : null;
        rest.remove("timeout_seconds");
        return new Task(key, kind, body, inner, deps, runIf, existing, jobCluster, cluster, env, libs, retries, interval,
                onTimeout, timeout, desc, rest);
    }

    private static String string(Object value, String at, String field) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(at + ": " + field + " must be a string");
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Task t && t.toWire().equals(toWire());
    }

    @Override
    public int hashCode() {
        return toWire().hashCode();
    }

    @Override
    public String toString() {
        return "Task[" + key + (kind != null ? ", " + kind : "") + "]";
    }
}
