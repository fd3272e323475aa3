// dataops4j in a JVM notebook. JShell runs this file the way JVM notebook kernels (IJava, Jupyter Java kernels)
// run cells: snippet by snippet, each result printed. Run it from the repository root:
//
//   ./mvnw -B -q -Dquick -DskipTests -pl sdk-cli -am package                   # builds sdk-cli/target/dataops4j.jar
//   MLFLOW_TRACKING_URI=http://127.0.0.1:5000 jshell examples/notebook.jsh
//
// The runnable jar of the command holds the whole SDK. In a notebook kernel, add it to the class path the kernel's
// way instead of /env (IJava: %jars sdk-cli/target/dataops4j.jar). The client reads MLflow's own variables:
// MLFLOW_TRACKING_URI, and MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD when the
// server needs them.

/env --class-path sdk-cli/target/dataops4j.jar

import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.tracking.*;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import java.nio.file.*;
import java.time.Instant;

// ---- connect
MlflowClient mlflow = MlflowClient.fromEnvironment();
System.out.println("tracking server: " + mlflow.trackingUri());

// ---- the experiments on the server: a lazy listing, fetched page by page as it is consumed; records print well
mlflow.experiments().search().stream().limit(10).forEach(System.out::println);

// ---- an experiment for this notebook (created on the first run)
String experimentName = "dataops4j-notebook";
String experimentId = mlflow.experiments().findByName(experimentName).map(Experiment::experimentId).orElseGet(
        () -> mlflow.experiments().create(experimentName));

// ---- a run with parameters, a metric per epoch and an artifact
Run run = mlflow.runs().create(CreateRun.builder(experimentId)
        .runName("notebook-" + Instant.now().toEpochMilli())
        .tag("source", "examples/notebook.jsh")
        .build());
String runId = run.id();
System.out.println("run id: " + runId);

List<Metric> metrics = new ArrayList<>();
for (int epoch = 0; epoch < 20; epoch++) {
    metrics.add(Metric.of("loss", 1.0 / (epoch + 1), epoch));
    metrics.add(Metric.of("accuracy", 1.0 - 0.5 / (epoch + 1), epoch));
}
LogBatchResult logged = mlflow.runs().logBatch(runId, metrics,
        List.of(Param.of("learning_rate", "0.01"), Param.of("epochs", "20")),
        List.of());
System.out.println(logged);

Path workDir = Files.createTempDirectory("dataops4j-notebook");
Path summary = Files.writeString(workDir.resolve("summary.txt"),
        "final loss " + metrics.get(metrics.size() - 2).value() + "\n");
mlflow.artifacts().upload(runId, summary, "reports");
mlflow.runs().terminate(runId, RunStatus.FINISHED);

// ---- read it back
Run finished = mlflow.runs().get(runId);
System.out.println(finished.info());
System.out.println("params:  " + finished.data().paramMap());
System.out.println("metrics: " + finished.data().metricMap());
mlflow.runs().metricHistory(runId, "loss").stream().limit(3).forEach(System.out::println);
mlflow.artifacts().listRecursive(runId, "").forEach(System.out::println);
System.out.println("summary.txt: " + new String(mlflow.artifacts().open(runId, "reports/summary.txt").readAllBytes()).strip());

// ---- the experiment's latest runs (a snippet ends at the end of a line once it is complete: keep chains open)
SearchRuns latest = SearchRuns.builder().experimentIds(experimentId).orderBy("attributes.start_time DESC").build();
mlflow.runs().search(latest).stream().limit(5).forEach(
        r -> System.out.println(r.info().runName() + "  " + r.info().status() + "  " + r.data().metricMap()));

System.out.println("notebook done");
/exit
