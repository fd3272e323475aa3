package io.dataops4j.adf.deploy;

import io.dataops4j.adf.internal.StorageErrors;
import io.dataops4j.core.Redactor;
import io.dataops4j.core.Secret;
import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.error.ConfigurationException;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.error.ServiceException;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.core.http.ApiRequest;
import io.dataops4j.core.http.ApiResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state in an Azure Storage blob, through the Blob REST API: Get Blob, and Put Blob with
 * {@code x-ms-blob-type: BlockBlob} made conditional on the ETag read ({@code If-Match}, or {@code If-None-Match: *}
 * when there was no blob). Headers and query as the official client (azure-storage-blob) sends them, recorded in
 * src/test/resources/wire/blob-state-recording.jsonl; a plain GET without {@code x-ms-range} (the state is small).
 */
final class BlobStateStore implements StateStore {
    /** The Blob service version sent: any version from 2017-11-09 on accepts Entra ID tokens. */
    static final String STORAGE_VERSION = "2021-08-06";
    private static final Logger LOG = LoggerFactory.getLogger(BlobStateStore.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final String base;
    private final String sas;
    private final ApiClient http;

    BlobStateStore(String url, Credential credential) {
        Objects.requireNonNull(url, "url");
        String u = url.strip();
        int q = u.indexOf('?');
        String query = q < 0 ? null : u.substring(q + 1);
        String path = q < 0 ? u : u.substring(0, q);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(path);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("the deployment state location is not a valid URL: " + Redactor.url(u));
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new ConfigurationException("the deployment state location must be the URL of a container, a folder or a blob: "
                    + Redactor.url(u));
        }
        this.sas = query == null || query.isBlank() ? null : query;
        if (sas != null) {
            for (String part : sas.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0 && Redactor.isSecretParam(part.substring(0, eq)) && eq + 1 < part.length()) {
                    // the signature, as written and decoded: masked wherever it would show
                    Secret.of(part.substring(eq + 1));
                    Secret.ofNullable(URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        this.base = path;
        this.http = ApiClient.builder("STORAGE", "sdk-adf")
                .baseUrl(uri.getScheme() + "://" + uri.getRawAuthority() + "/")
                .credential(sas != null ? Credential.none() : Objects.requireNonNull(credential, "credential"))
                .errorParser(StorageErrors.INSTANCE)
                .requestIdHeader("x-ms-client-request-id")
                .build();
    }

    static boolean hasSas(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return false;
        }
        for (String part : url.substring(q + 1).split("&")) {
            if (part.toLowerCase(Locale.ROOT).startsWith("sig=")) {
                return true;
            }
        }
        return false;
    }

    private String blobPath(String factoryName) {
        return base.toLowerCase(Locale.ROOT).endsWith(".json") ? base : base + "/" + StateStore.fileName(factoryName);
    }

    private ApiRequest.Builder request(String method, String factoryName) {
        String path = blobPath(factoryName);
        ApiRequest.Builder b = ApiRequest.method(method, sas == null ? path : path + "?" + sas)
                .header("x-ms-version", STORAGE_VERSION)
                .header("x-ms-date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (sas != null) {
            b.unauthenticated();
        }
        return b;
    }

    @Override
    public DeploymentState load(String factoryName) {
        String text;
        String etag;
        try (ApiResponse r = http.execute(request("GET", factoryName).operation("storage.getBlob").build())) {
            etag = r.header("ETag");
            text = r.bodyString();
        } catch (ResourceNotFoundException e) {
            LOG.info("no deployment state at {} yet", where(factoryName));
            return DeploymentState.empty();
        }
        try {
            return DeploymentState.parse(text).withEtag(etag);
        } catch (RuntimeException e) {
            throw new DataOpsException("the deployment state at " + where(factoryName) + " is not a state file: " + e.getMessage());
        }
    }

    @Override
    public void save(String factoryName, DeploymentState state) {
        byte[] data = (state.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        ApiRequest.Builder b = request("PUT", factoryName)
                .header("x-ms-blob-type", "BlockBlob")
                .header("x-ms-blob-content-type", "application/json")
                .body(ApiBody.bytes(data, "application/octet-stream"))
                .operation("storage.putBlob");
        if (state.etag() != null) {
            b.header("If-Match", state.etag());
        } else {
            b.header("If-None-Match", "*");
        }
        try {
            http.send(b.build());
        } catch (ServiceException e) {
            if (e.status() == 409 || e.status() == 412) {
                throw new DataOpsException("the deployment state at " + where(factoryName) + " was changed by another deployment since "
                        + "this one read it (" + e.status() + " " + e.errorCode() + "); it was not overwritten: deploy again", e);
            }
            throw e;
        }
        LOG.info("saved the deployment state to {}", where(factoryName));
    }

    private String where(String factoryName) {
        return Redactor.url(blobPath(factoryName));
    }

    @Override
    public String location() {
        return Redactor.url(sas == null ? base : base + "?" + sas);
    }

    @Override
    public String toString() {
        return "StateStore[" + location() + "]";
    }
}
