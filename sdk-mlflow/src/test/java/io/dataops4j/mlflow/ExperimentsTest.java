package io.dataops4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.BadRequestException;
import io.dataops4j.core.error.ConflictException;
import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.paging.Page;
import io.dataops4j.mlflow.tracking.Experiment;
import io.dataops4j.mlflow.tracking.Experiments;
import io.dataops4j.mlflow.tracking.SearchExperiments;
import io.dataops4j.mlflow.tracking.ViewType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentsTest {
    private final MlflowClient mlflow = TestSupport.client();
    private final Experiments experiments = mlflow.experiments();

    @Test
    void createGetAndTagWithUnicode() throws Exception {
        String name = TestSupport.unique("expériment-日本-🚀");
        Path location = Files.createTempDirectory("exp-artifacts");
        String id = experiments.create(name, location.toUri().toString(),
                List.of(Tag.of("équipe", "fraude ✓"), Tag.of("owner", "ana")));
        Experiment e = experiments.get(id);
        assertEquals(id, e.experimentId());
        assertEquals(name, e.name());
        assertEquals(LifecycleStage.ACTIVE, e.lifecycleStage());
        assertEquals(location.toUri().toString(), e.artifactLocation());
        assertEquals("fraude ✓", e.tag("équipe"));
        assertEquals(Map.of("équipe", "fraude ✓", "owner", "ana"), e.tagMap());
        assertNotNull(e.creationTime());

        assertEquals(id, experiments.getByName(name).experimentId());
        assertEquals(id, experiments.getByIdOrName(name).experimentId());
        assertEquals(id, experiments.getByIdOrName(id).experimentId());

        experiments.setTag(id, "owner", "bo");
        experiments.setTag(id, "ключ", "значение");
        experiments.deleteTag(id, "équipe");
        Experiment tagged = experiments.get(id);
        assertEquals("bo", tagged.tag("owner"));
        assertEquals("значение", tagged.tag("ключ"));
        assertNull(tagged.tag("équipe"));
    }

    @Test
    void defaultArtifactLocationIsTheProxy() {
        String id = experiments.create(TestSupport.unique("proxied"));
        assertEquals("mlflow-artifacts:/" + id, experiments.get(id).artifactLocation());
    }

    @Test
    void renameDeleteRestore() {
        String name = TestSupport.unique("lifecycle");
        String id = experiments.create(name);
        experiments.rename(id, name + "-renamed");
        assertEquals(name + "-renamed", experiments.get(id).name());
        assertTrue(experiments.findByName(name).isEmpty());

        experiments.delete(id);
        assertEquals(LifecycleStage.DELETED, experiments.get(id).lifecycleStage());
        String filter = "name = '" + name + "-renamed'";
        assertTrue(experiments.search(SearchExperiments.filter(filter)).toList().isEmpty(), "active view hides it");
        List<Experiment> deleted = experiments.search(SearchExperiments.builder().filter(filter)
                .viewType(ViewType.DELETED_ONLY).build()).toList();
        assertEquals(List.of(id), deleted.stream().map(Experiment::experimentId).toList());

        experiments.restore(id);
        assertEquals(LifecycleStage.ACTIVE, experiments.get(id).lifecycleStage());
    }

    @Test
    void searchPagesLazilyWithFilterAndOrder() {
        String prefix = TestSupport.unique("paged");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(experiments.create(prefix + "-" + i, List.of(Tag.of("batch", prefix))));
        }
        SearchExperiments q = SearchExperiments.builder().filter("tags.batch = '" + prefix + "'")
                .orderBy("name DESC").pageSize(3).build();
        List<Page<Experiment>> pages = new ArrayList<>();
        experiments.search(q).byPage().forEach(pages::add);
        assertEquals(List.of(3, 3, 1), pages.stream().map(p -> p.items().size()).toList());
        List<String> names = experiments.search(q).stream().map(Experiment::name).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            expected.add(prefix + "-" + i);
        }
        assertEquals(expected, names);
        // resume from the first page's token: the remaining four
        String token = pages.get(0).nextToken();
        assertEquals(4, experiments.search(q).resumeFrom(token).toList().size());
        // a stream that stops early does not need every page
        assertEquals(expected.subList(0, 2), experiments.search(q).stream().limit(2).map(Experiment::name).toList());
    }

    @Test
    void errorsMapToTheCoreHierarchy() {
        String name = TestSupport.unique("dup");
        experiments.create(name);
        ConflictException dup = assertThrows(ConflictException.class, () -> experiments.create(name));
        assertEquals("RESOURCE_ALREADY_EXISTS", dup.errorCode());
        assertEquals(400, dup.status());
        assertTrue(dup.serviceMessage().contains(name), dup.serviceMessage());

        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> experiments.get("987654321"));
        assertEquals("RESOURCE_DOES_NOT_EXIST", missing.errorCode());
        assertTrue(missing.getMessage().contains("987654321"), missing.getMessage());
        assertTrue(experiments.findByName(TestSupport.unique("nope")).isEmpty());

        BadRequestException bad = assertThrows(BadRequestException.class,
                () -> experiments.search(SearchExperiments.filter("this is not a filter")).first());
        assertEquals("INVALID_PARAMETER_VALUE", bad.errorCode());
    }
}
