package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Guessing the admin token is held to 10 wrong tries a minute per address. */
@Timeout(30)
class AdminAttemptsTest {

    private static final String RIGHT = "Bearer " + RunningAdminGateway.ADMIN_TOKEN;

    @RegisterExtension
    final RunningAdminGateway gateway = new RunningAdminGateway().withMetricsToken("metrics-token-5d2b");

    @Test
    void theRightTokenWorksAfterNineWrongOnes() throws Exception {
        guessWrong("/admin/clients", 9);

        assertThat(gateway.send("GET", "/admin/clients", RIGHT, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theTenthWrongTokenIsStillOnlyRefused() throws Exception {
        guessWrong("/admin/clients", 9);

        HttpResponse<String> response = gateway.send("GET", "/admin/clients", "Bearer guess-10", null);

        assertThat(ErrorReply.of(response).code()).isEqualTo("invalid_admin_token");
    }

    @Test
    void afterTenWrongTokensEvenTheRightOneWaits() throws Exception {
        guessWrong("/admin/clients", 10);

        HttpResponse<String> response = gateway.send("GET", "/admin/clients", RIGHT, null);

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(429, "rate_limit_error", null,
                "too_many_attempts"));
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(gateway.clients.keys).isEmpty();
    }

    @Test
    void wrongTokensOnOneAdminRouteCountForAllOfThem() throws Exception {
        guessWrong("/admin/keys", 10);

        assertThat(gateway.send("POST", "/admin/clients", RIGHT, "{\"name\":\"x\"}").statusCode()).isEqualTo(429);
        assertThat(gateway.clients.keys).isEmpty();
    }

    @Test
    void rightTokensAreNotCountedAsAttempts() throws Exception {
        for (int call = 0; call < 12; call++) {
            gateway.send("GET", "/admin/clients", RIGHT, null);
        }

        assertThat(gateway.send("GET", "/admin/clients", RIGHT, null).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongMetricsTokensDoNotLockTheAdminApi() throws Exception {
        guessWrong("/metrics", 10);

        assertThat(gateway.send("GET", "/admin/clients", RIGHT, null).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "Authorization: {0} <token>")
    @ValueSource(strings = {"bearer", "BEARER"})
    void theBearerSchemeIsCaseInsensitive(String scheme) throws Exception {
        HttpResponse<String> response = gateway.send("GET", "/admin/clients",
                scheme + " " + RunningAdminGateway.ADMIN_TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private void guessWrong(String path, int times) throws Exception {
        for (int attempt = 1; attempt <= times; attempt++) {
            assertThat(gateway.send("GET", path, "Bearer guess-" + attempt, null).statusCode()).isEqualTo(401);
        }
    }
}
