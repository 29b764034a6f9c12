package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.testing.nginx.Nginx;
import dev.sheepdog.testing.nginx.ProxiedRequest;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client key revoked through gateway B is refused by gateway A within a second, and by the fleet behind nginx. */
@Timeout(120)
class FleetClientRevocationBehindNginxTest extends OnAFleetBehindNginx {

    FleetClientRevocationBehindNginxTest(TestDatabase database, Nginx nginx) {
        super(database, nginx, AccessConfig.DEFAULT);
    }

    @Test
    void aClientKeyRevokedThroughBIsRefusedByAWithinASecondAndByBothBehindNginx() throws Exception {
        JsonNode client = fleet.addClient("{\"name\":\"old-frontend\"}");
        Optional<String> secret = Optional.of(client.path("secret").asText());
        for (int i = 0; i < 2; i++) {
            assertThat(NginxFleet.complete(fleet.nginx.url(), "gpt-4.1", "hi", secret).statusCode())
                    .as("served by A and by B before").isEqualTo(200);
        }

        HttpResponse<String> revoked = NginxFleet.admin(NginxFleet.root(fleet.b), "POST",
                "/admin/clients/" + client.path("id").asText() + "/revoke", null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        long since = System.nanoTime();
        HttpResponse<String> refused = NginxFleet.complete(NginxFleet.root(fleet.a), "gpt-4.1", "hi", secret);
        while (refused.statusCode() == 200 && System.nanoTime() - since < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(10);
            refused = NginxFleet.complete(NginxFleet.root(fleet.a), "gpt-4.1", "hi", secret);
        }
        Duration taken = Duration.ofNanos(System.nanoTime() - since);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(taken).as("until A refused it").isLessThan(Duration.ofSeconds(1));
        assertThat(CallerGateway.errorCode(refused)).isEqualTo("invalid_client_key");
        assertThat(refused.body()).contains(client.path("id").asText(), "was revoked")
                .doesNotContain(secret.get());
        for (int i = 0; i < 2; i++) {
            assertThat(NginxFleet.complete(fleet.nginx.url(), "gpt-4.1", "hi", secret).statusCode())
                    .as("refused behind nginx, by A and by B").isEqualTo(401);
        }
        List<ProxiedRequest> throughNginx = fleet.nginx.requests(5);
        assertThat(fleet.completionsAnsweredBy(throughNginx.subList(1, 3))).as("served")
                .isEqualTo(Map.of("A", 1L, "B", 1L));
        assertThat(fleet.completionsAnsweredBy(throughNginx.subList(3, 5))).as("refused")
                .isEqualTo(Map.of("A", 1L, "B", 1L));
    }
}
