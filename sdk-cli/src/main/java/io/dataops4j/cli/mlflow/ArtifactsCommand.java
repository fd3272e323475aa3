package io.dataops4j.cli.mlflow;

import io.dataops4j.cli.CliContext;
import io.dataops4j.cli.ExitCodes;
import io.dataops4j.cli.progress.Progress;
import io.dataops4j.core.error.DataOpsException;
import io.dataops4j.mlflow.MlflowClient;
import io.dataops4j.mlflow.artifacts.ArtifactFile;
import io.dataops4j.mlflow.artifacts.ArtifactRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dataops4j mlflow artifacts list|download}: a run's artifacts. */
@Command(name = "artifacts", description = "List and download a run's artifacts.", synopsisSubcommandLabel = "COMMAND")
final class ArtifactsCommand {
    private final CliContext ctx;

    @ParentCommand
    MlflowCommand mlflow;

    ArtifactsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Command(name = "list", description = {"List a run's artifacts in a directory (or, with --recursive, every file "
            + "below it), page by page.", "With --json: a JSON array of {path, is_dir, file_size}."})
    int list(@Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id.") String runId,
             @Parameters(index = "1", arity = "0..1", paramLabel = "PATH",
                     description = "A directory among the run's artifacts (default: the top).") String path,
             @Option(names = {"-r", "--recursive"}, description = "Every file below PATH, depth first.") boolean recursive,
             @Option(names = "--max-results", paramLabel = "N", description = "Show at most N entries.") Integer maxResults) {
        Output.checkMax(maxResults);
        String dir = normalize(path);
        try (MlflowClient client = mlflow.client()) {
            Iterable<ArtifactFile> files = recursive ? client.artifacts().listRecursive(runId, dir)
                    : client.artifacts().list(runId, dir);
            Output.list(ctx, files, maxResults, List.of(
                    Table.Column.<ArtifactFile>right("SIZE", f -> f.isDir() ? "-" : Output.bytes(f.fileSize())),
                    Table.Column.<ArtifactFile>of("PATH", f -> f.path() + (f.isDir() ? "/" : ""))),
                    dir.isEmpty() ? "no artifacts" : "no artifacts under " + dir, "entries");
        }
        return ExitCodes.OK;
    }

    @Command(name = "download", description = {"Download a file or a directory (recursively) of a run's artifacts; "
            + "each file streams to disk.", "With --json: {runId, path, local, files, bytes}."})
    int download(@Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id.") String runId,
                 @Parameters(index = "1", arity = "0..1", paramLabel = "PATH",
                         description = "A file or directory among the run's artifacts (default: all of them).") String path,
                 @Option(names = {"-d", "--dest"}, paramLabel = "DIR",
                         description = "The local directory to download into (default: the current directory); "
                                 + "PATH goes there under its own name.") Path dest) {
        String p = normalize(path);
        Path destination = (dest == null ? Path.of("") : dest).toAbsolutePath().normalize();
        try (MlflowClient client = mlflow.client();
             Progress progress = Progress.forContext(ctx)) {
            ArtifactRepository repo = client.artifacts().forRun(runId);
            Files.createDirectories(destination);
            boolean directory = p.isEmpty() || repo.list(p).first().isPresent();
            Path local;
            long files = 0;
            long bytes = 0;
            if (!directory) {
                progress.progress(0, 1, p);
                local = repo.download(p, destination);
                files = 1;
                bytes = Files.size(local);
                progress.progress(1, 1, p);
            } else {
                local = p.isEmpty() ? destination : destination.resolve(name(p));
                Files.createDirectories(local);
                for (ArtifactFile f : repo.listRecursive(p)) {
                    String rel = relative(p, normalize(f.path()));
                    Path target = local.resolve(rel).normalize();
                    if (!target.startsWith(local) || target.equals(local)) {
                        throw new IllegalStateException("artifact path '" + f.path() + "' escapes " + local);
                    }
                    progress.progress(files, -1, f.path());
                    Files.createDirectories(target.getParent());
                    Path written = repo.download(f.path(), target.getParent());
                    files++;
                    bytes += Files.size(written);
                }
                progress.progress(files, files, "done");
            }
            ArtifactDownload result = new ArtifactDownload(runId, p, local.toString(), files, bytes);
            if (ctx.json()) {
                ctx.printJson(result);
            } else {
                ctx.out().println("Downloaded " + files + (files == 1 ? " file" : " files") + " (" + Output.bytes(bytes)
                        + " bytes) to " + local);
                ctx.out().flush();
            }
        } catch (IOException e) {
            throw new DataOpsException("cannot write to " + destination + ": " + e, e);
        }
        return ExitCodes.OK;
    }

    /** A '/'-separated artifact path without leading, trailing or doubled slashes. */
    static String normalize(String path) {
        if (path == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String seg : path.replace('\\', '/').split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                throw new IllegalArgumentException("artifact path must not contain '..': " + path);
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(seg);
        }
        return sb.toString();
    }

    private static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static String relative(String dir, String path) {
        if (dir.isEmpty()) {
            return path;
        }
        if (path.startsWith(dir + "/")) {
            return path.substring(dir.length() + 1);
        }
        throw new IllegalStateException("artifact '" + path + "' is not under '" + dir + "'");
    }
}
