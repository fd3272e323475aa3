package io.dataops4j.adf.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The state in a local file (or in a folder, one file per factory). */
final class FileStateStore implements StateStore {
    private final Path path;

    FileStateStore(Path path) {
        this.path = path;
    }

    private Path file(String factoryName) {
        return Files.isDirectory(path) ? path.resolve(StateStore.fileName(factoryName)) : path;
    }

    @Override
    public DeploymentState load(String factoryName) {
        return DeploymentState.load(file(factoryName));
    }

    @Override
    public void save(String factoryName, DeploymentState state) {
        state.save(file(factoryName));
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public String toString() {
        return "StateStore[" + path + "]";
    }
}
