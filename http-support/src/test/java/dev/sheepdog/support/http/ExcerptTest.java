package dev.sheepdog.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void keepsShortTextAndCutsLongTextWithAMark() {
        assertThat(Excerpt.of("Overloaded", 20)).isEqualTo("Overloaded");
        assertThat(Excerpt.of("abcdef", 3)).isEqualTo("abc…");
    }

    @Test
    void neverCutsACharacterOutsideTheBasicPlaneInHalf() {
        assertThat(Excerpt.of("ab😄cd", 3)).isEqualTo("ab…");
    }
}
