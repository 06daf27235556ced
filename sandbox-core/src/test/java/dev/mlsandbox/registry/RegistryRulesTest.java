package dev.mlsandbox.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mlsandbox.registry.model.MlmodelFile;
import dev.mlsandbox.registry.signature.ColumnSpec;
import dev.mlsandbox.registry.signature.ColumnType;
import dev.mlsandbox.registry.signature.ModelSignature;
import dev.mlsandbox.registry.signature.Schema;

class RegistryRulesTest {

    static final RegistryMode UC = RegistryMode.UNITY_CATALOG;
    static final RegistryMode WS = RegistryMode.WORKSPACE;

    @Test
    void ucNamesAreThreeLevelAndLowerCase() {
        assertEquals("main.ml.churn", RegistryRules.modelName(UC, "Main.ML.Churn"));
        assertEquals("my-cat.ml.churn_v2", RegistryRules.modelName(UC, "my-cat.ml.churn_v2"));
        assertEquals("Churn", RegistryRules.modelName(WS, "Churn"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "churn            | must be three-level",
            "main.churn       | it has 2 parts",
            "main.ml.churn.v2 | it has 4 parts",
            "main..churn      | the schema part '' of model name 'main..churn' is empty",
            "main.ml.ch urn   | contains a space",
            "main.ml.ch/urn   | contains '/'"})
    void badUcNamesSayWhichPartAndWhy(String name, String fragment) {
        RegistryRuleException e = assertThrows(RegistryRuleException.class, () -> RegistryRules.modelName(UC, name));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void aliasesAreCaseInsensitiveInUcOnly() {
        assertEquals("champion", RegistryRules.alias(UC, "Champion"));
        assertEquals("Champion", RegistryRules.alias(WS, "Champion"));
        assertEquals("shadow-2_b", RegistryRules.alias(UC, "shadow-2_b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "LATEST", "Latest", "v1", "V12", "champ ion", "champ.ion", "ch@mp", ""})
    void reservedAndMalformedAliasesAreRefused(String alias) {
        RegistryRuleException e = assertThrows(RegistryRuleException.class, () -> RegistryRules.alias(UC, alias));
        assertTrue(e.getMessage().contains(alias), e.getMessage());
    }

    @Test
    void versionAfterADeletedOneIsNotReused() {
        // versions 1..3 were issued and 3 was deleted: the highest ever issued is still 3
        assertEquals(4, RegistryRules.nextVersion(3));
        assertEquals(1, RegistryRules.nextVersion(0));
    }

    @Test
    void stagesExistOnlyInTheWorkspaceRegistry() {
        RegistryRuleException e = assertThrows(RegistryRuleException.class,
                () -> RegistryRules.stage(UC, "main.ml.churn", 2, "Production"));
        assertTrue(e.getMessage().contains("Unity Catalog has no stages") && e.getMessage().contains("alias"), e.getMessage());
        assertEquals("Production", RegistryRules.stage(WS, "churn", 2, "production"));
        assertThrows(RegistryRuleException.class, () -> RegistryRules.stage(WS, "churn", 2, "Live"));
    }

    @Test
    void ucRefusesAModelWithoutASignature() {
        MlmodelFile unsigned = new MlmodelFile("model", null, null, null, null, Map.of(), null, null);
        RegistryRuleException e = assertThrows(RegistryRuleException.class,
                () -> RegistryRules.requireSignature(UC, "main.ml.churn", unsigned));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
        RegistryRules.requireSignature(WS, "churn", unsigned);
        Schema in = Schema.of(ColumnSpec.required("x", ColumnType.DOUBLE));
        MlmodelFile inputsOnly = new MlmodelFile("model", null, null, null, null, Map.of(), new ModelSignature(in, null), null);
        assertThrows(RegistryRuleException.class, () -> RegistryRules.requireSignature(UC, "main.ml.churn", inputsOnly));
        MlmodelFile signed = new MlmodelFile("model", null, null, null, null, Map.of(), new ModelSignature(in, in), null);
        RegistryRules.requireSignature(UC, "main.ml.churn", signed);
    }

    @Test
    void modelUris() {
        assertEquals(ModelUri.version("main.ml.churn", 3), ModelUri.parse("models:/main.ml.churn/3"));
        assertEquals(ModelUri.alias("main.ml.churn", "Champion"), ModelUri.parse("models:/main.ml.churn@Champion"));
        ModelUri stage = ModelUri.parse("models:/churn/Production");
        assertEquals("Production", stage.stage());
        assertNull(stage.version());
        assertEquals("models:/main.ml.churn@champion", ModelUri.alias("main.ml.churn", "champion").toString());
        assertThrows(RegistryRuleException.class, () -> ModelUri.parse("runs:/abc/model"));
        assertThrows(RegistryRuleException.class, () -> ModelUri.parse("models:/a@b@c"));
    }
}
