package io.dataops4j.devops.relay;

import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The relay's configuration, usually read from a JSON file. Secrets are never in the file: it names the
 * environment variables that hold them.
 *
 * <pre>{@code
 * {"bind": "127.0.0.1", "port": 8089, "path": "/webhook", "stateFile": "relay-state.jsonl",
 *  "organization": "https://dev.azure.com/contoso", "project": "ml",
 *  "mlflowSecretEnv": "RELAY_MLFLOW_SECRET", "databricksSecretEnv": "RELAY_DATABRICKS_SECRET",
 *  "rules": [{"event": "model_version_alias.created", "model": "churn*", "alias": "champion", "releaseDefinitionId": 5}]}
 * }</pre>
 *
 * @param bind                 the address to listen on (default {@code 127.0.0.1}: loopback only)
 * @param port                 the port (0: any free one)
 * @param path                 the webhook path (default {@code /webhook}); {@code /health} is always served
 * @param stateFile            where handled deliveries are remembered across restarts (default {@code relay-state.jsonl})
 * @param maxBodyBytes         the largest accepted body (default 256 KiB)
 * @param retryAttempts        attempts of each DevOps call (default 5)
 * @param replayWindowSeconds  how far an MLflow delivery's timestamp may be from now (default 300)
 * @param organization         the DevOps organization URL
 * @param releaseUrl           the release host when it cannot be derived, or null
 * @param project              the DevOps project
 * @param mlflowSecretEnv      the variable holding the OSS MLflow webhook secret, or null
 * @param databricksSecretEnv  the variable holding the Databricks webhook secret, or null
 * @param rules                the rules; every matching rule acts
 */
public record RelayConfig(String bind, Integer port, String path, String stateFile, Integer maxBodyBytes, Integer retryAttempts,
                          Long replayWindowSeconds, String organization, String releaseUrl, String project,
                          String mlflowSecretEnv, String databricksSecretEnv, List<RelayRule> rules) {
    public RelayConfig {
        bind = bind == null ? "127.0.0.1" : bind;
        port = port == null ? 0 : port;
        path = path == null ? "/webhook" : path;
        stateFile = stateFile == null ? "relay-state.jsonl" : stateFile;
        maxBodyBytes = maxBodyBytes == null ? 256 * 1024 : maxBodyBytes;
        retryAttempts = retryAttempts == null ? 5 : retryAttempts;
        replayWindowSeconds = replayWindowSeconds == null ? 300L : replayWindowSeconds;
        if (project == null || project.isBlank()) {
            throw new ConfigurationException("relay config: \"project\" is required");
        }
        if (rules == null || rules.isEmpty()) {
            throw new ConfigurationException("relay config: \"rules\" needs at least one rule");
        }
        if (!path.startsWith("/") || path.equals("/health")) {
            throw new ConfigurationException("relay config: \"path\" must start with / and not be /health: " + path);
        }
        if (maxBodyBytes <= 0 || retryAttempts <= 0 || replayWindowSeconds < 0) {
            throw new ConfigurationException("relay config: maxBodyBytes and retryAttempts must be positive, replayWindowSeconds not negative");
        }
        rules = List.copyOf(rules);
    }

    /** Reads a JSON config file; errors name the file. */
    public static RelayConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read relay config " + file + ": " + e.getMessage(), e);
        }
        try {
            RelayConfig c = Json.shared().fromJson(text, RelayConfig.class);
            if (c == null) {
                throw new ConfigurationException("relay config " + file + " is empty");
            }
            return c;
        } catch (ConfigurationException e) {
            throw new ConfigurationException(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ConfigurationException("relay config " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The same config on another port. */
    public RelayConfig withPort(int newPort) {
        return new RelayConfig(bind, newPort, path, stateFile, maxBodyBytes, retryAttempts, replayWindowSeconds, organization,
                releaseUrl, project, mlflowSecretEnv, databricksSecretEnv, rules);
    }

    /** The same config with another state file. */
    public RelayConfig withStateFile(Path file) {
        return new RelayConfig(bind, port, path, file.toString(), maxBodyBytes, retryAttempts, replayWindowSeconds, organization,
                releaseUrl, project, mlflowSecretEnv, databricksSecretEnv, rules);
    }
}
