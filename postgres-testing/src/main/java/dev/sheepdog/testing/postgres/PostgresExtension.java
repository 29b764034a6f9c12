package dev.sheepdog.testing.postgres;

import dev.sheepdog.testing.parts.RealPart;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the run's one {@link PostgresServer}, started on first use and killed after the last test,
 * and a fresh {@link TestDatabase} per test class, as parameters of constructors, lifecycle methods or
 * tests. Without PostgreSQL each test is skipped with the package that installs it, except under
 * {@code CI=true}: there a missing database must fail the build, not pass it silently.
 */
public final class PostgresExtension implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresServer.class);
    private static final RealPart POSTGRESQL = new RealPart("PostgreSQL", "PostgreSQL tests",
            PostgresInstallation::missing);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return POSTGRESQL.evaluate(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PostgresServer.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PostgresServer server = server(context);
        if (parameter.getParameter().getType() == PostgresServer.class) {
            return server;
        }
        // Keyed by class in the root store: the same database for the constructor, lifecycle methods and tests.
        Class<?> testClass = context.getRequiredTestClass();
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("database of " + testClass.getName(),
                key -> server.createDatabase(testClass.getSimpleName()), TestDatabase.class);
    }

    private static PostgresServer server(ExtensionContext context) {
        // The root store closes what it holds (AutoCloseable) when the whole run ends.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(PostgresServer.class,
                key -> PostgresServer.start(), PostgresServer.class);
    }
}
