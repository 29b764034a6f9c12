package dev.sheepdog.browser;

import static dev.sheepdog.browser.Chromium.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.app.PageGateway;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the gateway serves to a browser: every page asset, and every API answer the pages read,
 * carries no key, token or secret; and the pages run under their Content-Security-Policy untouched.
 */
class ServedAssetsTest {

    // Runs in every new document before the page's own scripts: records CSP refusals and script errors.
    private static final String WATCH = "window.__problems = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__problems.push("
            + "'CSP ' + e.violatedDirective + ' ' + e.blockedURI));"
            + "window.addEventListener('error', e => window.__problems.push('error ' + e.message));"
            + "window.addEventListener('unhandledrejection', e => window.__problems.push('rejection ' + e.reason));";

    @Test
    void noServedAssetNorAnyAnswerThePagesReadHoldsASecret() throws Exception {
        try (PageGateway gateway = StatusPageTest.routedGateway(SimulatorSettings.DEFAULT)) {
            List<String> paths = new ArrayList<>(assetPaths());
            paths.addAll(List.of("/", "/status", "/v1/models"));
            assertThat(paths).contains("/index.html", "/status.html", "/js/sse.js", "/css/base.css", "/robots.txt");
            for (String path : paths) {
                HttpResponse<String> response = Api.get(gateway.origin(), path, null);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertNoSecret(path, response.body());
            }
            for (String page : List.of("/", "/status")) {
                assertThat(Api.get(gateway.origin(), page, null).headers().firstValue("Content-Security-Policy"))
                        .as(page).hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
            }
            for (String path : List.of("/admin/traffic", "/admin/keys", "/admin/spend")) {
                HttpResponse<String> response = Api.get(gateway.origin(), path, StatusPageTest.TOKEN);
                assertThat(response.statusCode()).as(path).isIn(200, 404);
                assertNoSecret(path, response.body());
            }
        }
    }

    @Test
    @ExtendWith(ChromiumExtension.class)
    void bothPagesRunUnderTheirContentSecurityPolicyWithoutAViolationOrAnError(Chromium chromium) {
        try (PageGateway gateway = StatusPageTest.routedGateway(SimulatorSettings.DEFAULT.withDelays(
                Duration.ofMillis(5), Duration.ofMillis(1)).withTokensPerAnswer(10))) {
            Object watch = chromium.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", WATCH)).get("identifier");
            try {
                WritingPage writing = WritingPage.open(chromium, gateway.origin());
                writing.send("Xin chào");
                writing.waitUntilEnded(0, PATIENCE);
                assertThat(problems(chromium)).isEmpty();

                StatusPage status = StatusPage.open(chromium, gateway.origin());
                status.signIn(StatusPageTest.TOKEN);
                status.waitFor(PATIENCE, () -> status.endpoints().size() == 2);
                assertThat(problems(chromium)).isEmpty();
                assertThat(chromium.driver().manage().getCookies()).isEmpty();
            } finally {
                chromium.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                        Map.of("identifier", watch));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> problems(Chromium chromium) {
        return (List<Object>) chromium.driver().executeScript("return window.__problems");
    }

    private static void assertNoSecret(String path, String body) {
        assertThat(body).as(path).doesNotContain(StatusPageTest.TOKEN).doesNotContain("sk-");
        StatusPageTest.KEYS.values().forEach(key -> assertThat(body).as(path).doesNotContain(key));
    }

    /** Every file under /public on the classpath (adapters-http's jar, or its classes folder), as a URL path. */
    private static List<String> assetPaths() throws IOException, URISyntaxException {
        URL index = ServedAssetsTest.class.getResource("/public/index.html");
        assertThat(index).as("the pages are on the classpath").isNotNull();
        URI uri = index.toURI();
        if (uri.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return list(jar.getPath("/public"));
            }
        }
        return list(Path.of(uri).getParent());
    }

    private static List<String> list(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> "/" + root.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
