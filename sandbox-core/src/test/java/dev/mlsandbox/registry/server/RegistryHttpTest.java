package dev.mlsandbox.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlsandbox.registry.server.RegistryFixture.Reply;
import dev.mlsandbox.testing.StoreBackend;

/** The registry endpoints over plain HTTP, Unity Catalog mode. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class RegistryHttpTest {
    @Parameter
    StoreBackend backend;

    static final String RM = "/api/2.0/mlflow/registered-models";
    static final String MV = "/api/2.0/mlflow/model-versions";

    static RegistryFixture fx;

    @BeforeParameterizedClassInvocation
    static void start(StoreBackend backend) throws Exception {
        fx = new RegistryFixture(backend);
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        // fx is null when the back end was skipped
        if (fx != null) {
            fx.close();
            fx = null;
        }
    }

    private Reply create(String name) throws Exception {
        return fx.post(RM + "/create", Map.of("name", name));
    }

    private String version(String name, Path source) throws Exception {
        Reply r = fx.post(MV + "/create", Map.of("name", name, "source", source.toUri().toString()));
        assertEquals(200, r.status(), r.body().toString());
        return r.body().path("model_version").path("version").asText();
    }

    @Test
    void namesAreThreeLevelLowerCaseAndUnique() throws Exception {
        Reply r = create("Main.ML.Names");
        assertEquals(200, r.status(), r.body().toString());
        assertEquals("main.ml.names", r.body().path("registered_model").path("name").asText());
        Reply dup = create("main.ml.names");
        assertEquals(400, dup.status());
        assertEquals("RESOURCE_ALREADY_EXISTS", dup.errorCode());
        Reply bad = create("names");
        assertEquals(400, bad.status());
        assertEquals("INVALID_PARAMETER_VALUE", bad.errorCode());
        assertTrue(bad.message().contains("three-level"), bad.message());
        assertEquals(404, fx.get(RM + "/get?name=main.ml.nothing").status());
        // reading with another case finds the same model
        assertEquals(200, fx.get(RM + "/get?name=MAIN.ml.Names").status());
    }

    @Test
    void versionsAreMaxPlusOneAndDeletedNumbersAreNotReused() throws Exception {
        create("main.ml.numbers");
        Path src = fx.modelDir("numbers", true);
        assertEquals("1", version("main.ml.numbers", src));
        assertEquals("2", version("main.ml.numbers", src));
        assertEquals(200, fx.call("DELETE", MV + "/delete", Map.of("name", "main.ml.numbers", "version", "2"), null).status());
        assertEquals("3", version("main.ml.numbers", src));
        assertEquals(404, fx.get(MV + "/get?name=main.ml.numbers&version=2").status());
        Reply v = fx.get(MV + "/get?name=main.ml.numbers&version=3");
        assertEquals("READY", v.body().path("model_version").path("status").asText());
        // only description and tags change: update ignores anything else
        Reply u = fx.call("PATCH", MV + "/update", Map.of("name", "main.ml.numbers", "version", "3", "description", "third",
                "source", "/elsewhere"), null);
        assertEquals("third", u.body().path("model_version").path("description").asText());
        assertEquals(src.toUri().toString(), u.body().path("model_version").path("source").asText());
    }

    @Test
    void ucRefusesAVersionWithoutSignature() throws Exception {
        create("main.ml.unsigned");
        Reply r = fx.post(MV + "/create", Map.of("name", "main.ml.unsigned", "source", fx.modelDir("unsigned", false).toUri().toString()));
        assertEquals(400, r.status());
        assertTrue(r.message().contains("signature"), r.message());
        // nothing was written: the next version is still 1
        assertEquals("1", version("main.ml.unsigned", fx.modelDir("signed", true)));
    }

    @Test
    void aliasesMoveListAndDieWithTheirVersion() throws Exception {
        create("main.ml.aliases");
        Path src = fx.modelDir("aliases", true);
        version("main.ml.aliases", src);
        version("main.ml.aliases", src);
        assertEquals(200, fx.post(RM + "/alias", Map.of("name", "main.ml.aliases", "alias", "Champion", "version", "1")).status());
        assertEquals(200, fx.post(RM + "/alias", Map.of("name", "main.ml.aliases", "alias", "challenger", "version", "2")).status());
        JsonNode byAlias = fx.get(RM + "/alias?name=main.ml.aliases&alias=champion").body().path("model_version");
        assertEquals("1", byAlias.path("version").asText());
        assertEquals("[\"champion\"]", byAlias.path("aliases").toString());
        // moving: champion now on 2, and version 1 no longer lists it
        fx.post(RM + "/alias", Map.of("name", "main.ml.aliases", "alias", "CHAMPION", "version", "2"));
        assertEquals("[\"challenger\",\"champion\"]", fx.get(MV + "/get?name=main.ml.aliases&version=2").body()
                .path("model_version").path("aliases").toString());
        assertTrue(fx.get(MV + "/get?name=main.ml.aliases&version=1").body().path("model_version").path("aliases").isMissingNode());
        JsonNode model = fx.get(RM + "/get?name=main.ml.aliases").body().path("registered_model");
        assertEquals(2, model.path("aliases").size());
        // deleting version 2 drops both aliases
        fx.call("DELETE", MV + "/delete", Map.of("name", "main.ml.aliases", "version", "2"), null);
        assertEquals(404, fx.get(RM + "/alias?name=main.ml.aliases&alias=champion").status());
        assertTrue(fx.get(RM + "/get?name=main.ml.aliases").body().path("registered_model").path("aliases").isMissingNode());
        for (String bad : List.of("latest", "v3", "has space")) {
            Reply r = fx.post(RM + "/alias", Map.of("name", "main.ml.aliases", "alias", bad, "version", "1"));
            assertEquals(400, r.status(), bad);
        }
        assertEquals(404, fx.post(RM + "/alias", Map.of("name", "main.ml.aliases", "alias", "x", "version", "9")).status());
        // delete an alias (DELETE with a JSON body, as the Python client sends it)
        fx.post(RM + "/alias", Map.of("name", "main.ml.aliases", "alias", "shadow", "version", "1"));
        assertEquals(200, fx.call("DELETE", RM + "/alias", Map.of("name", "main.ml.aliases", "alias", "shadow"), null).status());
        assertEquals(404, fx.call("DELETE", RM + "/alias?name=main.ml.aliases&alias=shadow", null, null).status());
    }

    @Test
    void stageTransitionsPointToAliases() throws Exception {
        create("main.ml.stages");
        version("main.ml.stages", fx.modelDir("stages", true));
        Reply r = fx.post(MV + "/transition-stage", Map.of("name", "main.ml.stages", "version", "1", "stage", "Production",
                "archive_existing_versions", false));
        assertEquals(400, r.status());
        assertTrue(r.message().contains("no stages") && r.message().contains("alias"), r.message());
        Reply latest = fx.post(RM + "/get-latest-versions", Map.of("name", "main.ml.stages"));
        assertEquals(400, latest.status());
    }

    @Test
    void searchWithMlflowFiltersAndTags() throws Exception {
        create("main.search.alpha");
        create("main.search.beta");
        create("main.other.alpha");
        fx.post(RM + "/set-tag", Map.of("name", "main.search.beta", "key", "team", "value", "risk"));
        assertEquals(List.of("main.search.alpha", "main.search.beta"), names(fx.get(RM + "/search?filter="
                + enc("name LIKE 'main.search.%'"))));
        assertEquals(List.of("main.other.alpha", "main.search.alpha"), names(fx.get(RM + "/search?filter="
                + enc("name ILIKE '%ALPHA'"))));
        assertEquals(List.of(), names(fx.get(RM + "/search?filter=" + enc("name LIKE '%ALPHA'"))));
        assertEquals(List.of("main.search.beta"), names(fx.get(RM + "/search?filter=" + enc("tags.team = 'risk'"))));
        Reply page = fx.get(RM + "/search?filter=" + enc("name LIKE 'main.%'") + "&max_results=1");
        assertEquals(1, page.body().path("registered_models").size());
        String token = page.body().path("next_page_token").asText();
        assertFalse(token.isEmpty());
        assertEquals(400, fx.get(RM + "/search?filter=" + enc("owner = 'x'")).status());
        // version search by name and by tag
        Path src = fx.modelDir("search", true);
        version("main.search.alpha", src);
        version("main.search.alpha", src);
        fx.post(MV + "/set-tag", Map.of("name", "main.search.alpha", "version", "2", "key", "validated", "value", "yes"));
        JsonNode vs = fx.get(MV + "/search?filter=" + enc("name = 'main.search.alpha'")).body().path("model_versions");
        assertEquals(2, vs.size());
        assertEquals("2", vs.get(0).path("version").asText());
        assertEquals(1, fx.get(MV + "/search?filter=" + enc("tags.validated = 'yes'")).body().path("model_versions").size());
    }

    @Test
    void renameKeepsVersionsAndAliases() throws Exception {
        create("main.ml.before");
        version("main.ml.before", fx.modelDir("rename", true));
        fx.post(RM + "/alias", Map.of("name", "main.ml.before", "alias", "champion", "version", "1"));
        Reply r = fx.post(RM + "/rename", Map.of("name", "main.ml.before", "new_name", "main.ml.after"));
        assertEquals(200, r.status(), r.body().toString());
        assertEquals("1", fx.get(RM + "/alias?name=main.ml.after&alias=champion").body().path("model_version").path("version").asText());
        assertEquals(404, fx.get(RM + "/get?name=main.ml.before").status());
        assertEquals(400, fx.post(RM + "/rename", Map.of("name", "main.ml.after", "new_name", "main.other.after")).status());
    }

    @Test
    void concurrentAliasMovesFromTwoClientsLeaveOneConsistentAnswer() throws Exception {
        create("main.ml.race");
        Path src = fx.modelDir("race", true);
        version("main.ml.race", src);
        version("main.ml.race", src);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> clients = new ArrayList<>();
        for (String v : List.of("1", "2")) {
            clients.add(pool.submit(() -> {
                go.await();
                int failures = 0;
                for (int i = 0; i < 40; i++) {
                    if (fx.post(RM + "/alias", Map.of("name", "main.ml.race", "alias", "champion", "version", v)).status() != 200) {
                        failures++;
                    }
                }
                return failures;
            }));
        }
        go.countDown();
        for (Future<Integer> f : clients) {
            assertEquals(0, f.get());
        }
        pool.shutdown();
        String target = fx.get(RM + "/alias?name=main.ml.race&alias=champion").body().path("model_version").path("version").asText();
        assertTrue(target.equals("1") || target.equals("2"));
        int listing = 0;
        for (String v : List.of("1", "2")) {
            JsonNode aliases = fx.get(MV + "/get?name=main.ml.race&version=" + v).body().path("model_version").path("aliases");
            if (aliases.toString().contains("champion")) {
                listing++;
                assertEquals(target, v);
            }
        }
        assertEquals(1, listing, "exactly one version lists @champion");
        assertEquals(1, fx.get(RM + "/get?name=main.ml.race").body().path("registered_model").path("aliases").size());
    }

    private static List<String> names(Reply r) {
        List<String> out = new ArrayList<>();
        r.body().path("registered_models").forEach(m -> out.add(m.path("name").asText()));
        return out;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
