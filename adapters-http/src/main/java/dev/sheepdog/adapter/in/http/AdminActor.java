package dev.sheepdog.adapter.in.http;

import io.javalin.http.Context;

/** Who made an admin change, for the audit log: a name the caller gives, and where the call came from. */
final class AdminActor {

    static final String HEADER = "X-Sheepdog-Actor";

    private AdminActor() {
    }

    static String of(Context ctx) {
        String name = ctx.header(HEADER);
        String safe = name == null || name.isBlank() ? "admin" : name.replaceAll("[^\\w.@-]", "_");
        return safe + "@" + ctx.ip();
    }
}
