package dev.sheepdog.testing.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class RealPartTest {

    private static final String NOT_HERE = "no frobnicator at /usr/bin/frob (apt-get install frob)";

    @Test
    void anInstalledPartLetsEveryTestRun() {
        RealPart part = new RealPart("Frobnicator", "frobnicator tests", () -> null, true);

        ConditionEvaluationResult result = part.evaluate(true);

        assertThat(result.isDisabled()).isFalse();
        assertThat(result.getReason()).contains("Frobnicator is installed");
    }

    @Test
    void aMissingPartSkipsEachTestWithWhatToInstallWhenNotUnderCi() {
        RealPart part = new RealPart("Frobnicator", "frobnicator tests", () -> NOT_HERE, false);

        ConditionEvaluationResult test = part.evaluate(true);

        assertThat(test.isDisabled()).isTrue();
        assertThat(test.getReason()).contains("frobnicator tests skipped: " + NOT_HERE
                + " (under CI=true they fail instead)");
    }

    @Test
    void aMissingPartLeavesTheClassEnabledSoThatItsTestsAreCountedAsSkippedOneByOne() {
        RealPart part = new RealPart("Frobnicator", "frobnicator tests", () -> NOT_HERE, false);

        assertThat(part.evaluate(false).isDisabled()).isFalse();
    }

    @Test
    void aMissingPartFailsUnderCiInsteadOfPassingSilently() {
        RealPart part = new RealPart("Frobnicator", "frobnicator tests", () -> NOT_HERE, true);

        assertThatThrownBy(() -> part.evaluate(true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("CI=true and the frobnicator tests cannot run: " + NOT_HERE);
        assertThatThrownBy(() -> part.evaluate(false)).isInstanceOf(IllegalStateException.class);
    }
}
