package io.dataops4j.adf.deploy;

import io.dataops4j.core.auth.Credential;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the incremental deployment state is kept between deployments: a local file, or a blob in Azure Storage,
 * read and written through the Blob REST API (Get Blob, Put Blob). As azure.datafactory.tools does it, a folder
 * or container location holds one state per target factory, {@code {location}/{factory}.adftools_deployment_state.json};
 * a location ending in {@code .json} is the state itself.
 *
 * <p>A blob is authorized by a SAS in its URL (the signature is a secret: it never reaches a log, a message or
 * {@link #location()}) or by an Entra ID credential for {@link #STORAGE_SCOPE}. It is replaced only if nobody
 * changed it since it was read ({@code If-Match} on its ETag, {@code If-None-Match: *} when there was none): two
 * deployments of one factory at once do not silently lose each other's record.
 *
 * <pre>{@code
 * StateStore local = StateStore.file(Path.of("state"));             // state/adf-prod.adftools_deployment_state.json
 * StateStore sas = StateStore.blob(System.getenv("STATE_SAS_URL"), Credential.none());
 * StateStore entra = StateStore.blob("https://acct.blob.core.windows.net/adf-state",
 *     EntraIdCredential.defaultAzure(StateStore.STORAGE_SCOPE));
 * AdfDeployment.fromFolder(root).options(o -> o.incremental(entra)).plan(adf).apply(DeploymentListener.NONE);
 * }</pre>
 */
public interface StateStore {
    /** The Entra ID scope of Azure Storage. */
    String STORAGE_SCOPE = "https://storage.azure.com/.default";

    /** The file name azure.datafactory.tools gives a factory's state in a folder or container. */
    static String fileName(String factoryName) {
        return factoryName + ".adftools_deployment_state.json";
    }

    /** The state recorded for a target factory; an empty state when none was recorded yet. */
    DeploymentState load(String factoryName);

    /**
     * Saves the state of a target factory.
     *
     * @throws io.dataops4j.core.error.DataOpsException when the stored state changed since it was loaded (then
     *                                                  nothing is overwritten)
     */
    void save(String factoryName, DeploymentState state);

    /** Where the state is kept, safe to print (a SAS signature is masked). */
    String location();

    /** A local file, or a folder that holds {@code {factory}.adftools_deployment_state.json}. */
    static StateStore file(Path path) {
        return new FileStateStore(Objects.requireNonNull(path, "path"));
    }

    /**
     * A blob: the URL of a container or folder (the state is {@code {url}/{factory}.adftools_deployment_state.json})
     * or of the blob itself (ending in {@code .json}). When the URL carries a SAS ({@code ...?sv=...&sig=...}) the
     * credential is not used (pass {@link Credential#none()}); else it is an Entra ID credential for
     * {@link #STORAGE_SCOPE}.
     */
    static StateStore blob(String url, Credential credential) {
        return new BlobStateStore(url, credential);
    }

    /**
     * A location as given on a command line: an {@code https://} (or loopback {@code http://}) URL is a blob, with
     * the credential asked for only when the URL has no SAS; anything else is a local path.
     */
    static StateStore of(String location, Supplier<Credential> storageCredential) {
        Objects.requireNonNull(location, "location");
        String l = location.strip();
        if (l.regionMatches(true, 0, "https://", 0, 8) || l.regionMatches(true, 0, "http://", 0, 7)) {
            return blob(l, BlobStateStore.hasSas(l) ? Credential.none() : storageCredential.get());
        }
        return file(Path.of(l));
    }
}
