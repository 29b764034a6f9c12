package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import dev.sheepdog.testing.nginx.Nginx;
import dev.sheepdog.testing.nginx.NginxExtension;
import dev.sheepdog.testing.nginx.ProxiedRequest;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client key's plan, {@code rpm: 30} and $0.02 a day, holds for the fleet as a whole: its requests are
 * spread over gateways A and B by nginx, and the two count against the same limits in PostgreSQL.
 */
@ExtendWith({PostgresExtension.class, NginxExtension.class})
@Timeout(120)
class FleetClientLimitsBehindNginxTest {

    private static final Plan METERED = new Plan("metered", new Limits(OptionalInt.of(30), OptionalLong.empty(),
            OptionalInt.empty(), Optional.of(new BigDecimal("0.02")), Optional.empty()), Set.of());
    private static final AccessConfig ACCESS = new AccessConfig(false, List.of(), Optional.empty(),
            AccessConfig.ANONYMOUS_PLAN, Map.of("metered", METERED), AccessConfig.ANONYMOUS_PLAN, Optional.empty());
    /** 500 prompt and 125 completion tokens of gpt-4.1 (PacedUpstream), at $2 and $8 a million. */
    private static final BigDecimal COST_OF_ONE = new BigDecimal("0.002");
    /** A whole request of a 30-a-minute bucket refills in 2 s: a burst shorter than that gets no more than 30. */
    private static final Duration REFILL_OF_ONE = Duration.ofSeconds(2);
    private static final int WARM_UPS = 2;

    private final TestDatabase database;
    private final Nginx nginx;
    private PacedUpstream provider;
    private NginxFleet fleet;

    FleetClientLimitsBehindNginxTest(TestDatabase database, Nginx nginx) {
        this.database = database;
        this.nginx = nginx;
    }

    @BeforeEach
    void aFleetBehindNginx() throws Exception {
        provider = new PacedUpstream();
        fleet = NginxFleet.start(nginx, database, provider.baseUrl(), ACCESS);
        // One completion on each gateway first, so that the burst meets two gateways already warm.
        for (int i = 0; i < WARM_UPS; i++) {
            assertThat(NginxFleet.complete(fleet.nginx.url(), "gpt-4.1", "warm", Optional.empty()).statusCode())
                    .isEqualTo(200);
        }
    }

    @AfterEach
    void stopIt() {
        fleet.close();
        provider.close();
    }

    @Test
    void aBurstOfSixtyOverBothGatewaysGetsExactlyThirtyAnswersAndThirtyRateLimitErrors() throws Exception {
        String secret = addClient("burst").path("secret").asText();

        long started = System.nanoTime();
        List<HttpResponse<String>> answers = together(60, () -> NginxFleet.complete(fleet.nginx.url(),
                "deepseek-v3.2", "hi", Optional.of(secret)));
        Duration burst = Duration.ofNanos(System.nanoTime() - started);

        assertThat(burst).as("the burst, shorter than a whole request's refill").isLessThan(REFILL_OF_ONE);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).hasSize(30)
                .allSatisfy(answer -> assertThat(answer.body()).endsWith("data: [DONE]\n\n"));
        assertThat(answers).filteredOn(answer -> answer.statusCode() != 200).hasSize(30).allSatisfy(refused -> {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            JsonNode error = CallerGateway.parse(refused.body()).path("error");
            assertThat(error.path("message").asText()).contains("30 requests");
            assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
            assertThat(error.path("code").asText()).isEqualTo("rate_limited");
            assertThat(error.has("param")).isTrue();
        });
        assertThat(completionsAnsweredBy(60)).as("nginx took turns")
                .isEqualTo(Map.of(NginxFleet.port(fleet.a), 30L, NginxFleet.port(fleet.b), 30L));
    }

    @Test
    void aBudgetSpentThroughBothGatewaysIsOverrunByAtMostTheRequestsInFlightWhenItIsCrossed() throws Exception {
        JsonNode client = addClient("budgeted");
        String secret = client.path("secret").asText();
        String account = "client:" + client.path("id").asText();
        int clients = 4;

        // Each client sends one request after another until refused: never more than four in flight at once.
        AtomicBoolean refused = new AtomicBoolean();
        List<HttpResponse<String>> answers = new ArrayList<>();
        List<List<HttpResponse<String>>> perClient = together(clients, () -> {
            List<HttpResponse<String>> mine = new ArrayList<>();
            while (!refused.get()) {
                HttpResponse<String> answer = NginxFleet.complete(fleet.nginx.url(), "gpt-4.1", "hi",
                        Optional.of(secret));
                mine.add(answer);
                refused.compareAndSet(false, answer.statusCode() != 200);
            }
            return mine;
        });
        perClient.forEach(answers::addAll);

        FleetLedger ledger = FleetLedger.of(database);
        long served = answers.stream().filter(answer -> answer.statusCode() == 200).count();
        assertThat(answers).filteredOn(answer -> answer.statusCode() != 200).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(CallerGateway.errorCode(answer)).isEqualTo("budget_exceeded");
        });
        assertThat(ledger.costsOf(account)).as("each completion's cost").hasSize((int) served)
                .allSatisfy(cost -> assertThat(cost).isEqualByComparingTo(COST_OF_ONE));
        BigDecimal spent = ledger.spentBy(account);
        BigDecimal budget = METERED.limits().dailyUsd().orElseThrow();
        assertThat(spent).as("crossed").isGreaterThanOrEqualTo(budget);
        // The request that crossed it ends exactly on $0.02 (every cost is $0.002); any other client may have had
        // one more in flight, admitted before that request's cost reached the ledger.
        assertThat(spent.subtract(budget)).as("the overrun").isLessThanOrEqualTo(
                COST_OF_ONE.multiply(BigDecimal.valueOf(clients - 1)));
        assertThat(completionsAnsweredBy(answers.size()))
                .as("both gateways served the account").containsOnlyKeys(NginxFleet.port(fleet.a),
                        NginxFleet.port(fleet.b));
    }

    private JsonNode addClient(String name) {
        HttpResponse<String> made = NginxFleet.admin(fleet.nginx.url(), "POST", "/admin/clients",
                "{\"name\":\"" + name + "\",\"plan\":\"metered\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return CallerGateway.parse(made.body());
    }

    /** How many of the test's completions (after the warm-ups and the key's creation) each gateway answered. */
    private Map<Integer, Long> completionsAnsweredBy(int completions) {
        return fleet.nginx.requests(WARM_UPS + 1 + completions).stream()
                .filter(request -> request.path().equals("/v1/chat/completions")).skip(WARM_UPS)
                .collect(Collectors.groupingBy(ProxiedRequest::answeredBy, Collectors.counting()));
    }

    /** Runs {@code count} calls at once, released together; their results in order. */
    private static <T> List<T> together(int count, java.util.concurrent.Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
