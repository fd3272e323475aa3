package io.dataops4j.bench;

import io.dataops4j.core.Secret;
import io.dataops4j.core.Versions;
import io.dataops4j.core.config.Environment;
import io.dataops4j.databricks.DatabricksClient;
import io.dataops4j.databricks.jobs.Run;
import io.dataops4j.databricks.jobs.RunTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * (a') dataops4j's sdk-databricks as a user calls it: {@code DatabricksClient.jobs().getRun(runId)}, decoded into
 * sdk-databricks' own records ({@code io.dataops4j.databricks.jobs.Run}), every page merged.
 */
final class DbxRunsGetStack implements Stack {
    private final DatabricksClient dbx;
    private final long runId;

    DbxRunsGetStack(String baseUrl, String token, long runId) {
        this.dbx = DatabricksClient.builder().host(baseUrl).token(Secret.of(token))
                .environment(Environment.of(Map.of())).home(Path.of(System.getProperty("java.io.tmpdir"), "no-databrickscfg"))
                .build();
        this.runId = runId;
    }

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public String description() {
        return "dataops4j " + Versions.sdk() + " DatabricksClient.jobs().getRun -> sdk-databricks records";
    }

    @Override
    public long call() {
        Run run = dbx.jobs().getRun(runId);
        List<RunTask> tasks = run.tasks();
        RunTask last = tasks.get(tasks.size() - 1);
        // the job cluster is kept as sent (RawJson): read the one figure the checksum needs
        Map<String, Object> cluster = run.jobClusters().get(0).asMap();
        Object max = ((Map<?, ?>) ((Map<?, ?>) cluster.get("new_cluster")).get("autoscale")).get("max_workers");
        return Checksums.of(run.runId(), tasks.size(), last.taskKey(), last.endTime().toEpochMilli(),
                last.clusterInstance().clusterId(), ((Number) max).longValue(), run.lifeCycleState().name());
    }

    @Override
    public void close() {
        dbx.close();
    }
}
