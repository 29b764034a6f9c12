package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"holysheep-primary", "a", "canary.2", "eu_west-1"})
    void acceptsLowerCaseNames(String name) {
        assertThat(new EndpointId(name)).hasToString(name);
    }

    @Test
    void acceptsSixtyThreeCharactersButNotSixtyFour() {
        assertThat(new EndpointId("a".repeat(63)).value()).hasSize(63);
        assertThatThrownBy(() -> new EndpointId("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Primary", "-primary", ".hidden", "has space", "slash/name", "ünïcode"})
    void rejectsOtherNames(String name) {
        assertThatThrownBy(() -> new EndpointId(name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint id");
    }
}
