package io.dataops4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.Secret;
import io.dataops4j.core.error.BadRequestException;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.error.OperationFailedException;
import io.dataops4j.core.error.PollTimeoutException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.error.ServerErrorException;
import io.dataops4j.core.error.ServiceError;
import io.dataops4j.core.error.TransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExitCodesTest {
    @TempDir
    Path home;

    /** A command that fails the way a service command would. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Supplier<RuntimeException> failure;

        Boom(Supplier<RuntimeException> failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure.get();
        }
    }

    private CliHarness.Result boom(Supplier<RuntimeException> failure, String... args) {
        return CliHarness.in(home).run(cl -> cl.addSubcommand("boom", new Boom(failure)), args);
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("DATABRICKS", 404, ServiceError.of("RESOURCE_DOES_NOT_EXIST", "Job 42 does not exist"),
                "req-123", "GET", "https://adb-1.azuredatabricks.net/api/2.2/jobs/get?job_id=42");
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("service 404", (Supplier<RuntimeException>) ExitCodesTest::notFound, 1, "service"),
                Arguments.of("service 400", (Supplier<RuntimeException>) () -> new BadRequestException("MLFLOW", 400,
                        ServiceError.of("INVALID_PARAMETER_VALUE", "bad"), null, "POST", "http://127.0.0.1/x"), 1, "service"),
                Arguments.of("service 503", (Supplier<RuntimeException>) () -> new ServerErrorException("ARM", 503,
                        null, null, "GET", "https://management.azure.com/x"), 1, "service"),
                Arguments.of("transport", (Supplier<RuntimeException>) () -> new TransportException("GET https://x.example/ failed",
                        new ConnectException("Connection refused")), 1, "transport"),
                Arguments.of("poll timeout", (Supplier<RuntimeException>) () -> new PollTimeoutException("run 7 still RUNNING after PT1M", "RUNNING"), 1, "timeout"),
                Arguments.of("operation failed", (Supplier<RuntimeException>) () -> new OperationFailedException("run 7 ended FAILED", "FAILED"), 1, "operation"),
                Arguments.of("other dataops failure", (Supplier<RuntimeException>) () -> new DataOpsException("copy failed"), 1, "failed"),
                Arguments.of("unexpected", (Supplier<RuntimeException>) () -> new IllegalStateException("oops"), 1, "internal"),
                Arguments.of("configuration", (Supplier<RuntimeException>) () -> new ConfigurationException(
                        "Databricks workspace host is not set; looked in: environment variable DATABRICKS_HOST"), 2, "configuration"),
                Arguments.of("bad input", (Supplier<RuntimeException>) () -> new IllegalArgumentException("stage 'qa' is not in config.csv"), 2, "input"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void exceptionsMapToExitCodesWithOneLine(String name, Supplier<RuntimeException> failure, int code, String kind) {
        CliHarness.Result r = boom(failure, "boom");
        assertEquals(code, r.code(), r::toString);
        assertEquals("", r.out());
        String[] lines = r.err().split("\\R");
        assertEquals(1, lines.length, r::toString);
        assertTrue(lines[0].startsWith("dataops4j: "), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void exceptionsAsJsonOnStderr(String name, Supplier<RuntimeException> failure, int code, String kind) {
        CliHarness.Result r = boom(failure, "--json", "boom");
        assertEquals(code, r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().split("\\R").length, r::toString);
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) r.errJson().get("error");
        assertEquals(kind, error.get("kind"));
        assertEquals((long) code, error.get("exitCode"));
        assertFalse(((String) error.get("message")).isBlank());
        assertNull(error.get("trace"));
    }

    @Test
    void serviceErrorsCarryStatusCodeAndRequestId() {
        CliHarness.Result text = boom(ExitCodesTest::notFound, "boom");
        assertEquals("dataops4j: DATABRICKS 404 RESOURCE_DOES_NOT_EXIST: Job 42 does not exist "
                + "[GET https://adb-1.azuredatabricks.net/api/2.2/jobs/get?job_id=42]; request-id: req-123", text.err().strip());

        CliHarness.Result json = boom(ExitCodesTest::notFound, "boom", "--json");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) json.errJson().get("error");
        assertEquals("DATABRICKS", error.get("service"));
        assertEquals(404L, error.get("status"));
        assertEquals("RESOURCE_DOES_NOT_EXIST", error.get("errorCode"));
        assertEquals("req-123", error.get("requestId"));
    }

    @Test
    void transportErrorsNameTheCause() {
        CliHarness.Result r = boom(() -> new TransportException("GET https://x.example/ failed", new IOException("unexpected end of stream")), "boom");
        assertEquals("dataops4j: GET https://x.example/ failed: unexpected end of stream", r.err().strip());
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliHarness.Result r = boom(() -> new IllegalStateException("oops"), "--verbose", "boom");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("dataops4j: internal error: java.lang.IllegalStateException: oops\n"), r::toString);
        assertTrue(r.err().contains("\tat io.dataops4j.cli.ExitCodesTest$Boom.call"), r::toString);

        CliHarness.Result json = boom(() -> new IllegalStateException("oops"), "--json", "--verbose", "boom");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) json.errJson().get("error");
        assertTrue(((String) error.get("trace")).contains("ExitCodesTest$Boom.call"), json::toString);
    }

    @Test
    void internalErrorsHintAtVerbose() {
        CliHarness.Result r = boom(() -> new NullPointerException(), "boom");
        assertEquals("dataops4j: internal error: java.lang.NullPointerException (--verbose shows the stack trace)", r.err().strip());
    }

    @Test
    void errorsNeverPrintASecret() {
        String secret = "dapi-0123456789abcdef-secret";
        Secret.of(secret);
        String plain = "p4ssw0rd-not-registered";
        Supplier<RuntimeException> leaky = () -> new IllegalArgumentException(
                "cannot use " + secret + " with jdbc:sqlserver://db;user=me;password=" + plain);
        for (String[] args : new String[][] {{"boom"}, {"--json", "boom"}, {"--verbose", "boom"}, {"--json", "--verbose", "boom"}}) {
            CliHarness.Result r = boom(leaky, args);
            assertEquals(2, r.code());
            assertFalse(r.err().contains(secret), r::toString);
            assertFalse(r.err().contains(plain), r::toString);
            assertTrue(r.err().contains("****"), r::toString);
        }
    }

    @Test
    void unknownCommandIsUsageError() {
        CliHarness.Result r = CliHarness.in(home).run("nonsense");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().split("\\R").length, r::toString);
        assertTrue(r.err().startsWith("dataops4j: Unmatched argument at index 0: 'nonsense'"), r::toString);
        assertTrue(r.err().strip().endsWith("(see 'dataops4j --help')"), r::toString);
    }

    @Test
    void unknownOptionOfASubcommandNamesTheSubcommandsHelp() {
        CliHarness.Result r = CliHarness.in(home).run("doctor", "--bogus");
        assertEquals(2, r.code());
        assertEquals("dataops4j: Unknown option: '--bogus' (see 'dataops4j doctor --help')", r.err().strip());
    }

    @Test
    void usageErrorsAsJson() {
        CliHarness.Result r = CliHarness.in(home).run("--json", "nonsense");
        assertEquals(2, r.code());
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) r.errJson().get("error");
        assertEquals("usage", error.get("kind"));
        assertEquals(2L, error.get("exitCode"));
        // --json after the error still counts
        assertEquals("usage", ((Map<?, ?>) CliHarness.in(home).run("doctor", "--bogus", "--json").errJson().get("error")).get("kind"));
    }

    @Test
    void noCommandPrintsUsageAndFails() {
        CliHarness.Result r = CliHarness.in(home).run();
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Usage: dataops4j"), r::toString);
        assertEquals("", r.out());

        CliHarness.Result json = CliHarness.in(home).run("--json");
        assertEquals(2, json.code());
        assertEquals(Map.of("kind", "usage", "message", "Missing required command", "exitCode", 2L), json.errJson().get("error"));
    }

    @Test
    void helpSucceedsAndListsEveryCommand() {
        CliHarness.Result r = CliHarness.in(home).run("--help");
        assertEquals(0, r.code());
        for (Class<?> c : Subcommands.ALL) {
            String name = c.getAnnotation(Command.class).name();
            assertTrue(r.out().contains("\n  " + name + " "), name + " missing from\n" + r.out());
        }
        CliHarness.Result doctor = CliHarness.in(home).run("help", "doctor");
        assertEquals(0, doctor.code());
        assertTrue(doctor.out().startsWith("Usage: dataops4j doctor"), doctor::toString);
        assertEquals(doctor.out(), CliHarness.in(home).run("doctor", "--help").out());
        CliHarness.Result unknown = CliHarness.in(home).run("help", "nope");
        assertEquals(2, unknown.code());
        assertEquals("dataops4j: unknown command 'nope' (see 'dataops4j --help')", unknown.err().strip());
    }

    @Test
    void successIsZero() {
        CommandLine cl = Cli.commandLine(CliContext.builder().home(home).build());
        assertEquals(0, cl.execute("version"));
        assertEquals(0, cl.execute("doctor"));
    }
}
