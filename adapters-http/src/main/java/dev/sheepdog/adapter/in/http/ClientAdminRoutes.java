package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.Plan;
import dev.sheepdog.domain.model.caller.NewClient;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * {@code /admin/clients}: make, list, show, change and revoke client keys. A new key's secret is
 * in the answer to its creation and in no other answer, ever.
 */
final class ClientAdminRoutes {

    static final String CLIENTS = "/admin/clients";
    static final String CLIENT = CLIENTS + "/{id}";

    private final ClientAdministration clients;
    private final ObjectMapper mapper;

    ClientAdminRoutes(ClientAdministration clients, ObjectMapper mapper) {
        this.clients = clients;
        this.mapper = mapper;
    }

    void list(Context ctx) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode list = body.putArray("clients");
        clients.list().listClients().forEach(key -> list.add(json(key)));
        ctx.contentType("application/json").result(body.toString());
    }

    void show(Context ctx) throws InvalidRequestException {
        ctx.contentType("application/json").result(json(existing(ctx)).toString());
    }

    void add(Context ctx) throws InvalidRequestException {
        ClientRequestJson request = ClientRequestJson.read(ctx.bodyAsBytes(), mapper);
        String name = request.text("name").orElseThrow(() -> InvalidRequestException.of(
                "Missing required parameter: 'name' (who the key is for).", "name", "missing_required_parameter"));
        Plan plan = basePlan(request.text("plan"));
        Plan withOverrides = new Plan(plan.name(), plan.limits().overriddenBy(request.limits()),
                request.models().orElse(plan.models()));
        NewClient made;
        try {
            made = clients.add().addClient(name, withOverrides, request.expiresAt());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(e.getMessage(), null, "invalid_value");
        }
        ObjectNode body = json(made.key());
        // The one time the secret is shown: it is stored only as a hash.
        body.put("secret", made.secret().reveal());
        ctx.status(201).contentType("application/json").result(body.toString());
    }

    void update(Context ctx) throws InvalidRequestException {
        ClientId id = existing(ctx).id();
        ClientRequestJson request = ClientRequestJson.read(ctx.bodyAsBytes(), mapper);
        try {
            ClientKey changed = clients.update().updateClient(id, request.change());
            ctx.contentType("application/json").result(json(changed).toString());
        } catch (IllegalStateException e) {
            ErrorResponses.send(ctx, new ApiError(409, "Client key " + id + " was revoked; a revoked key never "
                    + "comes back: add a new one.", "invalid_request_error", null, "client_revoked"), mapper);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(e.getMessage(), null, "invalid_value");
        }
    }

    void revoke(Context ctx) throws InvalidRequestException {
        ClientKey revoked = clients.revoke().revokeClient(existing(ctx).id());
        ctx.contentType("application/json").result(json(revoked).toString());
    }

    private Plan basePlan(Optional<String> name) throws InvalidRequestException {
        if (name.isEmpty()) {
            return new Plan("custom", Plan.UNLIMITED.limits(), Plan.UNLIMITED.models());
        }
        Plan plan = clients.plans().get(name.get());
        if (plan == null) {
            throw InvalidRequestException.of("No plan named '" + name.get() + "'; the configured plans are "
                    + clients.plans().keySet().stream().sorted().toList() + ".", "plan", "unknown_plan");
        }
        return plan;
    }

    /** The key the path names; 404 {@code client_not_found} for an unknown or malformed id. */
    ClientKey existing(Context ctx) throws InvalidRequestException {
        try {
            ClientId id = new ClientId(ctx.pathParam("id"));
            return clients.list().findClient(id).orElseThrow();
        } catch (IllegalArgumentException | NoSuchElementException e) {
            throw new InvalidRequestException(new ApiError(404, "No client key '" + ctx.pathParam("id") + "'.",
                    "invalid_request_error", "id", "client_not_found"));
        }
    }

    private ObjectNode json(ClientKey key) {
        return ClientJson.of(key, clients.standing().standing(Caller.client(key)), Instant.now(), mapper);
    }
}
