package io.dataops4j.cli.devops;

import io.dataops4j.cli.CliContext;
import io.dataops4j.core.Secret;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.devops.DevOpsClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How to reach Azure DevOps: {@code --org} (else {@code SYSTEM_COLLECTIONURI}), {@code --project} (else
 * {@code SYSTEM_TEAMPROJECT}), a PAT from the variable {@code --pat-env} names (default {@code AZURE_DEVOPS_EXT_PAT}),
 * else {@code SYSTEM_ACCESSTOKEN}, else Entra ID. Never a secret on the command line.
 */
final class DevOpsConnection {
    @Option(names = "--org", paramLabel = "URL", description = "Organization URL, https://dev.azure.com/ORG (default: SYSTEM_COLLECTIONURI).")
    String org;

    @Option(names = "--project", paramLabel = "P", description = "Project (default: SYSTEM_TEAMPROJECT).")
    String project;

    @Option(names = "--pat-env", paramLabel = "VAR", description = "Environment variable holding a PAT. Default: AZURE_DEVOPS_EXT_PAT, "
            + "then SYSTEM_ACCESSTOKEN, then Entra ID.")
    String patEnv;

    @Option(names = "--release-url", paramLabel = "URL", hidden = true, description = "Release host, when not derivable (servers, tests).")
    String releaseUrl;

    @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "5", description = "First wait between polls, in seconds. Default: ${DEFAULT-VALUE}")
    long pollSeconds;

    String project(CliContext ctx) {
        String p = project != null ? project : ctx.environment().get("SYSTEM_TEAMPROJECT");
        if (p == null || p.isBlank()) {
            throw new ConfigurationException("the project is not set; looked in: option --project, environment variable SYSTEM_TEAMPROJECT");
        }
        return p.strip();
    }

    DevOpsClient client(CliContext ctx) {
        String url = org != null ? org : ctx.environment().get(DevOpsClient.ENV_COLLECTION_URI);
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("the organization is not set; looked in: option --org, environment variable "
                    + DevOpsClient.ENV_COLLECTION_URI);
        }
        DevOpsClient.Builder b = DevOpsClient.builder(url.strip()).pollInterval(Duration.ofMillis(Math.max(1, pollSeconds * 1000)));
        if (patEnv != null) {
            String pat = ctx.environment().get(patEnv);
            if (pat == null || pat.isBlank()) {
                throw new ConfigurationException("--pat-env " + patEnv + ": the environment variable is not set");
            }
            b.pat(Secret.of(pat.strip()));
        } else {
            b.credential(DevOpsClient.credentialFrom(ctx.environment()));
        }
        if (releaseUrl != null) {
            b.releaseUrl(releaseUrl);
        }
        return b.build();
    }

    /** Parses {@code k=v} pairs. */
    static Map<String, String> pairs(List<String> items, String option) {
        Map<String, String> m = new LinkedHashMap<>();
        if (items != null) {
            for (String kv : items) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(option + " expects NAME=VALUE, got: " + kv);
                }
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return m;
    }
}
