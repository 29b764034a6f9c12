package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.KeyChangeRejected;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.RouteChangeRejected;
import dev.sheepdog.domain.model.RouteStoreException;
import io.javalin.config.JavalinConfig;

/** Puts the operator's API under {@code /admin}, behind its token. */
final class AdminRoutes {

    private AdminRoutes() {
    }

    static void register(JavalinConfig config, AdminApi api, ObjectMapper mapper) {
        config.routes.before("/admin/*", new AdminAuthorization(api.token(), mapper));
        KeyAdminRoutes keys = new KeyAdminRoutes(api.keys(), mapper);
        config.routes.get(KeyAdminRoutes.KEYS, keys::list);
        config.routes.post(KeyAdminRoutes.ENDPOINT_KEYS, keys::add);
        config.routes.post(KeyAdminRoutes.KEY + "/rotate", keys::rotate);
        config.routes.post(KeyAdminRoutes.KEY + "/disable", keys::disable);
        config.routes.post(KeyAdminRoutes.KEY + "/enable", keys::enable);
        config.routes.delete(KeyAdminRoutes.KEY, keys::remove);
        config.routes.get(SpendAdminRoutes.SPEND, new SpendAdminRoutes(api.spend(), mapper)::report);
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
