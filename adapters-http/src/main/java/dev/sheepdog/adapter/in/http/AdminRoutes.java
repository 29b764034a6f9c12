package dev.sheepdog.adapter.in.http;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.KeyChangeRejected;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.RouteChangeRejected;
import dev.sheepdog.domain.model.RouteStoreException;
import io.javalin.config.JavalinConfig;

/** Puts the operator's API under {@code /admin}, behind its token. */
final class AdminRoutes {

    private static final ApiError UNAUTHORIZED = new ApiError(401,
            "The admin API needs 'Authorization: Bearer <SHEEPDOG_ADMIN_TOKEN>'.", "authentication_error", null,
            "invalid_admin_token");
    private static final Set<String> USAGE_PARAMETERS = Set.of("from", "to", "by", "account", "model");

    private AdminRoutes() {
    }

    static void register(JavalinConfig config, AdminApi api, ObjectMapper mapper) {
        config.routes.before("/admin/*", new BearerCheck(api.token(), "sheepdog-admin", UNAUTHORIZED,
                FailedAttempts.perMinute(10), mapper));
        KeyAdminRoutes keys = new KeyAdminRoutes(api.keys(), mapper);
        config.routes.get(KeyAdminRoutes.KEYS, keys::list);
        config.routes.post(KeyAdminRoutes.ENDPOINT_KEYS, keys::add);
        config.routes.post(KeyAdminRoutes.KEY + "/rotate", keys::rotate);
        config.routes.post(KeyAdminRoutes.KEY + "/disable", keys::disable);
        config.routes.post(KeyAdminRoutes.KEY + "/enable", keys::enable);
        config.routes.delete(KeyAdminRoutes.KEY, keys::remove);
        ClientAdminRoutes clients = new ClientAdminRoutes(api.clients(), mapper);
        config.routes.get(ClientAdminRoutes.CLIENTS, clients::list);
        config.routes.post(ClientAdminRoutes.CLIENTS, clients::add);
        config.routes.get(ClientAdminRoutes.CLIENT, clients::show);
        config.routes.patch(ClientAdminRoutes.CLIENT, clients::update);
        config.routes.post(ClientAdminRoutes.CLIENT + "/revoke", clients::revoke);
        config.routes.delete(ClientAdminRoutes.CLIENT, clients::revoke);
        UsageAdminRoutes usage = new UsageAdminRoutes(api.clients().usage(), mapper);
        config.routes.get(UsageAdminRoutes.USAGE, usage::report);
        SpendAdminRoutes spend = new SpendAdminRoutes(api.spend(), mapper);
        // With a range or a grouping, the spend comes from the usage ledger, which outlives restarts.
        config.routes.get(SpendAdminRoutes.SPEND, ctx -> {
            if (ctx.queryParamMap().keySet().stream().anyMatch(USAGE_PARAMETERS::contains)) {
                usage.report(ctx);
            } else {
                spend.report(ctx);
            }
        });
        config.routes.get(ClientAdminRoutes.CLIENT + "/usage",
                ctx -> usage.report(ctx, Optional.of("client:" + clients.existing(ctx).id().value())));
        TrafficAdminRoutes traffic = new TrafficAdminRoutes(api.traffic(), mapper);
        config.routes.get(TrafficAdminRoutes.TRAFFIC, traffic::report);
        config.routes.post(TrafficAdminRoutes.CANARY + "/weight", traffic::setWeight);
        config.routes.post(TrafficAdminRoutes.CANARY + "/pause", traffic::pause);
        config.routes.post(TrafficAdminRoutes.CANARY + "/resume", traffic::resume);
        config.routes.post(TrafficAdminRoutes.CANARY + "/promote", traffic::promote);
        config.routes.post(TrafficAdminRoutes.CANARY + "/rollback", traffic::rollBack);
        config.routes.exception(KeyChangeRejected.class, (e, ctx) -> AdminErrors.rejected(e, ctx, mapper));
        config.routes.exception(RouteChangeRejected.class, (e, ctx) -> ErrorResponses.send(ctx,
                new ApiError(409, e.getMessage(), "invalid_request_error", null, "route_change_rejected"), mapper));
        config.routes.exception(RouteStoreException.class, (e, ctx) -> ErrorResponses.send(ctx, new ApiError(503,
                "The change was not made: the route store could not be written (" + e.getMessage() + ").",
                "server_error", null, "route_store_unavailable"), mapper));
        config.routes.exception(KeyStoreException.class, (e, ctx) -> AdminErrors.notStored(e, ctx, mapper));
        config.routes.exception(InvalidRequestException.class,
                (e, ctx) -> ErrorResponses.send(ctx, e.error(), mapper));
    }
}
