package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleTest {

    @ParameterizedTest
    @EnumSource(Role.class)
    void findsEveryRoleByItsWireName(Role role) {
        assertThat(Role.fromWireName(role.wireName())).contains(role);
    }

    @Test
    void wireNamesAreLowerCase() {
        assertThat(Role.ASSISTANT.wireName()).isEqualTo("assistant");
    }

    @Test
    void knowsNoOtherNames() {
        assertThat(Role.fromWireName("ASSISTANT")).isEmpty();
        assertThat(Role.fromWireName("robot")).isEmpty();
        assertThat(Role.fromWireName(null)).isEmpty();
    }
}
