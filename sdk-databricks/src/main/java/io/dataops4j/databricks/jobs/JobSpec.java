package io.dataops4j.databricks.jobs;

import io.dataops4j.core.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A job's settings (API 2.2, 2.1-compatible), validated before any call: {@link Builder#build()} fails with an
 * {@link InvalidJobSpecException} listing every problem, each naming the task and the field (dependency cycles,
 * unknown or duplicate task keys, an undefined job cluster, a condition outcome on a task that is no condition, an
 * invalid Quartz expression with the field and why, an unknown timezone, a reference to a task value of a task that
 * is not upstream).
 *
 * <pre>{@code
 * JobSpec spec = JobSpec.builder()
 *     .name("nightly-etl")
 *     .jobCluster("main", ClusterSpec.singleNode("Standard_DS3_v2", "15.4.x-scala2.12"))
 *     .task(Task.notebook("ingest", "/Repos/etl/ingest").onJobCluster("main"))
 *     .task(Task.notebook("train", "/Repos/etl/train", Map.of("rows", TaskValues.of("ingest", "rows")))
 *         .dependsOn("ingest").runIf(RunIf.ALL_SUCCESS).onJobCluster("main"))
 *     .schedule(CronSchedule.quartz("31 45 20 * * ?", "Europe/Paris"))
 *     .parameter("env", "dev")
 *     .build();
 * String json = spec.toJson();
 * }</pre>
 */
public final class JobSpec {
    private static final Pattern TASK_KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");

    private final Map<String, Object> wire;
    private final List<Task> tasks;
    private final CronSchedule schedule;

    private JobSpec(Map<String, Object> wire, List<Task> tasks, CronSchedule schedule) {
        this.wire = Collections.unmodifiableMap(wire);
        this.tasks = List.copyOf(tasks);
        this.schedule = schedule;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads job settings as the API (or a {@code job.json} file, or {@code databricks jobs get}'s {@code settings})
     * writes them, and validates them as {@link Builder#build()} does. Fields this SDK does not model are kept.
     *
     * @param json a JSON object; a {@code {"settings": {...}}} wrapper or {@code {"job_id":..., "new_settings":...}} is unwrapped
     * @throws InvalidJobSpecException when the settings are invalid
     */
    @SuppressWarnings("unchecked")
    public static JobSpec parse(String json) {
        Object value;
        try {
            value = Json.shared().parseValue(json);
        } catch (RuntimeException e) {
            throw new InvalidJobSpecException(List.of("not valid JSON: " + e.getMessage()));
        }
        if (!(value instanceof Map<?, ?> top)) {
            throw new InvalidJobSpecException(List.of("job settings must be a JSON object"));
        }
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) top);
        if (m.get("settings") instanceof Map<?, ?> s && !m.containsKey("tasks")) {
            m = new LinkedHashMap<>((Map<String, Object>) s);
        } else if (m.get("new_settings") instanceof Map<?, ?> s && !m.containsKey("tasks")) {
            m = new LinkedHashMap<>((Map<String, Object>) s);
        }
        Builder b = builder();
        List<String> problems = new ArrayList<>();
        Object tasks = m.remove("tasks");
        if (tasks instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> t)) {
                    problems.add("tasks[" + i + "] must be an object");
                    continue;
                }
                try {
                    b.task(Task.fromWire((Map<String, Object>) t, "tasks[" + i + "]"));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        } else if (tasks != null) {
            problems.add("tasks must be a list");
        }
        Object clusters = m.remove("job_clusters");
        if (clusters instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> c && c.get("job_cluster_key") instanceof String key
                        && c.get("new_cluster") instanceof Map<?, ?> nc) {
                    b.jobCluster(key, ClusterSpec.of((Map<String, Object>) nc));
                } else {
                    problems.add("job_clusters[" + i + "] needs job_cluster_key and new_cluster");
                }
            }
        }
        Object schedule = m.remove("schedule");
        if (schedule instanceof Map<?, ?> s) {
            Object expr = s.get("quartz_cron_expression");
            Object tz = s.get("timezone_id");
            if (!(expr instanceof String e) || !(tz instanceof String z)) {
                problems.add("schedule needs quartz_cron_expression and timezone_id");
            } else {
                PauseStatus ps = null;
                if (s.get("pause_status") != null) {
                    try {
                        ps = PauseStatus.valueOf(s.get("pause_status").toString());
                    } catch (IllegalArgumentException ex) {
                        problems.add("schedule.pause_status '" + s.get("pause_status") + "' is not PAUSED or UNPAUSED");
                    }
                }
                b.schedule = new CronSchedule(e, z, ps);
            }
        }
        Object params = m.remove("parameters");
        if (params instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> p && p.get("name") instanceof String n && p.get("default") != null) {
                    b.parameter(n, p.get("default").toString());
                } else {
                    problems.add("parameters[" + i + "] needs name and default");
                }
            }
        }
        if (m.get("name") instanceof String n) {
            b.name(n);
            m.remove("name");
        }
        b.extras.putAll(m);
        if (!problems.isEmpty()) {
            List<String> more = new ArrayList<>(problems);
            try {
                b.build();
            } catch (InvalidJobSpecException e) {
                more.addAll(e.problems());
            }
            throw new InvalidJobSpecException(more);
        }
        return b.build();
    }

    /** The tasks, in order. */
    public List<Task> tasks() {
        return tasks;
    }

    /** The task with a key. */
    public java.util.Optional<Task> task(String key) {
        return tasks.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** The schedule, or null. */
    public CronSchedule schedule() {
        return schedule;
    }

    /** The name, or null. */
    public String name() {
        return (String) wire.get("name");
    }

    /** The settings as the API writes them (read-only). */
    public Map<String, Object> toWire() {
        return wire;
    }

    /** The settings as JSON. */
    public String toJson() {
        return Json.shared().toJson(wire);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobSpec j && j.wire.equals(wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        return "JobSpec[" + name() + ", " + tasks.size() + " tasks]";
    }

    /** Builds a {@link JobSpec}; validates in {@link #build()}. */
    public static final class Builder {
        private String name;
        private String description;
        private final List<Task> tasks = new ArrayList<>();
        private final Map<String, ClusterSpec> jobClusters = new LinkedHashMap<>();
        private final List<String> duplicateClusters = new ArrayList<>();
        private CronSchedule schedule;
        private final List<JobParameter> parameters = new ArrayList<>();
        private EmailNotifications email;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Boolean queue;
        private Integer maxConcurrentRuns;
        private Long timeoutSeconds;
        private final Map<String, Object> extras = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Adds a task. */
        public Builder task(Task task) {
            tasks.add(Objects.requireNonNull(task, "task"));
            return this;
        }

        /** Adds a job cluster that tasks use with {@link Task#onJobCluster(String)}. */
        public Builder jobCluster(String key, ClusterSpec cluster) {
            Objects.requireNonNull(key, "key");
            if (jobClusters.put(key, Objects.requireNonNull(cluster, "cluster")) != null) {
                duplicateClusters.add(key);
            }
            return this;
        }

        /** The Quartz cron schedule. */
        public Builder schedule(CronSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /** A job parameter and its default. */
        public Builder parameter(String name, String defaultValue) {
            parameters.add(new JobParameter(name, defaultValue));
            return this;
        }

        public Builder emailNotifications(EmailNotifications email) {
            this.email = email;
            return this;
        }

        public Builder tag(String key, String value) {
            tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Whether runs wait in a queue when the job's concurrency or the workspace's limits are reached. */
        public Builder queue(boolean enabled) {
            this.queue = enabled;
            return this;
        }

        public Builder maxConcurrentRuns(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("max_concurrent_runs must not be negative: " + n);
            }
            this.maxConcurrentRuns = n;
            return this;
        }

        /** The longest a run of the job may take ({@code timeout_seconds}). */
        public Builder timeout(Duration timeout) {
            this.timeoutSeconds = timeout.toSeconds();
            return this;
        }

        /**
         * Fields this SDK does not model ({@code webhook_notifications}, {@code notification_settings},
         * {@code git_source}, {@code environments}, {@code run_as}, {@code health}, {@code trigger}, ...), as the API
         * writes them; they win over modelled fields.
         */
        public Builder extras(Map<String, Object> fields) {
            extras.putAll(fields);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws InvalidJobSpecException listing every problem, each naming the task and the field
         */
        public JobSpec build() {
            List<String> problems = validate();
            if (!problems.isEmpty()) {
                throw new InvalidJobSpecException(problems);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            if (name != null) {
                m.put("name", name);
            }
            if (description != null) {
                m.put("description", description);
            }
            if (!tasks.isEmpty()) {
                m.put("tasks", tasks.stream().map(Task::toWire).toList());
            }
            if (!jobClusters.isEmpty()) {
                List<Map<String, Object>> list = new ArrayList<>();
                jobClusters.forEach((k, c) -> {
                    Map<String, Object> jc = new LinkedHashMap<>();
                    jc.put("job_cluster_key", k);
                    jc.put("new_cluster", c.toWire());
                    list.add(jc);
                });
                m.put("job_clusters", list);
            }
            if (schedule != null) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("quartz_cron_expression", schedule.quartzCronExpression());
                s.put("timezone_id", schedule.timezoneId());
                if (schedule.pauseStatus() != null) {
                    s.put("pause_status", schedule.pauseStatus().name());
                }
                m.put("schedule", s);
            }
            if (!parameters.isEmpty()) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (JobParameter p : parameters) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("name", p.name());
                    pm.put("default", p.defaultValue());
                    list.add(pm);
                }
                m.put("parameters", list);
            }
            if (email != null) {
                m.put("email_notifications", Json.shared().parseValue(Json.shared().toJson(email)));
            }
            if (!tags.isEmpty()) {
                m.put("tags", new LinkedHashMap<>(tags));
            }
            if (queue != null) {
                m.put("queue", Map.of("enabled", queue));
            }
            if (maxConcurrentRuns != null) {
                m.put("max_concurrent_runs", maxConcurrentRuns);
            }
            if (timeoutSeconds != null) {
                m.put("timeout_seconds", timeoutSeconds);
            }
            m.putAll(extras);
            return new JobSpec(m, tasks, schedule);
        }

        private List<String> validate() {
            List<String> problems = new ArrayList<>();
            for (String k : duplicateClusters) {
                problems.add("job_clusters: job_cluster_key '" + k + "' is defined more than once");
            }
            Map<String, Task> byKey = new LinkedHashMap<>();
            Set<String> conditions = new HashSet<>();
            List<Task> all = new ArrayList<>();
            for (Task t : tasks) {
                all.add(t);
                if (t.forEachTask() != null) {
                    all.add(t.forEachTask());
                }
            }
            for (Task t : all) {
                if (!TASK_KEY.matcher(t.key()).matches()) {
                    problems.add("task '" + t.key() + "': task_key must be 1-100 letters, digits, '_' or '-'");
                }
                if (byKey.put(t.key(), t) != null) {
                    problems.add("task '" + t.key() + "': task_key is used by more than one task");
                }
                if ("condition_task".equals(t.kind())) {
                    conditions.add(t.key());
                }
            }
            Set<String> topLevel = new LinkedHashSet<>();
            tasks.forEach(t -> topLevel.add(t.key()));
            for (Task t : all) {
                String at = "task '" + t.key() + "'";
                int computes = (t.jobClusterKey() != null ? 1 : 0) + (t.existingClusterId() != null ? 1 : 0)
                        + (t.newCluster() != null ? 1 : 0) + (t.environmentKey() != null ? 1 : 0);
                if (computes > 1) {
                    problems.add(at + ": set only one of job_cluster_key, existing_cluster_id, new_cluster and environment_key");
                }
                if (t.jobClusterKey() != null && !jobClusters.containsKey(t.jobClusterKey())) {
                    problems.add(at + ": job_cluster_key '" + t.jobClusterKey() + "' is not defined in job_clusters"
                            + (jobClusters.isEmpty() ? " (the job defines none)" : " (defined: " + jobClusters.keySet() + ")"));
                }
                for (TaskDependency d : t.dependsOn()) {
                    if (d.taskKey().equals(t.key())) {
                        problems.add(at + ": depends_on names the task itself");
                    } else if (!topLevel.contains(d.taskKey())) {
                        problems.add(at + ": depends_on names unknown task '" + d.taskKey() + "'"
                                + (byKey.containsKey(d.taskKey()) ? " (a for_each inner task cannot be depended on)" : ""));
                    } else if (d.outcome() != null && !conditions.contains(d.taskKey())) {
                        problems.add(at + ": depends_on '" + d.taskKey() + "' has outcome '" + d.outcome()
                                + "', but outcome is only for condition tasks");
                    } else if (d.outcome() != null && !d.outcome().equals("true") && !d.outcome().equals("false")) {
                        problems.add(at + ": depends_on '" + d.taskKey() + "' outcome must be \"true\" or \"false\", but was '"
                                + d.outcome() + "'");
                    }
                }
            }
            List<String> cycle = cycle(tasks);
            if (!cycle.isEmpty()) {
                problems.add("tasks: dependency cycle " + String.join(" -> ", cycle));
            }
            Set<String> paramNames = new HashSet<>();
            for (JobParameter p : parameters) {
                if (!paramNames.add(p.name())) {
                    problems.add("parameters: '" + p.name() + "' is defined more than once");
                }
            }
            if (cycle.isEmpty()) {
                Map<String, Set<String>> ancestors = ancestors(tasks);
                for (Task t : tasks) {
                    checkReferences(t, t.toWire(), "", ancestors.getOrDefault(t.key(), Set.of()), byKey.keySet(), paramNames,
                            problems, t.key());
                }
            }
            if (schedule != null) {
                try {
                    QuartzCron.parse(schedule.quartzCronExpression());
                } catch (QuartzCron.InvalidCronException e) {
                    problems.add("schedule.quartz_cron_expression: " + e.getMessage());
                }
                try {
                    schedule.zone();
                } catch (IllegalArgumentException e) {
                    problems.add("schedule.timezone_id: " + e.getMessage());
                }
            }
            return problems;
        }

        @SuppressWarnings("unchecked")
        private static void checkReferences(Task task, Object value, String path, Set<String> upstream, Set<String> known,
                                            Set<String> params, List<String> problems, String owner) {
            if (value instanceof Map<?, ?> m) {
                for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                    if (path.isEmpty() && (e.getKey().equals("task_key") || e.getKey().equals("depends_on"))) {
                        continue;
                    }
                    checkReferences(task, e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), upstream, known,
                            params, problems, owner);
                }
            } else if (value instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    checkReferences(task, l.get(i), path + "[" + i + "]", upstream, known, params, problems, owner);
                }
            } else if (value instanceof String s && s.contains("{{")) {
                for (String ref : TaskValues.referencedTasks(s)) {
                    if (!known.contains(ref)) {
                        problems.add("task '" + owner + "': " + path + " references unknown task '" + ref + "'");
                    } else if (!upstream.contains(ref)) {
                        problems.add("task '" + owner + "': " + path + " references task '" + ref
                                + "', which is not upstream of it (add it to depends_on)");
                    }
                }
                for (String p : TaskValues.referencedParameters(s)) {
                    if (!params.contains(p)) {
                        problems.add("task '" + owner + "': " + path + " references job parameter '" + p
                                + "', which the job does not define");
                    }
                }
            }
        }

        /** Every task's transitive upstream tasks. */
        private static Map<String, Set<String>> ancestors(List<Task> tasks) {
            Map<String, List<String>> deps = new LinkedHashMap<>();
            tasks.forEach(t -> deps.put(t.key(), t.dependsOn().stream().map(TaskDependency::taskKey).toList()));
            Map<String, Set<String>> out = new LinkedHashMap<>();
            for (String k : deps.keySet()) {
                Set<String> seen = new LinkedHashSet<>();
                List<String> stack = new ArrayList<>(deps.get(k));
                while (!stack.isEmpty()) {
                    String d = stack.remove(stack.size() - 1);
                    if (seen.add(d)) {
                        stack.addAll(deps.getOrDefault(d, List.of()));
                    }
                }
                out.put(k, seen);
            }
            return out;
        }

        /** A dependency cycle as a path that ends where it starts, or an empty list. */
        private static List<String> cycle(List<Task> tasks) {
            Map<String, List<String>> deps = new LinkedHashMap<>();
            tasks.forEach(t -> deps.putIfAbsent(t.key(), t.dependsOn().stream().map(TaskDependency::taskKey)
                    .filter(d -> !d.equals(t.key())).toList()));
            Map<String, Integer> state = new java.util.HashMap<>();
            for (String start : deps.keySet()) {
                List<String> path = new ArrayList<>();
                List<String> found = visit(start, deps, state, path);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return List.of();
        }

        private static List<String> visit(String node, Map<String, List<String>> deps, Map<String, Integer> state, List<String> path) {
            Integer s = state.get(node);
            if (s != null && s == 2) {
                return List.of();
            }
            if (s != null && s == 1) {
                List<String> c = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
                c.add(node);
                return c;
            }
            state.put(node, 1);
            path.add(node);
            for (String d : deps.getOrDefault(node, List.of())) {
                if (!deps.containsKey(d)) {
                    continue;
                }
                List<String> found = visit(d, deps, state, path);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            path.remove(path.size() - 1);
            state.put(node, 2);
            return List.of();
        }
    }

    /** Job settings that fail validation; {@link #problems()} names the task and field of each. */
    public static final class InvalidJobSpecException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        InvalidJobSpecException(List<String> problems) {
            super("invalid job settings: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        /** Each problem, one sentence naming the task and the field. */
        public List<String> problems() {
            return problems;
        }
    }
}
