package dev.sheepdog.testing.nginx;

import dev.sheepdog.testing.parts.RealPart;
import dev.sheepdog.testing.parts.RealPartExtension;

/**
 * Hands tests the machine's {@link Nginx} as a parameter of constructors, lifecycle methods or tests; every
 * proxy it started and the test did not close is stopped when the run ends. Without nginx each test is
 * skipped with the package that installs it, except under {@code CI=true}: there a missing nginx must fail
 * the build, not pass it silently.
 */
public final class NginxExtension extends RealPartExtension<Nginx> {

    private static final RealPart NGINX = new RealPart("nginx", "nginx tests", NginxInstallation::missing);

    public NginxExtension() {
        super(NGINX, Nginx.class, () -> new Nginx(NginxInstallation.find().orElseThrow(
                () -> new IllegalStateException(NginxInstallation.missing()))));
    }
}
