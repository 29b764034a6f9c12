package dev.sheepdog.adapter.in.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The pages Sheepdog serves itself, from {@code /public} on the classpath: the writing assistant
 * at {@code /} and the operator's status page at {@code /status}. Plain files, no build step.
 *
 * <p>Served by name rather than by Javalin's static-file handler, which mounts the whole jar as a
 * zip file system when the server is built: about 0.3 s of every start-up, for two dozen files.
 */
final class Pages {

    private static final String ROOT = "/public";
    // The files at the top of /public; scripts and styles are found in their folders by name.
    private static final List<String> TOP_LEVEL = List.of("index.html", "status.html", "favicon.svg", "robots.txt");
    private static final List<String> FOLDERS = List.of("js", "css");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8");
    // The pages load nothing from elsewhere and insert model output as text: a model cannot script them.
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private record Asset(byte[] bytes, String type, String etag) {
    }

    // Only files that exist are kept, so requests for made-up names cannot grow it.
    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    private Pages() {
    }

    static void register(JavalinConfig config) {
        Pages pages = new Pages();
        config.routes.get("/", ctx -> pages.serve(ctx, "index.html"));
        config.routes.get("/status", ctx -> pages.serve(ctx, "status.html"));
        for (String file : TOP_LEVEL) {
            config.routes.get("/" + file, ctx -> pages.serve(ctx, file));
        }
        for (String folder : FOLDERS) {
            // The name arrives decoded: "..%2F" would be "../", so only a plain file name is looked up.
            config.routes.get("/" + folder + "/{file}", ctx -> {
                String name = ctx.pathParam("file");
                pages.serve(ctx, FILE_NAME.matcher(name).matches() ? folder + "/" + name : null);
            });
        }
    }

    /** @param path a file under /public, or null for one that cannot be there */
    private void serve(Context ctx, String path) {
        Asset asset = path == null ? null : find(path);
        if (asset == null) {
            ctx.status(404); // answered as an unknown route
            return;
        }
        ctx.header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache").header("ETag", asset.etag());
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.type()).result(asset.bytes());
    }

    private Asset find(String path) {
        Asset known = loaded.get(path);
        if (known != null) {
            return known;
        }
        Asset asset = load(path);
        if (asset != null) {
            loaded.put(path, asset);
        }
        return asset;
    }

    private static Asset load(String path) {
        try (InputStream file = Pages.class.getResourceAsStream(ROOT + "/" + path)) {
            if (file == null) {
                return null;
            }
            byte[] bytes = file.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            String extension = path.substring(path.lastIndexOf('.') + 1);
            return new Asset(bytes, TYPES.getOrDefault(extension, "application/octet-stream"),
                    "\"" + Long.toHexString(crc.getValue()) + "-" + bytes.length + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the page " + path, e);
        }
    }
}
