package io.dataops4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * picocli repeats unknown and unmatched arguments in its usage errors; a secret typed after a mistyped option
 * ({@code --secret whsec_...} instead of {@code --secret-env VAR}) must not be printed back, while the option's name is.
 */
class UsageErrorMaskingTest {
    private static final String SECRET = "whsec_abc7f3e91d";

    @TempDir
    Path home;

    private CliHarness.Result run(String... args) {
        return CliHarness.in(home).run(args);
    }

    private static void assertMasked(CliHarness.Result r, String option) {
        assertEquals(ExitCodes.USAGE, r.code(), r::toString);
        assertFalse(r.out().contains(SECRET), r::toString);
        assertFalse(r.err().contains(SECRET), r::toString);
        assertTrue(r.err().contains(option), "the option is still named: " + r);
        assertTrue(r.err().contains("****"), "the value is shown masked: " + r);
    }

    static Stream<Arguments> sensitiveOptions() {
        return Stream.of(
                Arguments.of("--secret", "databricks webhooks create --model churn --event MODEL_VERSION_CREATED"),
                Arguments.of("--token", "databricks jobs list"),
                Arguments.of("--Password", "doctor"),
                Arguments.of("--pat", "devops releases list --project proj"),
                Arguments.of("--api-key", "doctor"),
                Arguments.of("--SIG", "doctor"),
                Arguments.of("-key", "doctor"));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("sensitiveOptions")
    void theValueAfterAnUnknownSensitiveOptionIsMasked(String option, String command) {
        String[] base = command.split(" ");
        String[] args = Stream.concat(Stream.of(base), Stream.of(option, SECRET)).toArray(String[]::new);
        assertMasked(run(args), option);
        // the option before the command's own options, and in the --opt=value form
        String[] before = Stream.concat(Stream.of(base), Stream.of(option + "=" + SECRET)).toArray(String[]::new);
        assertMasked(run(before), option);
    }

    @Test
    void theExampleFromTheBugReportAndItsJsonForm() {
        // as reported: picocli first misses the required --event, and must not show the secret either
        CliHarness.Result bare = run("databricks", "webhooks", "create", "--secret", SECRET);
        assertEquals(ExitCodes.USAGE, bare.code(), bare::toString);
        assertFalse(bare.err().contains(SECRET) || bare.out().contains(SECRET), bare::toString);

        CliHarness.Result r = run("databricks", "webhooks", "create", "--event", "MODEL_VERSION_CREATED", "--secret", SECRET);
        assertMasked(r, "--secret");
        assertTrue(r.err().startsWith("dataops4j: Unknown options: '--secret', '****'"), r::toString);
        assertTrue(r.err().contains("did you mean '--secret-env'?"), "the suggestion stays: " + r);

        CliHarness.Result json = run("--json", "databricks", "webhooks", "create", "--secret", SECRET, "--event",
                "MODEL_VERSION_CREATED");
        assertMasked(json, "--secret");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) json.errJson().get("error");
        assertEquals("usage", error.get("kind"));
        assertTrue(String.valueOf(error.get("message")).contains("--secret"), error::toString);
    }

    @Test
    void otherUnknownArgumentsAreStillShownAsTyped() {
        CliHarness.Result r = run("doctor", "--bogus", "plain-value");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("'--bogus'"), r::toString);
        assertTrue(r.err().contains("plain-value"), "a value after an option that names nothing secret is kept: " + r);
        assertFalse(r.err().contains("****"), r::toString);
    }
}
