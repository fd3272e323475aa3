package io.dataops4j.cli.doctor;

import io.dataops4j.core.Redactor;
import io.dataops4j.core.config.ConfigResolver;
import io.dataops4j.core.config.Resolved;
import io.dataops4j.core.config.Setting;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * MLflow's conventions: {@code MLFLOW_TRACKING_URI} (an http(s) tracking server, or {@code databricks} /
 * {@code databricks://<profile>} for a workspace's MLflow), then {@code MLFLOW_TRACKING_TOKEN} (bearer, which wins),
 * or {@code MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD} (HTTP basic), and
 * {@code MLFLOW_TRACKING_INSECURE_TLS}.
 */
public final class MlflowConfig implements ServiceConfigDescriptor {
    static final String SERVICE = "MLflow";

    static final Setting TRACKING_URI = Setting.of("tracking_uri", "tracking server URI").env("MLFLOW_TRACKING_URI");
    static final Setting TOKEN = Setting.of("token", "bearer token").env("MLFLOW_TRACKING_TOKEN").asSecret();
    static final Setting USERNAME = Setting.of("username", "user name").env("MLFLOW_TRACKING_USERNAME");
    static final Setting PASSWORD = Setting.of("password", "password").env("MLFLOW_TRACKING_PASSWORD").asSecret();
    static final Setting INSECURE_TLS = Setting.of("insecure_tls", "skip TLS certificate checks")
            .env("MLFLOW_TRACKING_INSECURE_TLS").defaultValue("false");

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public ServiceReport inspect(DoctorContext context) {
        Inspection in = new Inspection();
        ConfigResolver resolver = ConfigResolver.of(SERVICE, context.environment());
        Optional<Resolved> uri = in.check(resolver, TRACKING_URI);
        Optional<Resolved> token = in.check(resolver, TOKEN);
        Optional<Resolved> username = in.check(resolver, USERNAME);
        Optional<Resolved> password = in.check(resolver, PASSWORD);
        Resolved insecure = in.check(resolver, INSECURE_TLS).orElseThrow();
        if (insecure.value().strip().equalsIgnoreCase("true")) {
            in.note("TLS certificates are not checked (" + insecure.source() + ")");
        }

        if (uri.isEmpty()) {
            in.missing(resolver, TRACKING_URI);
            return in.report(SERVICE, null, CredentialReport.none("no tracking server"));
        }
        String value = uri.get().value().strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("databricks") || lower.startsWith("databricks://")) {
            String profile = lower.startsWith("databricks://") && value.length() > "databricks://".length()
                    ? value.substring("databricks://".length()) : null;
            ServiceReport workspace = new DatabricksConfig().inspect(context, profile);
            workspace.problems().forEach(p -> in.problem("Databricks: " + p));
            CredentialReport dbx = workspace.credential();
            return in.report(SERVICE, null, new CredentialReport("databricks",
                    "the Databricks workspace's credential: " + dbx.kind() + " (" + dbx.description() + ")",
                    dbx.from(), dbx.azureIdentity()));
        }
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            in.problem("tracking_uri " + Redactor.url(value) + " is not an http(s) tracking server or databricks; "
                    + "dataops4j talks to MLflow's REST API");
        }
        CredentialReport credential;
        if (token.isPresent()) {
            credential = new CredentialReport("bearer", "bearer token", Inspection.sources(List.of(token)), null);
            if (username.isPresent() || password.isPresent()) {
                in.note("the token wins over user name and password");
            }
        } else if (username.isPresent() && password.isPresent()) {
            credential = new CredentialReport("basic", "user name and password (HTTP basic)",
                    Inspection.sources(List.of(username, password)), null);
        } else {
            if (username.isPresent() != password.isPresent()) {
                in.problem((username.isPresent() ? "username" : "password") + " is set without "
                        + (username.isPresent() ? "password" : "username"));
            }
            credential = CredentialReport.none("no credential: requests are sent without authentication");
        }
        return in.report(SERVICE, null, credential);
    }
}
