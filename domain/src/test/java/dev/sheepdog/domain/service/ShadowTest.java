package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.port.out.ScriptedEvents.chunk;
import static dev.sheepdog.domain.port.out.ScriptedEvents.end;
import static dev.sheepdog.domain.port.out.ScriptedEvents.failed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.CompletionRecord.Traffic;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.Requests;
import dev.sheepdog.domain.model.RoutingPlan;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.CompletionProviderContract;
import dev.sheepdog.domain.port.out.RecordingTelemetry;
import dev.sheepdog.domain.port.out.ScriptedCompletionProvider;
import dev.sheepdog.domain.port.out.ScriptedStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A shadow gets a copy on its own thread, read and thrown away: the user never waits for it nor sees it. */
@Timeout(30) // a shadow read on the user's thread would hang for its scripted hour
class ShadowTest {

    private static final Endpoint PRIMARY = CompletionServiceTest.endpoint("primary", "live");
    private static final Endpoint STANDBY = CompletionServiceTest.endpoint("standby", "live");
    private static final Endpoint SHADOW = CompletionServiceTest.endpoint("shadow", "mirror");
    private static final List<Endpoint> ENDPOINTS = List.of(PRIMARY, STANDBY, SHADOW);
    private static final CompletionRequest REQUEST = Requests.ask("gpt-4.1", "Viết về mùa thu");

    private final ManualClock clock = new ManualClock();
    private final ScriptedCompletionProvider live = new ScriptedCompletionProvider();
    private final ScriptedCompletionProvider mirror = new ScriptedCompletionProvider();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final EndpointStatistics statistics = Gateways.statistics(clock);

    @AfterEach
    void releaseTheShadowsStillWaiting() {
        mirror.openings().forEach(opening -> opening.stream().close());
    }

    static Stream<ScriptedStream> slowShadows() {
        return Stream.of(ScriptedStream.of().thenAfter(Duration.ofHours(1), chunk("late")).then(end()),
                ScriptedStream.of(chunk("early")).thenAfter(Duration.ofHours(1), end()));
    }

    @ParameterizedTest
    @MethodSource("slowShadows")
    void theUsersStreamIsNeitherDelayedNorHeldBackByASlowShadow(ScriptedStream slowShadow) throws InterruptedException {
        mirror.willAnswer(slowShadow);
        live.willAnswer(ScriptedStream.answering("Xin", " chào"));

        CompletionStream stream = service(4).stream(REQUEST, new CallerId("writer-1"));

        assertThat(stream.poll(Duration.ZERO)).as("the first event is there at once").contains(chunk("Xin"));
        assertThat(CompletionProviderContract.drain(stream)).last().isInstanceOf(CompletionEvent.End.class);
        await(() -> mirror.openings().size() == 1);
        assertThat(mirror.lastOpening().request()).isEqualTo(REQUEST);
        assertThat(slowShadow.isClosed()).as("the shadow is still being read").isFalse();
        assertThat(telemetry.completions()).extracting(CompletionRecord::traffic).containsExactly(Traffic.LIVE);
        assertThat(telemetry.comparisons()).isEmpty();
    }

    @Test
    void aSaturatedShadowSkipsTheNextCopyAndCountsItUntilTheRunningOneEnds() throws InterruptedException {
        ScriptedStream holding = ScriptedStream.of().thenAfter(Duration.ofHours(1), end());
        mirror.willAnswer(holding);
        CompletionService service = service(1);
        answer(service);

        assertThat(answer(service)).last().isInstanceOf(CompletionEvent.End.class);

        assertThat(telemetry.skippedShadows()).containsExactly(SHADOW.id());
        assertThat(statistics.shadowsSkipped(SHADOW.id())).isEqualTo(1);
        await(() -> mirror.openings().size() == 1);
        holding.close();
        await(() -> answer(service) != null && mirror.openings().size() >= 2);
    }

    @Test
    void comparesBothAnswersOnceBothEndedTheShadowFirst() throws InterruptedException {
        mirror.willAnswer(ScriptedStream.answering("shadow"));
        CompletionStream stream = service(4).stream(REQUEST, new CallerId("writer-1"));
        await(() -> telemetry.completions().stream().anyMatch(record -> record.traffic() == Traffic.SHADOW));
        assertThat(telemetry.comparisons()).as("the user's side has not ended").isEmpty();

        CompletionProviderContract.drain(stream);
        stream.close();

        assertThat(telemetry.comparisons()).singleElement().satisfies(comparison -> {
            assertThat(comparison.live().endpoint()).isEqualTo(PRIMARY.id());
            assertThat(comparison.live().traffic()).isEqualTo(Traffic.LIVE);
            assertThat(comparison.live().outcome()).isEqualTo(CompletionOutcome.COMPLETED);
            assertThat(comparison.shadow().endpoint()).isEqualTo(SHADOW.id());
            assertThat(comparison.shadow().traffic()).isEqualTo(Traffic.SHADOW);
            assertThat(comparison.shadow().outcome()).isEqualTo(CompletionOutcome.COMPLETED);
        });
    }

    @Test
    void comparesBothAnswersOnceBothEndedTheUserFirst() throws InterruptedException {
        ScriptedStream slow = ScriptedStream.of(chunk("early")).thenAfter(Duration.ofHours(1), end());
        mirror.willAnswer(slow);
        answer(service(4));
        await(() -> mirror.openings().size() == 1);
        assertThat(telemetry.comparisons()).as("the shadow has not ended").isEmpty();

        slow.close();

        await(() -> !telemetry.comparisons().isEmpty());
        assertThat(telemetry.comparisons()).singleElement().satisfies(comparison -> {
            assertThat(comparison.live().outcome()).isEqualTo(CompletionOutcome.COMPLETED);
            assertThat(comparison.shadow().outcome()).isEqualTo(CompletionOutcome.CANCELLED);
        });
    }

    @Test
    void comparesTheShadowWithTheAttemptThatServedTheUser() throws InterruptedException {
        live.willAnswer(ScriptedStream.of(failed(FailureKind.UPSTREAM_UNAVAILABLE)), ScriptedStream.answering("ok"));

        answer(service(4));

        await(() -> !telemetry.comparisons().isEmpty());
        assertThat(telemetry.comparisons().getFirst().live().endpoint()).isEqualTo(STANDBY.id());
    }

    @Test
    void theShadowsRecordsGoToTheShadowsStatisticsNotThePrimarys() throws InterruptedException {
        mirror.willAnswer(ScriptedStream.of(failed(FailureKind.UPSTREAM_UNAVAILABLE)));

        assertThat(answer(service(4))).last().isInstanceOf(CompletionEvent.End.class);

        await(() -> statistics.summary(SHADOW.id()).requests() == 1);
        assertThat(statistics.summary(SHADOW.id()).errors()).containsOnlyKeys(FailureKind.UPSTREAM_UNAVAILABLE);
        assertThat(statistics.summary(PRIMARY.id()).requests()).isEqualTo(1);
        assertThat(statistics.summary(PRIMARY.id()).errors()).isEmpty();
    }

    private CompletionService service(int maxConcurrentShadows) {
        RoutingPlan plan = new RoutingPlan(Map.of(PRIMARY.id(), EndpointRole.PRIMARY, STANDBY.id(), EndpointRole.STANDBY,
                SHADOW.id(), EndpointRole.SHADOW), 0, Map.of(SHADOW.id(), 1.0), maxConcurrentShadows);
        Map<String, CompletionProvider> providers = Map.of("live", live, "mirror", mirror);
        KeyRing keys = Gateways.keyRing(ENDPOINTS, providers, Map.of(), telemetry, clock);
        return Gateways.completions(ENDPOINTS, providers, keys, plan, Gateways.routingState(ENDPOINTS, plan),
                statistics, telemetry, clock);
    }

    private static List<CompletionEvent> answer(CompletionService service) {
        try {
            return CompletionProviderContract.drain(service.stream(REQUEST, new CallerId("writer-1")));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits for another thread, at most ten seconds. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited ten seconds").isNegative();
            Thread.sleep(5);
        }
    }
}
