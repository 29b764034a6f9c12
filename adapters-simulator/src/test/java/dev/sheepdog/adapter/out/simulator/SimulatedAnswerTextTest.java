package dev.sheepdog.adapter.out.simulator;

import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.answerTo;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ask;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.INSTANT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.message;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.provider;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.Sampling;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedAnswerTextTest {

    private static final CompletionRequest REQUEST = ask("Write an intro about Da Lat coffee");

    @Test
    void answersWithAtLeastThreeHundredCharacters() throws InterruptedException {
        assertThat(answerTo(REQUEST)).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void writesVietnameseWithDiacriticsAndEnglish() throws InterruptedException {
        String answer = answerTo(REQUEST);

        assertThat(answer).containsPattern("[ăâđêôơưạảấầậắằặẹẻẽếềệỉịọỏốồộớờợụủứừựỳỵỷỹ]");
        assertThat(answer).containsPattern("\\b(the|and|with|to)\\b");
    }

    @Test
    void isAboutTheUsersLastMessage() throws InterruptedException {
        CompletionRequest request = CompletionRequest.streaming(SimulatorFixtures.MODEL, List.of(
                message(Role.SYSTEM, "You are a copywriter."),
                message(Role.USER, "an old topic"),
                message(Role.ASSISTANT, "Here it is."),
                message(Role.USER, "  Viết bài về   cà phê\nĐà Lạt ")));

        String answer = answerTo(request);

        assertThat(answer).contains("Viết bài về cà phê Đà Lạt").doesNotContain("an old topic");
    }

    @Test
    void cutsALongTopicAfterSixtyCodePoints() throws InterruptedException {
        String emoji = "😀".repeat(10);

        String answer = answerTo(ask(emoji + "a".repeat(90)));

        assertThat(answer).contains(emoji + "a".repeat(50) + "…").doesNotContain("a".repeat(51));
    }

    @Test
    void answersTheSameRequestWithTheSameText() throws InterruptedException {
        assertThat(answerTo(REQUEST)).isEqualTo(answerTo(ask("Write an intro about Da Lat coffee")));
        assertThat(answerTo(REQUEST, "42")).isEqualTo(answerTo(REQUEST, "42"));
        assertThat(answerTo(REQUEST, "")).as("no seed").isEqualTo(answerTo(REQUEST));
    }

    @Test
    void theRequestsSeedVariesTheAnswerThroughThePort() throws InterruptedException {
        Set<String> bySeed = new HashSet<>();
        for (long seed = 1; seed <= 5; seed++) {
            bySeed.add(textOf(provider(INSTANT).open(null, ApiKey.NONE, seeded(seed))));
        }

        assertThat(textOf(provider(INSTANT).open(null, ApiKey.NONE, seeded(42))))
                .isEqualTo(textOf(provider(INSTANT).open(null, ApiKey.NONE, seeded(42))))
                .isEqualTo(answerTo(REQUEST, "42"));
        assertThat(bySeed).hasSizeGreaterThan(1);
    }

    private static CompletionRequest seeded(long seed) {
        Sampling sampling = new Sampling(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                List.of(), OptionalLong.of(seed));
        return new CompletionRequest(REQUEST.model(), REQUEST.messages(), sampling, List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), true, false, Optional.empty());
    }

    @Test
    void anotherSeedPromptOrModelGivesAnotherText() throws InterruptedException {
        Set<String> bySeed = new HashSet<>();
        for (int seed = 1; seed <= 5; seed++) {
            bySeed.add(answerTo(REQUEST, Integer.toString(seed)));
        }
        CompletionRequest otherModel = CompletionRequest.streaming("deepseek-v3.2", REQUEST.messages());

        assertThat(bySeed).hasSizeGreaterThan(1);
        assertThat(answerTo(ask("Write an intro about Hoi An"))).isNotEqualTo(answerTo(REQUEST));
        assertThat(answerTo(otherModel)).isNotEqualTo(answerTo(REQUEST));
    }
}
