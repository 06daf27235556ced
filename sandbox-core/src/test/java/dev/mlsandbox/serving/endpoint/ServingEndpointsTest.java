package dev.mlsandbox.serving.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mlsandbox.http.ErrorCode;
import dev.mlsandbox.http.MlflowException;
import dev.mlsandbox.serving.endpoint.ServingEndpoints.Caller;
import dev.mlsandbox.serving.protocol.ServingModel;
import dev.mlsandbox.serving.server.ServingFixture;

/** The endpoint rules without HTTP: one update at a time, failed updates, the seeded split. */
class ServingEndpointsTest {

    static final String MODEL = "main.ml.churn";

    /** Real models from the fixture; a load may be held until the test lets it go, or fail. */
    static final class Source implements ModelSource {
        volatile CountDownLatch hold = new CountDownLatch(0);
        volatile boolean failLoads;

        @Override
        public void check(ServedEntity entity, String authorization) {
            if (entity.version() > 2) {
                throw MlflowException.notFound("Model Version (name=" + entity.entityName() + ", version=" + entity.version()
                        + ") not found");
            }
        }

        @Override
        public ServingModel load(ServedEntity entity, String authorization) throws Exception {
            assertTrue(hold.await(120, TimeUnit.SECONDS));
            if (failLoads) {
                throw new java.io.IOException("the model files are gone");
            }
            return ServingModel.load(ServingFixture.modelDirs().get((int) entity.version() - 1));
        }
    }

    @org.junit.jupiter.api.BeforeAll
    static void saveModels() {
        ServingFixture.modelDirs(); // fit and save on the test thread, not on an endpoint's loader
    }

    static EndpointConfig split(int championPercent) {
        return EndpointConfig.split(ServedEntity.of(MODEL, 1).withName("champion"), ServedEntity.of(MODEL, 2).withName("challenger"),
                championPercent);
    }

    @Test
    void oneUpdateAtATimeAndTheOldConfigServesUntilTheNewOneHasLoaded() throws Exception {
        Source source = new Source();
        try (ServingEndpoints endpoints = new ServingEndpoints(source, EndpointStore.inMemory(), 42L)) {
            endpoints.create("e", EndpointConfig.of(ServedEntity.of(MODEL, 1)), Caller.anonymous());
            Endpoint ep = endpoints.awaitUpdate("e", Duration.ofMinutes(2));
            assertEquals(Endpoint.Ready.READY, ep.ready(), ep.failure());
            Deployment first = ep.live();
            String body = ServingFixture.split(0, 10);
            String v1 = endpoints.invoke("e", null, body, "application/json", "t").body();

            source.hold = new CountDownLatch(1);
            endpoints.updateConfig("e", EndpointConfig.of(ServedEntity.of(MODEL, 2)), Caller.anonymous());
            assertEquals(Endpoint.ConfigUpdate.IN_PROGRESS, ep.configUpdate());
            MlflowException busy = assertThrows(MlflowException.class,
                    () -> endpoints.updateConfig("e", split(50), Caller.anonymous()));
            assertEquals(ErrorCode.RESOURCE_CONFLICT, busy.code());
            assertEquals(409, busy.status());
            // still answered by version 1 while version 2 loads
            assertEquals(v1, endpoints.invoke("e", null, body, "application/json", "t").body());
            assertSame(first, ep.live());
            source.hold.countDown();
            endpoints.awaitUpdate("e", Duration.ofMinutes(2));
            assertEquals(2, ep.configVersion());
            assertEquals("churn-2", endpoints.invoke("e", null, body, "application/json", "t").servedEntityName());

            // a config that fails to load leaves version 2 serving, and says why
            source.failLoads = true;
            Deployment second = ep.live();
            endpoints.updateConfig("e", EndpointConfig.of(ServedEntity.of(MODEL, 1).withName("again")), Caller.anonymous());
            endpoints.awaitUpdate("e", Duration.ofMinutes(2));
            assertEquals(Endpoint.ConfigUpdate.UPDATE_FAILED, ep.configUpdate());
            assertTrue(ep.failure().contains("the model files are gone"), ep.failure());
            assertSame(second, ep.live());
            assertEquals(Endpoint.Ready.READY, ep.ready());

            // a refused check applies nothing
            source.failLoads = false;
            assertThrows(MlflowException.class, () -> endpoints.updateConfig("e", EndpointConfig.of(ServedEntity.of(MODEL, 5)),
                    Caller.anonymous()));
            assertSame(second, ep.live());
            assertNull(ep.pending());
        }
    }

    @Test
    void trafficSharesOver10000SeededRequestsFollowTheRoutesAndRepeat() throws Exception {
        List<String> firstRun = run(42L);
        assertEquals(firstRun, run(42L), "the same seed and request order should give the same split");
        assertTrue(!firstRun.equals(run(7L)));
        Map<String, Integer> counts = new HashMap<>();
        firstRun.forEach(n -> counts.merge(n, 1, Integer::sum));
        // 10 % of 10,000 = 1,000, binomial sd = 30: within 4 sd
        int challenger = counts.getOrDefault("challenger", 0);
        assertTrue(Math.abs(challenger - 1000) <= 120, "challenger answered " + challenger + " of 10,000");
        assertEquals(10_000, counts.values().stream().mapToInt(Integer::intValue).sum());
    }

    private static List<String> run(long seed) throws Exception {
        try (ServingEndpoints endpoints = new ServingEndpoints(new Source(), EndpointStore.inMemory(), seed)) {
            endpoints.create("ab", split(90), Caller.anonymous());
            endpoints.awaitUpdate("ab", Duration.ofMinutes(2));
            String body = ServingFixture.split(0, 1);
            List<String> served = new ArrayList<>(10_000);
            for (int i = 0; i < 10_000; i++) {
                served.add(endpoints.invoke("ab", null, body, "application/json", "t").servedEntityName());
            }
            return served;
        }
    }

    @Test
    void configsAreValidatedAsDatabricksValidatesThem() {
        MlflowException sum = assertThrows(MlflowException.class, () -> new EndpointConfig(List.of(ServedEntity.of(MODEL, 1)),
                List.of(new TrafficRoute("churn-1", 90))));
        assertTrue(sum.getMessage().contains("must sum to 100, got 90"), sum.getMessage());
        assertThrows(MlflowException.class, () -> EndpointConfig.checkName("bad name"));
        assertThrows(MlflowException.class, () -> EndpointConfig.checkName("x".repeat(64)));
        assertEquals("a-b_C9", EndpointConfig.checkName("a-b_C9"));
        MlflowException dup = assertThrows(MlflowException.class, () -> new EndpointConfig(List.of(ServedEntity.of(MODEL, 1),
                ServedEntity.of(MODEL, 1)), List.of(new TrafficRoute("churn-1", 100))));
        assertTrue(dup.getMessage().contains("unique"), dup.getMessage());
    }
}
