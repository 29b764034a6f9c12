package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

/**
 * An authenticated caller: who it is, and what its plan lets it do. {@link #account()} is the one
 * name its limits, budgets and usage are kept under, e.g. {@code client:cl_3f9a}, {@code
 * user:alice} or {@code address:203.0.113.7}; nothing a caller sends in a request can change it.
 *
 * @param id   the client key's id, the token's subject, or the address
 * @param name what an operator reads in reports: the client key's name, the user, the address
 */
public record Caller(CallerKind kind, String id, String name, Plan plan) {

    /** The operator, calling from the gateway's own machine. */
    public static final Caller LOCAL = new Caller(CallerKind.LOCAL, "local", "local", Plan.UNLIMITED);

    public Caller {
        requireNonNull(kind, "kind");
        requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a caller needs an id");
        }
        requireNonNull(name, "name");
        requireNonNull(plan, "plan");
    }

    public static Caller client(ClientKey key) {
        return new Caller(CallerKind.CLIENT, key.id().value(), key.name(), key.plan());
    }

    public static Caller user(String subject, Plan plan) {
        return new Caller(CallerKind.USER, subject, subject, plan);
    }

    public static Caller anonymous(String address, Plan plan) {
        return new Caller(CallerKind.ANONYMOUS, address, address, plan);
    }

    /** The name limits, budgets and usage are kept under. */
    public String account() {
        String scheme = switch (kind) {
            case CLIENT -> "client";
            case USER -> "user";
            case ANONYMOUS -> "address";
            case LOCAL -> "local";
        };
        return kind == CallerKind.LOCAL ? scheme : scheme + ":" + id;
    }

    @Override
    public String toString() {
        return account();
    }
}
