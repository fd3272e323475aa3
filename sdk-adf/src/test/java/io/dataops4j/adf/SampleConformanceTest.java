package io.dataops4j.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataops4j.adf.config.ConfigOptions;
import io.dataops4j.adf.config.ConfigResult;
import io.dataops4j.adf.config.StageConfig;
import io.dataops4j.adf.deploy.AdfValidator;
import io.dataops4j.adf.deploy.DeploymentState;
import io.dataops4j.adf.deploy.PublishOptions;
import io.dataops4j.adf.deploy.ValidationReport;
import io.dataops4j.core.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance with azure.datafactory.tools' own samples, read in place from ../shared/fixtures/adf-samples (beside
 * the repository). Where that folder is absent the factory generates no cases (it does not skip silently: the
 * report shows zero). Expected values and errors come from the tool's Pester tests (Update-PropertiesFromFile,
 * Read-CsvConfigFile, Test-AdfCode) and from reading its code.
 */
class SampleConformanceTest {
    private static final Environment ENV = Environment.of(Map.of("DatabricksClusterId", "0820-210125-test000", "Region", "uks",
            "ProjectName", "adft", "Environment", "uat", "NUMBER_OF_PROCESSORS", "8", "SYSTEM_STAGEDISPLAYNAME", "UAT",
            "USERDOMAIN", "sqlplayer", "USERNAME", "kamil", "HDFCREDENTIALTYPE", "ServicePrincipalKey"));

    static Path samples() {
        Path repo = Path.of("").toAbsolutePath();
        while (repo != null && !Files.isDirectory(repo.resolve("sdk-adf"))) {
            repo = repo.getParent();
        }
        return repo == null || repo.getParent() == null ? null : repo.getParent().resolve("shared/fixtures/adf-samples");
    }

    @TestFactory
    Stream<DynamicTest> everySampleConfigAndFilterFile() {
        Path s = samples();
        if (s == null || !Files.isDirectory(s)) {
            return Stream.empty();
        }
        Path big = s.resolve("BigFactorySample2");
        Path dep = big.resolve("deployment");
        Map<String, Consumer<ConfigResult>> expect = new LinkedHashMap<>();
        expect.put("config-array.csv", r -> {
            ok(r);
            AdfObject p = find(r, AdfObjectType.PIPELINE, "Multiple Waits");
            assertEquals("\"Wait Number 1\"", TestSupport.read(p, "activities[0].name"));
            assertEquals("\"Wait Number 2\"", TestSupport.read(p, "activities[1].typeProperties.ifTrueActivities[0].name"));
            assertEquals("22", TestSupport.read(p, "activities[1].typeProperties.ifTrueActivities[0].typeProperties.waitTimeInSeconds"));
            assertEquals("\"Wait Number 3\"", TestSupport.read(p, "activities[1].typeProperties.ifTrueActivities[1].name"));
            assertEquals("33", TestSupport.read(p, "activities[1].typeProperties.ifTrueActivities[1].typeProperties.waitTimeInSeconds"));
            assertEquals("\"Wait Number 4\"", TestSupport.read(p, "activities[2].name"));
        });
        expect.put("config-badformat.csv", r -> {
            assertEquals(List.of("ADFT0023", "ADFT0025", "ADFT0022"), codes(r));
            assertEquals(List.of(3, 4, 5), r.errors().stream().map(Diagnostic::line).toList());
            assertEquals(0, r.updated());
            assertEquals("\"Stopped\"", TestSupport.read(find(r, AdfObjectType.TRIGGER, "TR_AlwaysDisabled"), "runtimeState"));
        });
        expect.put("config-badtype.csv", r -> {
            assertEquals(List.of("ADFT0022"), codes(r));
            assertEquals(4, r.errors().get(0).line(), "the physical line, after two blank lines");
        });
        expect.put("config-c001.csv", r -> {
            ok(r);
            AdfObject t = find(r, AdfObjectType.TRIGGER, "TR_AlwaysDisabled");
            assertEquals("\"Started\"", TestSupport.read(t, "runtimeState"));
            assertEquals("2", TestSupport.read(t, "typeProperties.recurrence.interval"));
        });
        Consumer<ConfigResult> c002 = r -> {
            ok(r);
            assertEquals("{\"type\":\"int32\",\"defaultValue\":22}", TestSupport.read(find(r, AdfObjectType.PIPELINE, "PL_Wait_Dynamic"), "parameters.WaitInSec"));
        };
        expect.put("config-c002.csv", c002);
        expect.put("config-c002a.csv", r -> {
            ok(r);
            assertEquals("{\"type\":\"int32\"}", TestSupport.read(find(r, AdfObjectType.PIPELINE, "PL_Wait_Dynamic"), "parameters.WaitInSec"));
        });
        expect.put("config-c002b.csv", c002);
        expect.put("config-c003-variables.csv", r -> {
            ok(r);
            assertEquals("8", TestSupport.read(find(r, AdfObjectType.TRIGGER, "TR_AlwaysDisabled"), "typeProperties.recurrence.interval"));
            assertEquals("\"https://kv-UATStage.vault.azure.net/\"", TestSupport.read(find(r, AdfObjectType.LINKED_SERVICE, "LS_AzureKeyVault"), "typeProperties.baseUrl"));
            assertTrue(TestSupport.read(find(r, AdfObjectType.LINKED_SERVICE, "LS_AzureSqlDb_AW2014_SqlAuth"), "typeProperties.connectionString")
                    .contains("Data Source=sqlplayer.database.windows.net;Initial Catalog=AdventureWorks2014;User ID=kamil@sqlplayer"));
        });
        expect.put("config-c004-wrongpath.csv", r -> {
            assertEquals(List.of("ADFT0010"), codes(r));
            assertEquals(2, r.errors().get(0).line());
        });
        expect.put("config-c005-extra-action.csv", r -> {
            ok(r);
            AdfObject ls = find(r, AdfObjectType.LINKED_SERVICE, "BlobSampleData");
            assertEquals("\"DefaultEndpointsProtocol=https;AccountName=sqlplayer2019;EndpointSuffix=core.windows.net;\"", TestSupport.read(ls, "typeProperties.connectionString"));
            assertEquals("\"orefoifakerjgi40passwordrjegjorejgorjeogjoreg==\"", TestSupport.read(ls, "typeProperties.accountKey"));
            assertEquals("<missing>", TestSupport.read(ls, "typeProperties.encryptedCredential"));
        });
        Consumer<ConfigResult> c100 = r -> {
            ok(r);
            assertEquals("\"https://datalakeadftuat.dfs.core.windows.net/\"", TestSupport.read(find(r, AdfObjectType.LINKED_SERVICE, "LS_DataLakeStore"), "typeProperties.url"));
            AdfObject dbr = find(r, AdfObjectType.LINKED_SERVICE, "LS_AzureDatabricks");
            assertEquals("\"0820-210125-test000\"", TestSupport.read(dbr, "typeProperties.existingClusterId"));
            assertEquals("\"https://uks.azuredatabricks.net\"", TestSupport.read(dbr, "typeProperties.domain"));
            assertEquals("<missing>", TestSupport.read(dbr, "typeProperties.encryptedCredential"));
            assertEquals("\"https://keyvault-adft-uat.vault.azure.net/\"", TestSupport.read(find(r, AdfObjectType.LINKED_SERVICE, "LS_AzureKeyVault"), "typeProperties.baseUrl"));
            assertEquals("\"2020-06-01T23:22:11.000Z\"", TestSupport.read(find(r, AdfObjectType.TRIGGER, "TR_RunEveryDay"), "typeProperties.recurrence.startTime"));
        };
        expect.put("config-c100.csv", c100);
        expect.put("config-c100.json", c100);
        expect.put("config-commented.csv", r -> {
            ok(r);
            AdfObject t = find(r, AdfObjectType.TRIGGER, "TR_AlwaysDisabled");
            assertEquals("\"Started\"", TestSupport.read(t, "runtimeState"));
            assertEquals("1", TestSupport.read(t, "typeProperties.recurrence.interval"));
        });
        expect.put("config-globalparam1.csv", r -> {
            ok(r);
            AdfObject f = find(r, AdfObjectType.FACTORY, "BigFactorySample2");
            assertEquals("\"This text has been replaced\"", TestSupport.read(f, "globalParameters.'GP-String'.value"));
            assertEquals("2020", TestSupport.read(f, "globalParameters.'GP-Int'.value"));
            assertEquals("false", TestSupport.read(f, "globalParameters.'GP-Bool'.value"));
            assertEquals("\"2023\"", TestSupport.read(f, "globalParameters.NewGlobalParam.value"), "added values are strings, as in the tool");
            assertEquals("\"int\"", TestSupport.read(f, "globalParameters.NewGlobalParam.type"));
            assertEquals("\"POC\"", TestSupport.read(f, "globalParameters.envName.value"));
        });
        expect.put("config-issue49.csv", r -> assertEquals(List.of("ADFT0010"), codes(r)));
        expect.put("config-missing.csv", r -> assertEquals(List.of("ADFT0007"), codes(r)));
        expect.put("config-missing.json", r -> assertEquals(List.of("ADFT0017"), codes(r)));
        Consumer<ConfigResult> multiple = r -> {
            ok(r);
            assertEquals(3, r.updated());
            for (String n : List.of("PL_StoredProc", "PL_Wait5sec", "PL_Wait_Dynamic")) {
                assertEquals("\"abc\"", TestSupport.read(find(r, AdfObjectType.PIPELINE, n), "activities[0].name"), n);
            }
        };
        expect.put("config-multiple.csv", multiple);
        expect.put("config-multiple.json", multiple);
        expect.put("config-trigger-Disabled.csv", r -> {
            ok(r);
            assertEquals("\"Stopped\"", TestSupport.read(find(r, AdfObjectType.TRIGGER, "TR_AlwaysDisabled"), "runtimeState"));
        });
        expect.put("config-trigger-Enabled.csv", r -> {
            ok(r);
            assertEquals("\"Started\"", TestSupport.read(find(r, AdfObjectType.TRIGGER, "TR_AlwaysDisabled"), "runtimeState"));
        });
        expect.put("config-uat.csv", r -> {
            ok(r);
            AdfObject t = find(r, AdfObjectType.TRIGGER, "TR_AlwaysDisabled");
            assertEquals("\"Started\"", TestSupport.read(t, "runtimeState"));
            assertEquals("2", TestSupport.read(t, "typeProperties.recurrence.interval"));
            assertEquals("\"\u00a6\"", TestSupport.read(find(r, AdfObjectType.DATASET, "CADOutput1"), "typeProperties.columnDelimiter"));
            assertEquals("\"2022-10-07T00:35:00.000Z\"", TestSupport.read(find(r, AdfObjectType.TRIGGER, "TR_TumblingWindow"), "typeProperties.startTime"));
        });
        List<DynamicTest> tests = new ArrayList<>();
        AdfFactory factory = AdfFactory.load(big);
        try (Stream<Path> files = Files.list(dep)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith("filter.")) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(n, () -> {
                    Consumer<ConfigResult> check = expect.get(n);
                    assertTrue(check != null, "no expectation written for sample " + n);
                    check.accept(StageConfig.load(f).applyTo(factory, ConfigOptions.defaults().environment(ENV)));
                }));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        tests.add(DynamicTest.dynamicTest("filter.option1.txt", () -> {
            PublishOptions o = PublishOptions.builder().filterFile(dep.resolve("filter.option1.txt")).build();
            assertEquals(List.of("pipeline.*", "trigger.*"), o.includes());
            assertEquals(List.of("*.SharedIR*", "*.LS_SqlServer_DEV19_AW2017"), o.excludes());
            List<String> selected = factory.objects().stream().filter(x -> o.isSelected(x.fullName(), x.folder())).map(AdfObject::fullName).toList();
            assertEquals(10, selected.size(), selected.toString());
            assertTrue(selected.stream().allMatch(x -> x.startsWith("pipeline.") || x.startsWith("trigger.")));
        }));
        tests.add(DynamicTest.dynamicTest("filter.empty.txt", () -> {
            PublishOptions o = PublishOptions.builder().filterFile(dep.resolve("filter.empty.txt")).build();
            assertEquals(List.of(), o.includes());
            assertTrue(factory.objects().stream().allMatch(x -> o.isSelected(x.fullName(), x.folder())));
        }));
        Path vnet = s.resolve("BigFactorySample2_vnet");
        for (String n : List.of("config-endpoint.csv", "config-endpoint2.json")) {
            tests.add(DynamicTest.dynamicTest("BigFactorySample2_vnet/" + n, () -> {
                ConfigResult r = StageConfig.load(vnet.resolve("deployment").resolve(n)).applyTo(AdfFactory.load(vnet), ConfigOptions.defaults().environment(ENV));
                ok(r);
                assertEquals("\"sqlServer2\"", TestSupport.read(find(r, AdfObjectType.MANAGED_PRIVATE_ENDPOINT, "MPE_SQLPlayer_srv2"), "groupId"));
            }));
        }
        tests.add(DynamicTest.dynamicTest("Test-AdfCode BigFactorySample2_vnet: 1 error, 6 warnings", () -> {
            ValidationReport r = AdfValidator.validate(vnet, List.of(), ENV);
            assertEquals(1, r.errorCount(), r.diagnostics().toString());
            assertEquals(6, r.warningCount(), r.diagnostics().toString());
            assertEquals("ADFT0005", r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow().code());
        }));
        for (String n : List.of("adf1", "adf2", "adf3", "emptyFactory")) {
            tests.add(DynamicTest.dynamicTest("Test-AdfCode " + n + ": no errors", () -> {
                ValidationReport r = AdfValidator.validate(s.resolve(n), List.of(), ENV);
                assertEquals(0, r.errorCount(), r.diagnostics().toString());
                assertFalse(AdfFactory.load(s.resolve(n)).levels().isEmpty());
            }));
        }
        tests.add(DynamicTest.dynamicTest("ARM template pair", () -> {
            Path arm = s.resolve("adf-simpledeployment-dev/armtemplate");
            AdfFactory f = AdfFactory.fromArmTemplate(arm.resolve("ARMTemplateForFactory.json"), arm.resolve("ARMTemplateParametersForFactory.json"));
            assertEquals("adf-simpledeployment-dev", f.name());
            assertEquals(List.of("linkedService.LS_ADLS", "linkedService.LS_AzureKeyVault", "linkedService.LS_SQL_Stackoverflow", "pipeline.PL_CopyFiles",
                    "dataset.Input_Binary", "dataset.Output_Binary"), f.objects().stream().map(AdfObject::fullName).toList());
            assertEquals("\"https://storageblogdev.dfs.core.windows.net\"", TestSupport.read(find(f, AdfObjectType.LINKED_SERVICE, "LS_ADLS"), "typeProperties.url"));
            List<List<AdfObject>> levels = f.levels();
            assertEquals(4, levels.size());
            assertEquals("pipeline.PL_CopyFiles", levels.get(3).get(0).fullName());
        }));
        tests.add(DynamicTest.dynamicTest("the tool's incremental state file", () -> {
            DeploymentState st = DeploymentState.load(s.resolve("adftools_deployment_state.json"));
            assertEquals(30, st.deployed().size());
            assertEquals("MD5", st.algorithm());
            long unchanged = factory.objects().stream().filter(st::isUnchanged).count();
            assertEquals(30, unchanged, "every object the tool recorded, unchanged since (the hashes are of CRLF checkouts)");
            ConfigResult r = StageConfig.load(dep.resolve("config-c001.csv")).applyTo(factory, ConfigOptions.defaults().environment(ENV));
            assertFalse(st.isUnchanged(find(r, AdfObjectType.TRIGGER, "TR_AlwaysDisabled")), "changed by config: deployed again");
        }));
        return tests.stream();
    }

    private static void ok(ConfigResult r) {
        assertEquals(List.of(), r.errors());
    }

    private static List<String> codes(ConfigResult r) {
        return r.errors().stream().map(Diagnostic::code).toList();
    }

    private static AdfObject find(ConfigResult r, AdfObjectType t, String n) {
        return find(r.factory(), t, n);
    }

    private static AdfObject find(AdfFactory f, AdfObjectType t, String n) {
        return f.find(t, n).orElseThrow(() -> new AssertionError("no " + t + " " + n));
    }
}
