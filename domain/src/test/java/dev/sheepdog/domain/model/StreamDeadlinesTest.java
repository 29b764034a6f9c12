package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamDeadlinesTest {

    private static final Duration ONE = Duration.ofSeconds(1);

    @Test
    void rejectsAZeroDeadline() {
        assertThatThrownBy(() -> new StreamDeadlines(ONE, Duration.ZERO, ONE, ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstToken");
    }

    @Test
    void rejectsANegativeDeadline() {
        assertThatThrownBy(() -> new StreamDeadlines(ONE, ONE, ONE, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total");
        assertThatThrownBy(() -> new StreamDeadlines(Duration.ofSeconds(-5), ONE, ONE, ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connect");
        assertThatThrownBy(() -> new StreamDeadlines(ONE, ONE, Duration.ofNanos(-1), ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle");
    }
}
