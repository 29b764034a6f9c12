package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.port.out.ScriptedEvents.chunk;
import static dev.sheepdog.domain.port.out.ScriptedEvents.end;
import static dev.sheepdog.domain.port.out.ScriptedEvents.failed;
import static dev.sheepdog.domain.port.out.ScriptedEvents.finish;
import static dev.sheepdog.domain.port.out.ScriptedEvents.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.Requests;
import dev.sheepdog.domain.model.Usage;
import dev.sheepdog.domain.port.out.CompletionProviderContract;
import dev.sheepdog.domain.port.out.RecordingTelemetry;
import dev.sheepdog.domain.port.out.ScriptedCompletionProvider;
import dev.sheepdog.domain.port.out.ScriptedStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every completion is reported once, however it ends, with the tokens it really delivered. */
class CompletionTelemetryTest {

    private static final CallerId CALLER = new CallerId("writer-1");

    private final ScriptedCompletionProvider provider = new ScriptedCompletionProvider();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final ManualClock clock = new ManualClock();
    private final CompletionService service = Gateways.completions(
            List.of(CompletionServiceTest.endpoint("local", ScriptedCompletionProvider.NAME)),
            Map.of(ScriptedCompletionProvider.NAME, provider), Map.of(), telemetry, clock);

    @Test
    void reportsAFinishedCompletionWithTheProvidersUsage() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(chunk("Xin"), chunk(" chào"), finish("stop"), usage(12, 2), end()));

        CompletionProviderContract.drain(service.stream(Requests.ask("m", "Hi"), CALLER));

        CompletionRecord record = telemetry.completions().getFirst();
        assertThat(record.outcome()).isEqualTo(CompletionOutcome.COMPLETED);
        assertThat(record.endpoint()).isEqualTo(new EndpointId("local"));
        assertThat(record.model()).isEqualTo("m");
        assertThat(record.usage()).isEqualTo(Usage.reported(12, 2));
        assertThat(record.chunks()).isEqualTo(2);
    }

    @Test
    void measuresTimeToFirstTokenAndDurationOnTheDomainsClock() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(chunk("a"), chunk("b"), finish("stop"), end()));
        CompletionStream stream = service.stream(Requests.ask("m", "Hi"), CALLER);

        clock.advance(Duration.ofMillis(180));
        stream.poll(Duration.ZERO);
        clock.advance(Duration.ofMillis(40));
        CompletionProviderContract.drain(stream);

        CompletionRecord record = telemetry.completions().getFirst();
        assertThat(record.timeToFirstToken()).contains(Duration.ofMillis(180));
        assertThat(record.duration()).isEqualTo(Duration.ofMillis(220));
    }

    @Test
    void reportsAStreamTheClientLeftWithUsageEstimatedFromWhatWasDelivered() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(chunk("Một"), chunk(" hai"), chunk(" ba")).thenAfter(
                Duration.ofHours(1), end()));
        CompletionStream stream = service.stream(Requests.ask("m", "Viết về mùa thu"), CALLER);
        stream.poll(Duration.ZERO);
        stream.poll(Duration.ZERO);

        stream.close();

        CompletionRecord record = telemetry.completions().getFirst();
        assertThat(record.outcome()).isEqualTo(CompletionOutcome.CANCELLED);
        assertThat(record.usage().estimated()).isTrue();
        assertThat(record.usage().completionTokens()).isEqualTo(2);
        assertThat(record.usage().promptTokens()).isPositive();
        assertThat(provider.lastOpening().stream().wasCancelled()).isTrue();
    }

    @Test
    void reportsAFailureWithItsKind() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(chunk("a"), failed(FailureKind.IDLE_TIMEOUT)));

        CompletionProviderContract.drain(service.stream(Requests.ask("m", "Hi"), CALLER));

        CompletionRecord record = telemetry.completions().getFirst();
        assertThat(record.outcome()).isEqualTo(CompletionOutcome.FAILED);
        assertThat(record.failure()).contains(FailureKind.IDLE_TIMEOUT);
        assertThat(record.usage().estimated()).isTrue();
    }

    @Test
    void reportsEachCompletionOnceEvenWhenClosedAfterItsEnd() throws InterruptedException {
        provider.willAnswer(ScriptedStream.of(chunk("a"), finish("stop"), end()));
        CompletionStream stream = service.stream(Requests.ask("m", "Hi"), CALLER);

        CompletionProviderContract.drain(stream);
        stream.close();
        stream.close();

        assertThat(telemetry.completions()).hasSize(1);
        assertThat(telemetry.completions().getFirst().failure()).isEqualTo(Optional.empty());
    }
}
