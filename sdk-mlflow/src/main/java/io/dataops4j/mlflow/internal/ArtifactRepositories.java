package io.dataops4j.mlflow.internal;

import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import io.dataops4j.mlflow.artifacts.ArtifactRepositoryFactory;
import io.dataops4j.mlflow.artifacts.MultipartUpload;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the artifact repository for an artifact URI: the user's factories first, then the MLflow artifact proxy
 * ({@code mlflow-artifacts:[//host:port]/path}, resolved against the tracking URI the way
 * {@code mlflow/store/artifact/mlflow_artifacts_repo.py} does, and {@code http(s)://.../api/2.0/mlflow-artifacts/artifacts/...}),
 * then local paths ({@code file:} URIs and absolute paths).
 */
public final class ArtifactRepositories {
    private static final String PROXY_ANCHOR = "/api/2.0/mlflow-artifacts/artifacts";

    private final ApiClient tracking;
    private final List<ArtifactRepositoryFactory> factories;
    private final MultipartUpload multipart;
    private final Map<String, Boolean> multipartSupport = new ConcurrentHashMap<>();
    private final Map<String, ApiClient> derived = new ConcurrentHashMap<>();

    public ArtifactRepositories(ApiClient tracking, List<ArtifactRepositoryFactory> factories, MultipartUpload multipart) {
        this.tracking = tracking;
        this.factories = List.copyOf(factories);
        this.multipart = multipart;
    }

    /** The repository rooted at an artifact URI. */
    public ArtifactRepository forUri(String artifactUri) {
        if (artifactUri == null || artifactUri.isBlank()) {
            throw new IllegalArgumentException("an artifact URI is required");
        }
        String uri = artifactUri.strip();
        for (ArtifactRepositoryFactory f : factories) {
            Optional<ArtifactRepository> repo = f.create(uri);
            if (repo != null && repo.isPresent()) {
                return repo.get();
            }
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mlflow-artifacts:")) {
            String rest = uri.substring("mlflow-artifacts:".length());
            String authority = null;
            if (rest.startsWith("//")) {
                int slash = rest.indexOf('/', 2);
                authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
                rest = slash < 0 ? "" : rest.substring(slash);
            }
            ApiClient http = tracking;
            if (authority != null && !authority.isEmpty() && !authority.equalsIgnoreCase(tracking.baseUrl().getRawAuthority())) {
                URI base = tracking.baseUrl();
                http = client(base.getScheme() + "://" + authority + base.getRawPath());
            }
            return new ProxyArtifactRepository(http, uri, decode(rest), multipart, multipartSupport);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int anchor = uri.indexOf(PROXY_ANCHOR);
            if (anchor >= 0) {
                String base = uri.substring(0, anchor + 1);
                String root = uri.substring(anchor + PROXY_ANCHOR.length());
                ApiClient http = base.equals(tracking.baseUrl().toString()) ? tracking : client(base);
                return new ProxyArtifactRepository(http, uri, decode(root), multipart, multipartSupport);
            }
        }
        if (lower.startsWith("file:")) {
            return new LocalArtifactRepository(filePath(uri), uri);
        }
        if (uri.startsWith("/")) {
            return new LocalArtifactRepository(Path.of(uri), uri);
        }
        int colon = uri.indexOf(':');
        String scheme = colon > 0 ? uri.substring(0, colon) : uri;
        throw new ConfigurationException("no artifact repository for '" + scheme + "' URIs (" + uri + "): the tracking "
                + "server can still list these artifacts (artifacts().list), but reading and writing them needs an "
                + "ArtifactRepositoryFactory for this storage on MlflowClient.builder()");
    }

    private ApiClient client(String baseUrl) {
        return derived.computeIfAbsent(baseUrl, b -> tracking.newBuilder().baseUrl(b).build());
    }

    private static String decode(String path) {
        return ArtifactPaths.normalize(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    private static Path filePath(String uri) {
        try {
            return Path.of(new URI(uri));
        } catch (Exception e) {
            // not a well-formed file URI (spaces, no authority): take the path as written
            String p = uri.substring("file:".length());
            if (p.startsWith("//")) {
                int slash = p.indexOf('/', 2);
                p = slash < 0 ? "/" : p.substring(slash);
            }
            return Path.of(URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
    }
}
