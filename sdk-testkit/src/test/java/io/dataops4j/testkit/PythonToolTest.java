package io.dataops4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.DataOpsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning logic on a real virtualenv. The only requirement is {@code pip}, which every new virtualenv already
 * has, so {@code pip install} is satisfied locally and these tests need no package index.
 */
class PythonToolTest {
    @TempDir
    Path cache;

    private PythonTool.Builder tool(String name) {
        return PythonTool.builder(name, "1.0").cacheRoot(cache).requirement("pip");
    }

    private static long count(Path log, String fragment) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(fragment)).count();
    }

    @Test
    void installsOnceEvenWhenAskedConcurrentlyThenReinstallsOnlyWhenIncompleteOrChanged() throws Exception {
        PythonTool first = tool("demo").verify("import sys").build();
        assertFalse(first.isInstalled());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(pool.submit(first::install));
            }
            for (Future<Path> f : both) {
                assertEquals(cache.resolve("demo-1.0"), f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertTrue(first.isInstalled());
        assertTrue(Files.isRegularFile(first.home().resolve(PythonTool.MARKER_FILE)));
        assertTrue(Files.isRegularFile(cache.resolve("demo-1.0.lock")));
        Path log = first.installLog();
        assertEquals(1, count(log, "-m venv"));
        assertEquals(1, count(log, "-m pip install"));
        assertTrue(Files.isRegularFile(first.executable("pip")));
        assertEquals(first.home().resolve("bin").resolve("python"), first.python());

        // installed: nothing runs again
        long size = Files.size(log);
        first.install();
        assertEquals(size, Files.size(log));

        // a half install (no marker) is installed again, into the same virtualenv
        Files.delete(first.home().resolve(PythonTool.MARKER_FILE));
        assertFalse(first.isInstalled());
        first.install();
        assertTrue(first.isInstalled());
        assertEquals(1, count(log, "-m venv"));
        assertEquals(2, count(log, "-m pip install"));

        // a changed specification under the same name and version installs again
        PythonTool changed = tool("demo").constraint("setuptools<999").verify("import json").build();
        assertFalse(changed.isInstalled());
        changed.install();
        assertTrue(changed.isInstalled());
        assertFalse(first.isInstalled());
        assertEquals(3, count(log, "-m pip install"));
        assertEquals(1, count(log, "--constraint"));
        assertEquals("setuptools<999\n", Files.readString(changed.home().resolve("dataops4j-constraints.txt")));

        DataOpsException missing = assertThrows(DataOpsException.class, () -> changed.executable("no-such-program"));
        assertTrue(missing.getMessage().contains("has no program 'no-such-program'"), missing.getMessage());
    }

    @Test
    void aFailedCheckLeavesNoMarkerAndReportsTheLogTail() throws IOException {
        PythonTool broken = tool("broken").verify("import sys; sys.exit('check-failed-7f3a')").build();

        DataOpsException failure = assertThrows(DataOpsException.class, broken::install);

        assertTrue(failure.getMessage().startsWith("the installed broken 1.0 failed its check (exit code 1)"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("check-failed-7f3a"), failure.getMessage());
        assertFalse(broken.isInstalled());
        assertFalse(Files.exists(broken.home().resolve(PythonTool.MARKER_FILE)));

        // a broken virtualenv (its interpreter gone) is made again from nothing
        PythonTool fixed = tool("broken").build();
        Files.delete(fixed.python());
        fixed.install();
        assertTrue(fixed.isInstalled());
        assertEquals(2, count(fixed.installLog(), "-m venv"));
    }

    @Test
    void aMissingInterpreterIsReportedWithTheSettingToChange() {
        PythonTool tool = tool("nopython").python("/nonexistent/python3").build();

        DataOpsException failure = assertThrows(DataOpsException.class, tool::install);

        assertTrue(failure.getMessage().contains("cannot run /nonexistent/python3"), failure.getMessage());
        assertFalse(tool.isInstalled());
    }

    @Test
    void specificationsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> PythonTool.builder("../evil", "1"));
        assertThrows(IllegalArgumentException.class, () -> PythonTool.builder("ok", "1/2"));
        IllegalStateException noRequirement = assertThrows(IllegalStateException.class,
                () -> PythonTool.builder("x", "1").build());
        assertTrue(noRequirement.getMessage().contains("\"x==1\""));
        PythonTool tool = PythonTool.builder("mlflow-export-import", "1.2.0").cacheRoot(cache)
                .requirement("mlflow-export-import==1.2.0").build();
        assertEquals(cache.resolve("mlflow-export-import-1.2.0"), tool.home());
        assertEquals(cache.resolve("mlflow-export-import-1.2.0.install.log"), tool.installLog());
        assertEquals("mlflow-export-import", tool.name());
        assertEquals("1.2.0", tool.version());
    }
}
