package dev.sheepdog.browser;

import dev.sheepdog.testing.parts.TemporaryDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's own headless Chromium (Debian's chromium and chromium-driver), one for the whole
 * suite. Both paths are given, so Selenium Manager never runs and nothing is ever downloaded.
 */
final class Chromium implements AutoCloseable {

    // Debian's paths; -Dsheepdog.chromium and -Dsheepdog.chromedriver name others (a distribution that differs).
    static final Path BROWSER = Path.of(System.getProperty("sheepdog.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("sheepdog.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * How long a test waits for the page to catch up. Generous, since a wait ends as soon as its
     * condition holds: only a broken page waits this long, a busy machine (load 10 and more) does not.
     */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    // Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level.
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");
    private static final Logger CDP_VERSIONS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why this machine cannot run the browser tests, or null when it can. */
    static String missing() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            return "Chromium is not installed (" + BROWSER + " and " + DRIVER + " are needed): "
                    + "apt-get install -y chromium chromium-driver";
        }
        return null;
    }

    static Chromium start() {
        SELENIUM.setLevel(Level.WARNING);
        // Selenium has no DevTools binding for Debian's Chromium version; the tests use only ChromeDriver's own
        // CDP command endpoint, which needs none.
        CDP_VERSIONS.setLevel(Level.SEVERE);
        try {
            Path profile = Files.createTempDirectory("sheepdog-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile());
            // The flags this machine's headless Chromium needs: no sandbox as root, no GPU, and no
            // background traffic to Google that the closed network would refuse.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
                    "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // A cap, not a wait: the parser check splits every recorded stream at every offset, slow on a busy machine.
            driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** A 1280×800 desktop window. */
    void desktop() {
        viewport(1280, 800, 1, false);
    }

    /** A 390×844 phone screen at twice the pixel density, as an iPhone 12 to 15 has. */
    void phone() {
        viewport(390, 844, 2, true);
    }

    private void viewport(int width, int height, int scale, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", scale, "mobile", mobile));
        // Two animation frames: the page has been laid out and painted at the new size, however long that took.
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    }

    /** Saves what the window shows to target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            TemporaryDirectory.delete(profile, "Chromium profile");
        }
    }
}
