package io.dataops4j.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.adf.config.ConfigOptions;
import io.dataops4j.adf.config.ConfigResult;
import io.dataops4j.adf.config.StageConfig;
import io.dataops4j.adf.deploy.AdfValidator;
import io.dataops4j.adf.deploy.PublishOptions;
import io.dataops4j.adf.deploy.ValidationReport;
import io.dataops4j.core.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadAndConfigTest {
    private static final Environment ENV = Environment.of(Map.of("STAGE", "prod"));

    private static AdfObject obj(AdfFactory f, AdfObjectType t, String n) {
        return f.find(t, n).orElseThrow();
    }

    @Test
    void loadsTheFolderLayoutWithReferencesAndLevels() {
        AdfFactory f = AdfFactory.load(TestSupport.mini());
        assertEquals("adf-mini", f.name());
        assertEquals(8, f.objects().size());
        assertEquals(List.of(), f.diagnostics());
        assertEquals(List.of("linkedService.LS_KeyVault", "integrationRuntime.IR_Managed"), obj(f, AdfObjectType.LINKED_SERVICE, "LS_Blob").references());
        assertEquals(List.of("dataset.DS_Input"), obj(f, AdfObjectType.PIPELINE, "PL_Copy").references());
        List<List<AdfObject>> levels = f.levels();
        assertEquals(List.of("linkedService.LS_KeyVault", "integrationRuntime.IR_Managed", "factory.adf-mini"),
                levels.get(0).stream().map(AdfObject::fullName).toList());
        assertEquals("trigger.TR_Daily", levels.get(levels.size() - 1).get(0).fullName());
        assertEquals(6, levels.size());
        assertEquals(List.of(), f.dependencyDiagnostics(false));
        assertEquals("Ingest", obj(f, AdfObjectType.DATASET, "DS_Input").folder());
    }

    @Test
    void cyclesAndMissingReferencesAreReported(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("pipeline"));
        Files.writeString(dir.resolve("pipeline/A.json"), "{\"name\":\"A\",\"properties\":{\"activities\":[{\"name\":\"x\",\"typeProperties\":"
                + "{\"pipeline\":{\"referenceName\":\"B\",\"type\":\"PipelineReference\"}}}]}}");
        Files.writeString(dir.resolve("pipeline/B.json"), "{\"name\":\"B\",\"properties\":{\"p\":{\"referenceName\":\"A\",\"type\":\"PipelineReference\"},"
                + "\"q\":{\"referenceName\":\"Gone\",\"type\":\"DatasetReference\"},\"r\":{\"referenceName\":\"x\",\"type\":\"WeirdReference\"}}}");
        Files.writeString(dir.resolve("pipeline/Bad.json"), "{\"name\":\"Bad\",\n \"properties\": {,}}");
        Files.writeString(dir.resolve("pipeline/~Tmp.json"), "not read");
        AdfFactory f = AdfFactory.load(dir);
        assertEquals(2, f.objects().size());
        assertEquals(List.of("ADFT0029", "ADFX0101"), f.diagnostics().stream().map(Diagnostic::code).toList());
        assertEquals(2, f.diagnostics().get(1).line());
        List<Diagnostic> deps = f.dependencyDiagnostics(false);
        assertEquals(List.of("ADFT0005", "ADFX0107"), deps.stream().map(Diagnostic::code).toList());
        assertTrue(deps.get(1).message().contains("pipeline.A -> pipeline.B -> pipeline.A"), deps.get(1).message());
        assertEquals("ADFT0006", f.dependencyDiagnostics(true).get(0).code());
        AdfException e = assertThrows(AdfException.class, f::levels);
        assertEquals(List.of("ADFX0107"), e.errorCodes());
        assertThrows(AdfException.class, () -> AdfFactory.load(dir.resolve("nope")));
    }

    @Test
    void csvConfigAppliesEverySemantic() {
        AdfFactory dev = AdfFactory.load(TestSupport.mini());
        ConfigResult r = StageConfig.load(dev.root().orElseThrow().resolve("deployment/config-test.csv"))
                .applyTo(dev, ConfigOptions.defaults().environment(ENV));
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        AdfFactory f = r.factory();
        AdfObject kv = obj(f, AdfObjectType.LINKED_SERVICE, "LS_KeyVault");
        assertEquals("\"https://kv-prod.vault.azure.net/\"", TestSupport.read(kv, "typeProperties.baseUrl"));
        assertEquals("\"set by \\\"config\\\"\"", TestSupport.read(kv, "typeProperties.description"));
        AdfObject blob = obj(f, AdfObjectType.LINKED_SERVICE, "LS_Blob");
        assertEquals("<missing>", TestSupport.read(blob, "typeProperties.encryptedCredential"));
        AdfObject pl = obj(f, AdfObjectType.PIPELINE, "PL_Copy");
        assertEquals("5", TestSupport.read(pl, "parameters.Retries.defaultValue"));
        assertEquals("\"Lookup Prod\"", TestSupport.read(pl, "activities[1].typeProperties.ifTrueActivities[0].name"));
        assertEquals("30", TestSupport.read(pl, "activities[\"Wait 1\"].typeProperties.waitTimeInSeconds"));
        assertEquals("{\"a\":2,\"b\":[true]}", TestSupport.read(pl, "parameters.Options.defaultValue"));
        assertEquals("[1,\"two\",true]", TestSupport.read(pl, "variables.Items.defaultValue"));
        AdfObject tr = obj(f, AdfObjectType.TRIGGER, "TR_Daily");
        assertEquals("\"Started\"", TestSupport.read(tr, "runtimeState"));
        assertEquals("\"2024-02-01T06:00:00+02:00\"", TestSupport.read(tr, "typeProperties.recurrence.startTime"), "zone kept as written");
        assertEquals("\"2024-11-30T07:30:00.000Z\"", TestSupport.read(tr, "typeProperties.recurrence.endTime"), "same wall-clock time");
        AdfObject fa = obj(f, AdfObjectType.FACTORY, "adf-mini");
        assertEquals("\"prod\"", TestSupport.read(fa, "globalParameters.Env.value"));
        assertEquals("16", TestSupport.read(fa, "globalParameters.Threads.value"));
        assertEquals(11, r.updated());
        assertEquals(2, r.added());
        assertEquals(1, r.removed());
        assertTrue(pl.modified());
        assertFalse(obj(dev, AdfObjectType.PIPELINE, "PL_Copy").modified(), "the source is not changed");
        assertEquals("3", TestSupport.read(obj(dev, AdfObjectType.PIPELINE, "PL_Copy"), "parameters.Retries.defaultValue"));
    }

    @Test
    void jsonConfigMatchesAndInfersTypes() {
        AdfFactory dev = AdfFactory.load(TestSupport.mini());
        ConfigResult r = StageConfig.load(dev.root().orElseThrow().resolve("deployment/config-test.json")).applyTo(dev, ConfigOptions.defaults().environment(ENV));
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        assertEquals("\"https://kv-prod.vault.azure.net/\"", TestSupport.read(obj(r.factory(), AdfObjectType.LINKED_SERVICE, "LS_KeyVault"), "typeProperties.baseUrl"));
        assertEquals("\"Started\"", TestSupport.read(obj(r.factory(), AdfObjectType.TRIGGER, "TR_Daily"), "runtimeState"));
        assertEquals("5", TestSupport.read(obj(r.factory(), AdfObjectType.PIPELINE, "PL_Copy"), "parameters.Retries.defaultValue"));
        assertEquals("<missing>", TestSupport.read(obj(r.factory(), AdfObjectType.PIPELINE, "PL_Copy"), "folder"));
    }

    @Test
    void errorsNameFileLineAndPathAndCanBeWarnings() {
        AdfFactory dev = AdfFactory.load(TestSupport.mini());
        Path file = dev.root().orElseThrow().resolve("deployment/config-errors.csv");
        ConfigResult r = StageConfig.load(file).applyTo(dev, ConfigOptions.defaults().environment(ENV));
        List<Diagnostic> errors = r.errors();
        assertEquals(List.of("ADFT0007", "ADFT0010", "ADFX0108", "ADFT0031", "ADFT0010", "ADFX0123"), errors.stream().map(Diagnostic::code).toList());
        assertEquals(List.of(2, 3, 4, 5, 6, 7), errors.stream().map(Diagnostic::line).toList());
        assertTrue(errors.stream().allMatch(d -> d.file().equals(file)));
        assertEquals("typeProperties:nope", errors.get(1).path());
        assertTrue(errors.get(1).toString().contains("config-errors.csv:3: error ADFT0010: Wrong path defined in config for object(path): "
                + "pipeline.PL_Copy(properties.typeProperties:nope)"), errors.get(1).toString());
        assertTrue(errors.get(4).message().contains("'activities[7]' does not exist"), errors.get(4).message());
        AdfException e = assertThrows(AdfException.class, r::throwIfErrors);
        assertTrue(e.getMessage().contains("ADFT0031"));
        ConfigResult lenient = StageConfig.load(file).applyTo(dev, ConfigOptions.defaults().environment(ENV)
                .failsWhenConfigItemNotFound(false).failsWhenPathNotFound(false));
        assertEquals(List.of("ADFX0108", "ADFT0031", "ADFX0123"), lenient.errors().stream().map(Diagnostic::code).toList());
    }

    @Test
    void malformedRowsAreAllReportedAndNothingIsApplied() {
        AdfFactory dev = AdfFactory.load(TestSupport.mini());
        ConfigResult r = StageConfig.load(dev.root().orElseThrow().resolve("deployment/config-bad-rows.csv")).applyTo(dev);
        assertEquals(List.of("ADFT0023", "ADFT0022", "ADFT0025"), r.errors().stream().map(Diagnostic::code).toList());
        assertEquals(List.of(2, 5, 6), r.errors().stream().map(Diagnostic::line).toList());
        assertEquals(0, r.updated());
        StageConfig header = StageConfig.parseCsv("type,name,path\nx,y,z\n", Path.of("h.csv"));
        assertEquals("ADFT0020", header.readDiagnostics().get(0).code());
    }

    @Test
    void filterFileAndRules() {
        PublishOptions o = PublishOptions.builder().filterFile(TestSupport.mini().resolve("deployment/filter.txt")).build();
        assertEquals(List.of("pipeline.*", "trigger.*", "linkedService.LS_K*"), o.includes());
        assertEquals(List.of("*.PL_Run"), o.excludes());
        assertTrue(o.isSelected("pipeline.PL_Run", ""), "with includes, excludes do not select");
        assertTrue(o.isExcluded("pipeline.PL_Run", ""));
        assertFalse(o.isSelected("dataset.DS_Input", ""));
        assertTrue(o.isExcluded("dataset.DS_Input", ""));
        PublishOptions folder = PublishOptions.builder().exclude("*.*@ingest*").build();
        assertFalse(folder.isSelected("pipeline.PL_Copy", "Ingest"));
        assertTrue(folder.isSelected("pipeline.PL_Run", ""));
        PublishOptions range = PublishOptions.builder().include("pipeline.PL_[a-c]*").build();
        assertTrue(range.isSelected("pipeline.PL_Copy", ""));
        assertFalse(range.isSelected("pipeline.PL_Run", ""));
        assertEquals("ADFX0113", assertThrows(AdfException.class, () -> PublishOptions.builder().include("a.b").include("A.B")).errorCodes().get(0));
        assertEquals("ADFT0026", assertThrows(AdfException.class, () -> PublishOptions.builder().filterFile(Path.of("/no/such/file"))).errorCodes().get(0));
    }

    @Test
    void validatesLikeTestAdfCode() {
        ValidationReport r = AdfValidator.validate(TestSupport.mini(), List.of(), ENV);
        assertEquals(8, r.objectCount());
        assertEquals(2, r.errorCount(), "config-errors.csv and config-bad-rows.csv fail");
        assertEquals(0, r.warningCount());
        assertEquals(4, r.configs().size());
    }

    @Test
    void armTemplatePairLoads(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.json");
        Path p = dir.resolve("p.json");
        Files.writeString(t, "{\"parameters\":{\"factoryName\":{\"type\":\"string\",\"defaultValue\":\"dev\"},\"url\":{\"type\":\"string\",\"defaultValue\":\"https://d\"}},"
                + "\"variables\":{\"factoryId\":\"[concat('Microsoft.DataFactory/factories/', parameters('factoryName'))]\"},"
                + "\"resources\":[{\"name\":\"[concat(parameters('factoryName'), '/LS_A')]\",\"type\":\"Microsoft.DataFactory/factories/linkedServices\","
                + "\"properties\":{\"type\":\"AzureBlobFS\",\"typeProperties\":{\"url\":\"[parameters('url')]\",\"lit\":\"[[not an expression]\"}}},"
                + "{\"name\":\"[concat(parameters('factoryName'), '/default')]\",\"type\":\"Microsoft.DataFactory/factories/globalparameters\","
                + "\"properties\":{\"G\":{\"type\":\"int\",\"value\":1}}}]}");
        Files.writeString(p, "{\"parameters\":{\"factoryName\":{\"value\":\"prod\"},\"url\":{\"value\":\"https://p\"}}}");
        AdfFactory f = AdfFactory.fromArmTemplate(t, p);
        assertEquals("prod", f.name());
        AdfObject ls = obj(f, AdfObjectType.LINKED_SERVICE, "LS_A");
        assertEquals("\"https://p\"", TestSupport.read(ls, "typeProperties.url"));
        assertEquals("\"[not an expression]\"", TestSupport.read(ls, "typeProperties.lit"));
        assertEquals("1", TestSupport.read(obj(f, AdfObjectType.FACTORY, "prod"), "globalParameters.G.value"));
    }
}
