package dev.sheepdog.adapter.in.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;

/**
 * The pages Sheepdog serves itself, from {@code /public} on the classpath: the writing assistant
 * at {@code /} and the operator's status page at {@code /status}. Plain files, no build step.
 */
final class Pages {

    private static final String ROOT = "/public";
    // The pages load nothing from elsewhere and insert model output as text: a model cannot script them.
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private Pages() {
    }

    static void register(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = ROOT;
            files.location = Location.CLASSPATH;
            files.headers.put("Content-Security-Policy", POLICY);
            files.headers.put("X-Content-Type-Options", "nosniff");
            files.headers.put("Cache-Control", "no-cache");
        });
        config.routes.get("/status", ctx -> page(ctx, "status.html"));
    }

    private static void page(Context ctx, String file) throws IOException {
        try (InputStream page = Pages.class.getResourceAsStream(ROOT + "/" + file)) {
            if (page == null) {
                ctx.status(404).result("No such page.");
                return;
            }
            ctx.header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff")
                    .contentType("text/html; charset=utf-8").result(page.readAllBytes());
        }
    }
}
