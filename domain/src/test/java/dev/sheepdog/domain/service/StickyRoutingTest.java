package dev.sheepdog.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.Requests;
import dev.sheepdog.domain.model.Route;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.RoutingPlan;
import dev.sheepdog.domain.port.out.ScriptedCompletionProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each caller sticks to one side of the canary split, and every route lists its fallbacks in order. */
class StickyRoutingTest {

    private static final int CALLERS = 10_000;
    private static final Endpoint PRIMARY = endpoint("primary", "gpt-4.1", "deepseek-v3.2");
    private static final Endpoint CANARY = endpoint("canary", "gpt-4.1");
    private static final Endpoint STANDBY_A = endpoint("standby-a");
    private static final Endpoint SHADOW = endpoint("shadow");
    private static final Endpoint STANDBY_B = endpoint("standby-b", "gpt-4.1");
    private static final List<Endpoint> ENDPOINTS = List.of(PRIMARY, CANARY, STANDBY_A, SHADOW, STANDBY_B);
    private static final RoutingPlan PLAN = new RoutingPlan(Map.of(PRIMARY.id(), EndpointRole.PRIMARY,
            CANARY.id(), EndpointRole.CANARY, STANDBY_A.id(), EndpointRole.STANDBY, SHADOW.id(), EndpointRole.SHADOW,
            STANDBY_B.id(), EndpointRole.STANDBY), 0.2, Map.of(SHADOW.id(), 0.25), 4);

    private final RoutingState state = Gateways.routingState(ENDPOINTS, PLAN);
    private final TrafficRouter router = new TrafficRouter(new Endpoints(ENDPOINTS), state, PLAN, new SplittableRandom(3));

    @Test
    void splitsTenThousandCallersAboutTwentyEightyAtWeightTwoTenths() {
        assertThat(canaryCallers()).hasSizeBetween(1_800, 2_200);
    }

    @Test
    void routesTheSameCallerToTheSameSideEveryTime() {
        Map<String, EndpointId> firstChoice = IntStream.range(0, 500).mapToObj(StickyRoutingTest::caller)
                .collect(Collectors.toMap(caller -> caller, caller -> first("gpt-4.1", caller)));
        TrafficRouter another = new TrafficRouter(new Endpoints(ENDPOINTS), state, PLAN, new SplittableRandom(99));

        for (int round = 0; round < 20; round++) {
            firstChoice.forEach((caller, endpoint) -> {
                assertThat(first("gpt-4.1", caller)).isEqualTo(endpoint);
                assertThat(another.route(Requests.ask("gpt-4.1", "Hi"), new CallerId(caller)).attempts().getFirst().id())
                        .isEqualTo(endpoint);
            });
        }
        assertThat(firstChoice.values()).contains(PRIMARY.id(), CANARY.id());
    }

    @Test
    void raisingTheWeightOnlyMovesPrimaryCallersToTheCanary() {
        Set<String> before = canaryCallers();

        weigh(0.3);
        Set<String> after = canaryCallers();

        assertThat(after).containsAll(before);
        assertThat(after.size() - before.size()).isBetween(800, 1_200);
    }

    @Test
    void weightZeroSendsNobodyToTheCanaryAndWeightOneSendsEverybody() {
        weigh(0);
        assertThat(canaryCallers()).isEmpty();

        weigh(1);
        assertThat(canaryCallers()).hasSize(CALLERS);
    }

    @Test
    void aCanaryCallerFallsBackToThePrimaryThenTheStandbysInConfiguredOrder() {
        String caller = canaryCallers().iterator().next();

        assertThat(attempts("gpt-4.1", caller)).containsExactly(CANARY.id(), PRIMARY.id(), STANDBY_A.id(),
                STANDBY_B.id());
    }

    @Test
    void aPrimaryCallerFallsBackToTheCanaryThenTheStandbysInConfiguredOrder() {
        Set<String> canary = canaryCallers();
        String caller = IntStream.range(0, CALLERS).mapToObj(StickyRoutingTest::caller)
                .filter(id -> !canary.contains(id)).findFirst().orElseThrow();

        assertThat(attempts("gpt-4.1", caller)).containsExactly(PRIMARY.id(), CANARY.id(), STANDBY_A.id(),
                STANDBY_B.id());
    }

    @Test
    void leavesOutTheEndpointsThatDoNotServeTheModel() {
        weigh(1);

        assertThat(attempts("deepseek-v3.2", caller(1))).containsExactly(PRIMARY.id(), STANDBY_A.id());
        assertThat(attempts("qwen-3", caller(1))).containsExactly(STANDBY_A.id());
    }

    @Test
    void hasNoRouteAndNoShadowWhenNothingServesTheModel() {
        List<Endpoint> narrow = List.of(PRIMARY, CANARY);
        TrafficRouter router = new TrafficRouter(new Endpoints(narrow), Gateways.routingState(narrow, PLAN), PLAN,
                new SplittableRandom(3));

        Route route = router.route(Requests.ask("qwen-3", "Hi"), new CallerId("writer-1"));

        assertThat(route.attempts()).isEmpty();
        assertThat(route.shadow()).isEmpty();
    }

    @Test
    void copiesToTheShadowAboutAsOftenAsItsFractionAndNeverFailsOverToIt() {
        List<Route> routes = IntStream.range(0, CALLERS)
                .mapToObj(i -> router.route(Requests.ask("gpt-4.1", "Hi"), new CallerId(caller(i)))).toList();

        assertThat(routes.stream().filter(route -> route.shadow().isPresent()).count()).isBetween(2_250L, 2_750L);
        assertThat(routes).allSatisfy(route -> {
            route.shadow().ifPresent(shadow -> assertThat(shadow).isEqualTo(SHADOW));
            assertThat(route.attempts()).doesNotContain(SHADOW);
        });
    }

    @Test
    void eachCanaryPicksItsOwnFirstUsers() {
        Set<String> first = canaryCallers();
        RoutingPlan renamed = new RoutingPlan(Map.of(PRIMARY.id(), EndpointRole.PRIMARY,
                STANDBY_B.id(), EndpointRole.CANARY), 0.2, Map.of(), 0);
        TrafficRouter other = new TrafficRouter(new Endpoints(ENDPOINTS), Gateways.routingState(ENDPOINTS, renamed),
                renamed, new SplittableRandom(3));

        long both = first.stream().filter(caller -> other.route(Requests.ask("gpt-4.1", "Hi"), new CallerId(caller))
                .attempts().getFirst().equals(STANDBY_B)).count();

        // Independent 20% samples overlap on about 4% of callers, not on the same 20%.
        assertThat(both).isBetween(250L, 550L);
    }

    private Set<String> canaryCallers() {
        return IntStream.range(0, CALLERS).mapToObj(StickyRoutingTest::caller)
                .filter(caller -> first("gpt-4.1", caller).equals(CANARY.id())).collect(Collectors.toSet());
    }

    private EndpointId first(String model, String caller) {
        return attempts(model, caller).getFirst();
    }

    private List<EndpointId> attempts(String model, String caller) {
        return router.route(Requests.ask(model, "Hi"), new CallerId(caller)).attempts().stream().map(Endpoint::id)
                .toList();
    }

    private void weigh(double weight) {
        state.update(now -> new RouteState(now.roles(), weight, now.paused(), 0, 0, now.decisions()));
    }

    private static String caller(int i) {
        return "writer-" + i;
    }

    private static Endpoint endpoint(String id, String... models) {
        return CompletionServiceTest.endpoint(id, ScriptedCompletionProvider.NAME, models);
    }
}
