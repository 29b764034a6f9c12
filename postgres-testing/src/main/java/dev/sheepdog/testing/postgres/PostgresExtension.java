package dev.sheepdog.testing.postgres;

import dev.sheepdog.testing.parts.RealPart;
import dev.sheepdog.testing.parts.RealPartExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * Hands tests the run's one {@link PostgresServer}, started on first use and killed after the last test,
 * and a fresh {@link TestDatabase} per test class, as parameters of constructors, lifecycle methods or
 * tests. Without PostgreSQL each test is skipped with the package that installs it, except under
 * {@code CI=true}: there a missing database must fail the build, not pass it silently.
 */
public final class PostgresExtension extends RealPartExtension<PostgresServer> {

    private static final RealPart POSTGRESQL = new RealPart("PostgreSQL", "PostgreSQL tests",
            PostgresInstallation::missing);

    public PostgresExtension() {
        super(POSTGRESQL, PostgresServer.class, PostgresServer::start);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return super.supportsParameter(parameter, context) || parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PostgresServer server = theOne(context);
        if (parameter.getParameter().getType() == PostgresServer.class) {
            return server;
        }
        // Keyed by class in the root store: the same database for the constructor, lifecycle methods and tests.
        Class<?> testClass = context.getRequiredTestClass();
        return context.getRoot().getStore(namespace()).getOrComputeIfAbsent("database of " + testClass.getName(),
                key -> server.createDatabase(testClass.getSimpleName()), TestDatabase.class);
    }
}
