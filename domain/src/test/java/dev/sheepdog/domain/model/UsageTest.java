package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsageTest {

    @Test
    void totalIsPromptPlusCompletion() {
        assertThat(Usage.reported(12, 30).totalTokens()).isEqualTo(42);
    }

    @Test
    void saysWhetherTheGatewayEstimatedIt() {
        assertThat(Usage.reported(1, 2).estimated()).isFalse();
        assertThat(Usage.estimated(1, 2).estimated()).isTrue();
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> Usage.reported(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Usage.estimated(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
