package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.BadRequestException;
import io.dataops4j.core.error.ConflictException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.http.ApiBody;
import io.dataops4j.core.paging.Page;
import io.dataops4j.mlflow.registry.CreateModelVersion;
import io.dataops4j.mlflow.registry.ModelStage;
import io.dataops4j.mlflow.registry.ModelVersion;
import io.dataops4j.mlflow.registry.ModelVersionStatus;
import io.dataops4j.mlflow.registry.ModelVersions;
import io.dataops4j.mlflow.registry.RegisteredModel;
import io.dataops4j.mlflow.registry.RegisteredModels;
import io.dataops4j.mlflow.registry.SearchModelVersions;
import io.dataops4j.mlflow.registry.SearchRegisteredModels;
import io.dataops4j.mlflow.tracking.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {
    private final MlflowClient mlflow = TestSupport.client();
    private final RegisteredModels models = mlflow.registeredModels();
    private final ModelVersions versions = mlflow.modelVersions();

    @TempDir
    Path tmp;

    private Run runWithModel() {
        Run run = mlflow.runs().create(mlflow.experiments().create(TestSupport.unique("registry")), "train");
        mlflow.artifacts().upload(run.id(), "model/MLmodel",
                ApiBody.bytes("artifact_path: model\nflavors: {}\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
        return run;
    }

    private ModelVersion register(String name, Run run) {
        return versions.createAndWait(CreateModelVersion.builder(name, run.info().artifactUri() + "/model")
                .runId(run.id()).build(), Duration.ofMinutes(1));
    }

    @Test
    void registeredModelLifecycleWithUnicode() {
        String name = TestSupport.unique("modèle-π-日本");
        RegisteredModel created = models.create(name, "prédit le churn ✓", List.of(Tag.of("équipe", "fraude")));
        assertEquals(name, created.name());
        assertEquals("prédit le churn ✓", created.description());
        assertEquals("fraude", created.tag("équipe"));
        assertNotNull(created.creationTimestamp());

        assertEquals(name, models.get(name).name());
        ConflictException dup = assertThrows(ConflictException.class, () -> models.create(name));
        assertEquals("RESOURCE_ALREADY_EXISTS", dup.errorCode());

        assertEquals("nouvelle", models.updateDescription(name, "nouvelle").description());
        models.setTag(name, "stade", "bêta");
        models.deleteTag(name, "équipe");
        RegisteredModel tagged = models.get(name);
        assertEquals("bêta", tagged.tag("stade"));
        assertNull(tagged.tag("équipe"));

        RegisteredModel renamed = models.rename(name, name + "-v2");
        assertEquals(name + "-v2", renamed.name());
        assertTrue(models.find(name).isEmpty());

        models.delete(name + "-v2");
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class, () -> models.get(name + "-v2"));
        assertEquals("RESOURCE_DOES_NOT_EXIST", gone.errorCode());
    }

    @Test
    void searchPagesLazily() {
        String prefix = TestSupport.unique("search-models");
        for (int i = 0; i < 5; i++) {
            models.create(prefix + "-" + i);
        }
        SearchRegisteredModels q = SearchRegisteredModels.filter("name LIKE '" + prefix + "-%'").orderBy("name DESC").pageSize(2);
        List<Page<RegisteredModel>> pages = new ArrayList<>();
        models.search(q).byPage().forEach(pages::add);
        assertEquals(List.of(2, 2, 1), pages.stream().map(p -> p.items().size()).toList());
        assertEquals(List.of(prefix + "-4", prefix + "-3", prefix + "-2", prefix + "-1", prefix + "-0"),
                models.search(q).stream().map(RegisteredModel::name).toList());
        assertTrue(models.search().stream().anyMatch(m -> m.name().equals(prefix + "-0")));
    }

    @Test
    void versionsStagesAliasesTagsAndDownload() throws Exception {
        String name = TestSupport.unique("versions");
        models.create(name);
        Run run = runWithModel();

        ModelVersion v1 = register(name, run);
        assertEquals("1", v1.version());
        assertEquals(ModelVersionStatus.READY, v1.status());
        assertEquals(run.id(), v1.runId());
        assertEquals(run.info().artifactUri() + "/model", v1.source());
        assertEquals(ModelStage.NONE, v1.currentStage());
        ModelVersion v2 = versions.create(CreateModelVersion.builder(name, run.info().artifactUri() + "/model")
                .runId(run.id()).description("deuxième").tag("qualité", "élevée").build()).waitForCompletion(Duration.ofMinutes(1));
        assertEquals("2", v2.version());
        assertEquals("élevée", v2.tag("qualité"));
        assertEquals("deuxième", versions.get(name, "2").description());

        // stages, with and without archiving the versions already there
        assertEquals(ModelStage.PRODUCTION, versions.transitionStage(name, "1", ModelStage.PRODUCTION, false).currentStage());
        assertEquals(ModelStage.PRODUCTION, versions.transitionStage(name, "2", ModelStage.PRODUCTION, true).currentStage());
        assertEquals(ModelStage.ARCHIVED, versions.get(name, "1").currentStage());
        assertEquals(List.of("2"), models.latestVersions(name, ModelStage.PRODUCTION).stream().map(ModelVersion::version).toList());
        versions.transitionStage(name, "1", ModelStage.STAGING, false);
        assertEquals(2, models.latestVersions(name).size());

        // aliases
        models.setAlias(name, "champion", "2");
        models.setAlias(name, "challenger", "1");
        assertEquals("2", models.getVersionByAlias(name, "champion").version());
        assertEquals("2", models.get(name).aliasVersion("champion"));
        assertEquals(List.of("champion"), versions.get(name, "2").aliases());
        models.deleteAlias(name, "challenger");
        // MLflow answers an unknown alias with INVALID_PARAMETER_VALUE, not RESOURCE_DOES_NOT_EXIST
        BadRequestException noAlias = assertThrows(BadRequestException.class, () -> models.getVersionByAlias(name, "challenger"));
        assertTrue(noAlias.serviceMessage().contains("alias challenger not found"), noAlias.serviceMessage());
        BadRequestException badAlias = assertThrows(BadRequestException.class, () -> models.setAlias(name, "latest", "1"));
        assertEquals("INVALID_PARAMETER_VALUE", badAlias.errorCode());

        // tags and descriptions
        versions.setTag(name, "1", "validé", "oui");
        versions.setTag(name, "1", "temp", "x");
        versions.deleteTag(name, "1", "temp");
        assertEquals("oui", versions.get(name, "1").tag("validé"));
        assertNull(versions.get(name, "1").tag("temp"));
        assertEquals("première", versions.updateDescription(name, "1", "première").description());

        // search
        List<String> found = versions.search(SearchModelVersions.ofModel(name).orderBy("version_number DESC").pageSize(1))
                .stream().map(ModelVersion::version).toList();
        assertEquals(List.of("2", "1"), found);

        // download through the URI the registry gives
        String uri = versions.downloadUri(name, "2");
        assertEquals(run.info().artifactUri() + "/model", uri);
        Path local = mlflow.artifacts().forUri(uri).download("", tmp.resolve("m"));
        assertEquals("artifact_path: model\nflavors: {}\n", Files.readString(local.resolve("MLmodel")));

        versions.delete(name, "1");
        assertThrows(ResourceNotFoundException.class, () -> versions.get(name, "1"));
        assertEquals(List.of("2"), versions.search(SearchModelVersions.ofModel(name)).stream().map(ModelVersion::version).toList());
    }

    @Test
    void anInvalidSourceFailsWithTheServersMessage() {
        String name = TestSupport.unique("invalid-source");
        models.create(name);
        Run run = runWithModel();
        // a relative reference climbing out of the run's artifacts (handlers.py _validate_non_local_source_contains_relative_paths)
        BadRequestException climbing = assertThrows(BadRequestException.class, () -> versions.create(
                CreateModelVersion.builder(name, run.info().artifactUri() + "/../../../../etc").runId(run.id()).build()));
        assertEquals("INVALID_PARAMETER_VALUE", climbing.errorCode());
        assertTrue(climbing.serviceMessage().startsWith("Invalid model version source: '"), climbing.serviceMessage());
        assertTrue(climbing.serviceMessage().contains("relative path references"), climbing.serviceMessage());
        assertTrue(climbing.getMessage().contains(climbing.serviceMessage()), "the exception says what the server said");

        // a local path without a run (handlers.py _validate_source_run)
        BadRequestException local = assertThrows(BadRequestException.class,
                () -> versions.createAndWait(CreateModelVersion.builder(name, "/tmp/not/a/run/artifact").build(), Duration.ofSeconds(30)));
        assertTrue(local.serviceMessage().contains("To use a local path as a model version source, the run_id request "
                + "parameter has to be specified"), local.serviceMessage());
        assertTrue(versions.search(SearchModelVersions.ofModel(name)).toList().isEmpty(), "nothing was registered");
    }
}
