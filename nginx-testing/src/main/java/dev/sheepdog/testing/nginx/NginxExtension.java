package dev.sheepdog.testing.nginx;

import dev.sheepdog.testing.parts.RealPart;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the machine's {@link Nginx} as a parameter of constructors, lifecycle methods or tests; every
 * proxy it started and the test did not close is stopped when the run ends. Without nginx each test is
 * skipped with the package that installs it, except under {@code CI=true}: there a missing nginx must fail
 * the build, not pass it silently.
 */
public final class NginxExtension implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Nginx.class);
    private static final RealPart NGINX = new RealPart("nginx", "nginx tests", NginxInstallation::missing);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return NGINX.evaluate(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Nginx.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store closes what it holds (AutoCloseable) when the whole run ends.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Nginx.class,
                key -> new Nginx(NginxInstallation.find().orElseThrow(
                        () -> new IllegalStateException(NginxInstallation.missing()))), Nginx.class);
    }
}
