package dev.sheepdog.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void readsLibpqsFormWithAPercentEncodedPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://sheepdog:p%40ss%3Aw0rd@db.internal:6543/fleet?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/fleet?sslmode=require");
        assertThat(url.user()).isEqualTo("sheepdog");
        assertThat(url.password()).isEqualTo("p@ss:w0rd");
    }

    @Test
    void readsTheJdbcFormWithCredentialsAsParametersAndTheDefaultPort() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://10.0.0.5/fleet?user=sheepdog&password=s3cret&ssl=true");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5:5432/fleet?ssl=true");
        assertThat(url.user()).isEqualTo("sheepdog");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void acceptsAUrlWithoutPasswordAndThePostgresScheme() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://sheepdog@[::1]:5433/fleet");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/fleet");
        assertThat(url.password()).isNull();
    }

    @Test
    void showsEverythingButThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://sheepdog:s3cret@db:5432/fleet?password=other");

        assertThat(url).hasToString("postgresql://sheepdog@db:5432/fleet");
    }

    @Test
    void refusesWhatIsNotAPostgresqlUrlWithoutRepeatingIt() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://sheepdog:s3cret@db/fleet"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("s3cret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://sheepdog:s3 cret@db/fleet"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("s3 cret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db/fleet"))
                .hasMessageContaining("names no user");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://sheepdog@db"))
                .hasMessageContaining("postgresql://user:password@host:5432/database");
    }

    @Test
    void takesThePoolSizeAsSheepdogsOwnParameterAndPassesTheRestToTheDriver() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://sheepdog@db/fleet?sslmode=require&pool_size=24");

        assertThat(url.poolSize()).isEqualTo(24);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/fleet?sslmode=require");
        assertThat(DatabaseUrl.parse("postgresql://sheepdog@db/fleet").poolSize())
                .isEqualTo(DatabaseUrl.DEFAULT_POOL_SIZE).isEqualTo(8);
    }

    @Test
    void refusesAPoolSizeThatIsNotFromOneTo200() {
        for (String size : new String[] {"0", "-3", "201", "eight", ""}) {
            assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://sheepdog:s3cret@db/fleet?pool_size=" + size))
                    .as(size).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pool_size must be a whole number from 1 to 200")
                    .message().doesNotContain("s3cret");
        }
    }
}
