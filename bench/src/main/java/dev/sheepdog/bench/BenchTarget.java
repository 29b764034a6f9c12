package dev.sheepdog.bench;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;

/** One system under test: an OpenAI-compatible base URL (e.g. {@code http://localhost:8080/v1}) and its key. */
public record BenchTarget(URI baseUrl, ApiKey apiKey) {

    public BenchTarget {
        requireNonNull(baseUrl, "baseUrl");
        requireNonNull(apiKey, "apiKey");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("the base URL must be http:// or https://, not " + display(baseUrl));
        }
    }

    public static BenchTarget of(String baseUrl, ApiKey apiKey) {
        return new BenchTarget(URI.create(baseUrl), apiKey);
    }

    /** Where the completions are asked for: the base URL with {@code /chat/completions} appended. */
    public URI completionsUrl() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }

    /** The base URL as shown in reports: without user info or query, where credentials sometimes hide. */
    public String displayUrl() {
        return display(baseUrl);
    }

    private static String display(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }
}
