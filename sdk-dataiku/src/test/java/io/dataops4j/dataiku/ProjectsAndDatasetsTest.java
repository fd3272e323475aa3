package io.dataops4j.dataiku;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.core.error.ResourceNotFoundException;
import io.dataops4j.core.json.RawJson;
import io.dataops4j.dataiku.datasets.Dataset;
import io.dataops4j.dataiku.datasets.DatasetSchema;
import io.dataops4j.dataiku.datasets.DatasetSpec;
import io.dataops4j.dataiku.datasets.SchemaColumn;
import io.dataops4j.dataiku.datasets.SqlTable;
import io.dataops4j.dataiku.datasets.TablesImport;
import io.dataops4j.dataiku.futures.FutureState;
import io.dataops4j.dataiku.projects.Project;
import io.dataops4j.dataiku.projects.ProjectDeletion;
import io.dataops4j.dataiku.projects.ProjectSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Projects and datasets against the exchanges recorded from dataikuapi. */
class ProjectsAndDatasetsTest {

    @Test
    void listsGetsCreatesAndDeletesProjects() {
        try (DssFixtures f = DssFixtures.of("projects-list", "projects-get", "projects-create", "projects-delete")) {
            DssClient dss = f.client(DssFixtures.NEW);
            List<Project> projects = dss.projects().list().toList();
            assertEquals(List.of("DATAOPS", "SANDBOX"), projects.stream().map(Project::projectKey).toList());
            Project p = dss.projects().get("DATAOPS");
            assertEquals("Data ops", p.name());
            assertEquals("admin", p.owner());
            assertEquals(List.of("azure"), p.tags());
            dss.projects().create(ProjectSpec.of("SANDBOX", "Sandbox", "analyst").withDescription("Scratch space"));
            FutureState deleted = dss.projects().delete("SANDBOX", ProjectDeletion.defaults());
            assertTrue(deleted.done());
            f.verify();
        }
    }

    @Test
    void missingProjectIsNotFound() {
        try (DssFixtures f = DssFixtures.of("projects-get-missing")) {
            ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                    () -> f.client(DssFixtures.NEW).projects().get("NOPE"));
            assertTrue(e.getMessage().contains("project does not exist: NOPE"));
            f.verify();
        }
        assertThrows(IllegalArgumentException.class, () -> ProjectSpec.of("bad key", "n", "o"));
    }

    @Test
    void listsDatasets() {
        try (DssFixtures f = DssFixtures.of("datasets-list")) {
            List<Dataset> all = f.client(DssFixtures.NEW).datasets().list("DATAOPS").toList();
            assertEquals(List.of("sales_raw", "dbo_orders"), all.stream().map(Dataset::name).toList());
            assertEquals("azure-blob-dataiku", all.get(0).connection());
            assertEquals("Synapse", all.get(1).type());
            assertEquals(List.of(new SchemaColumn("order_id", "bigint"), new SchemaColumn("total", "double")),
                    all.get(1).schema().columns());
            f.verify();
        }
    }

    @Test
    void createsBlobAndSqlTableDatasets() {
        try (DssFixtures f = DssFixtures.of("datasets-create-blob", "datasets-create-sql")) {
            DssClient dss = f.client(DssFixtures.NEW);
            dss.datasets().create("DATAOPS", DatasetSpec.azureBlob("sales_raw", "azure-blob-dataiku", "/sales/2026")
                    .inContainer("dataiku").withCsvFormat(","));
            dss.datasets().create("DATAOPS", DatasetSpec.sqlTable("dbo_orders", "Synapse", "synapse-dw", "dbo", "orders"));
            f.verify();
        }
        assertThrows(IllegalStateException.class, () -> DatasetSpec.sqlTable("t", "Synapse", "c", "s", "t").withCsvFormat(","));
        assertThrows(IllegalArgumentException.class, () -> DatasetSpec.azureBlob("bad-name", "c", "/"));
    }

    @Test
    void updatesSettingsKeepingEveryMember() {
        try (DssFixtures f = DssFixtures.of("datasets-settings-update")) {
            DssClient dss = f.client(DssFixtures.NEW);
            Dataset d = dss.datasets().get("DATAOPS", "sales_raw");
            assertEquals("csv", d.formatType());
            dss.datasets().update(d.withDescription("Sales files of 2026"));
            f.verify();
        }
    }

    @Test
    void getsAndSetsTheSchema() {
        try (DssFixtures f = DssFixtures.of("datasets-schema-get", "datasets-schema-set")) {
            DssClient dss = f.client(DssFixtures.NEW);
            DatasetSchema s = dss.datasets().schema("DATAOPS", "sales_raw");
            assertEquals(List.of(new SchemaColumn("id", "bigint"), new SchemaColumn("amount", "double")), s.columns());
            dss.datasets().setSchema("DATAOPS", "sales_raw", DatasetSchema.of(s.columns()));
            f.verify();
        }
    }

    @Test
    void autodetectsFileFormatThroughAFutureAndSqlSchemaAtOnce() {
        try (DssFixtures f = DssFixtures.of("datasets-autodetect-blob", "datasets-autodetect-sql")) {
            DssClient dss = f.client(DssFixtures.NEW);
            Dataset blob = dss.datasets().autodetect("DATAOPS", "sales_raw");
            assertEquals("csv", blob.formatType());
            assertEquals(",", blob.formatParams().get("separator"));
            assertEquals(2, blob.schema().columns().size());
            Dataset sql = dss.datasets().autodetect("DATAOPS", "dbo_orders");
            assertEquals("order_id", sql.schema().columns().get(0).name());
            assertEquals(List.of(java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(300)), f.sleeper.waits(),
                    "two polls of the future, waits growing 1.5x, on the fake clock");
            f.verify();
        }
    }

    @Test
    void deletesKeepingTheData() {
        try (DssFixtures f = DssFixtures.of("datasets-delete")) {
            f.client(DssFixtures.NEW).datasets().delete("DATAOPS", "sales_raw", false);
            f.verify();
        }
    }

    @Test
    void importsEveryTableOfASchemaWithProgress() {
        try (DssFixtures f = DssFixtures.of("datasets-import-list-tables", "datasets-import-prepare-execute")) {
            List<String> progress = new ArrayList<>();
            TablesImport done = f.client(DssFixtures.NEW).datasets().importTables("DATAOPS", "synapse-dw", "dbo",
                    (d, t, m) -> progress.add(d + "/" + t + " " + m));
            assertEquals(List.of(new SqlTable("dbo", "orders"), new SqlTable("dbo", "customers")), done.tables());
            assertTrue(done.execution().done());
            @SuppressWarnings("unchecked")
            List<Object> candidates = (List<Object>) done.candidates().asMap().get("sqlImportCandidates");
            assertEquals(2, candidates.size());
            assertEquals(List.of("0/3 listing the tables of synapse-dw.dbo", "1/3 preparing the import of 2 tables",
                    "2/3 importing 2 tables into DATAOPS", "3/3 imported 2 tables"), progress);
            f.verify();
        }
    }

    @Test
    void candidatesGoBackUntouched() {
        String candidates = "{\"sqlImportCandidates\":[{\"connectionName\":\"c\",\"table\":\"t\",\"n\":1.000}],\"zz\":null}";
        String json = "[{\"name\":\"exec\",\"when\":{\"method\":\"POST\",\"path\":\"/public/api/projects/P/datasets/tables-import/actions/execute-from-candidates\"},"
                + "\"then\":{\"body\":{\"hasResult\":true,\"alive\":false}}}]";
        try (DssFixtures f = DssFixtures.ofJson(json)) {
            f.client(DssFixtures.NEW).datasets().executeImport("P", RawJson.of(candidates));
            assertEquals(candidates, f.fixtures.requests().get(0).getBody().utf8());
        }
    }

    @Test
    void datasetEditsAreCopies() {
        Dataset d = Dataset.of(RawJson.of("{\"projectKey\":\"P\",\"name\":\"n\",\"type\":\"Azure\",\"params\":{\"connection\":\"c\","
                + "\"path\":\"/a\"},\"unknown\":[1]}"));
        Dataset e = d.withParams(Map.of("path", "/b")).withFormat("csv", Map.of("separator", ";"));
        assertEquals("/a", d.params().get("path"));
        assertEquals("/b", e.params().get("path"));
        assertEquals("c", e.connection());
        assertEquals(List.of(1L), e.get("unknown"));
        assertTrue(e.toJson().json().contains("\"unknown\":[1]"));
    }
}
