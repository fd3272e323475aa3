package io.dataops4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code .ci/cli-smoke.sh}: the launcher and the runnable jar as a user runs them. An integration test (failsafe, after
 * {@code package} built {@code sdk-cli/target/dataops4j.jar}), so that the README's {@code ./mvnw verify} covers it.
 */
class CliSmokeIT {
    @Test
    void theSmokeScriptPasses() throws Exception {
        Path root = ExternalProcess.repositoryRoot();
        Path script = root.resolve(".ci/cli-smoke.sh");
        assertTrue(Files.isRegularFile(script), script + " is missing");
        assertTrue(Files.isRegularFile(root.resolve("sdk-cli/target/dataops4j.jar")), "the package phase builds the jar first");
        ExternalProcess.Result r = ExternalProcess.run(List.of("bash", script.toString()), root, Map.of(), Duration.ofMinutes(5));
        assertEquals(0, r.exitCode(), r::toString);
        List<String> lines = r.output().lines().toList();
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.matches("\\d+ passed, 0 failed"), r::toString);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("FAIL ")), r::toString);
    }
}
