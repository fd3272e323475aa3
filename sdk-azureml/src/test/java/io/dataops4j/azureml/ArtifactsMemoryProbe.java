package io.dataops4j.azureml;

import io.dataops4j.core.auth.Credential;
import io.dataops4j.core.Secret;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.http.ApiClient;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM with a heap smaller than the files it moves ({@link AzureMlArtifactsTest}): uploads each file
 * given and downloads it back through {@link AzureMlArtifactRepository}; an implementation that held a file in memory
 * fails with OutOfMemoryError. Prints "ok" and the heap limit.
 */
public final class ArtifactsMemoryProbe {
    private ArtifactsMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path out = Path.of(args[1]);
        ApiClient http = ApiClient.builder("azureml", "sdk-azureml").baseUrl(base)
                .credential(Credential.bearer(Secret.of(FakeAmlArtifacts.TOKEN))).build();
        ArtifactRepository repo = AzureMlArtifactRepository.of(http, null, FakeAmlArtifacts.ARTIFACT_URI);
        for (int i = 2; i < args.length; i++) {
            Path f = Path.of(args[i]);
            String name = "big/" + f.getFileName();
            repo.upload(name, ApiBody.file(f, "application/octet-stream"));
            try (var in = repo.open(name)) {
                Files.copy(in, out.resolve(f.getFileName()));
            }
        }
        System.out.println("ok maxHeap=" + Runtime.getRuntime().maxMemory());
    }
}
