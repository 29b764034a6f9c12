package dev.sheepdog.browser;

import dev.sheepdog.testing.parts.RealPart;
import dev.sheepdog.testing.parts.RealPartExtension;

/**
 * Hands tests the suite's one {@link Chromium}, started on first use and closed after the last
 * test. Without a browser each test is skipped with the command that installs it, except under
 * {@code CI=true}: there a missing browser must fail the build, not pass it silently.
 */
final class ChromiumExtension extends RealPartExtension<Chromium> {

    private static final RealPart CHROMIUM = new RealPart("Chromium", "browser tests", Chromium::missing);

    ChromiumExtension() {
        super(CHROMIUM, Chromium.class, Chromium::start);
    }
}
