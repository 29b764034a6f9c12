package dev.sheepdog.browser;

import dev.sheepdog.testing.parts.RealPart;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the suite's one {@link Chromium}, started on first use and closed after the last
 * test. Without a browser each test is skipped with the command that installs it, except under
 * {@code CI=true}: there a missing browser must fail the build, not pass it silently.
 */
final class ChromiumExtension implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);
    private static final RealPart CHROMIUM = new RealPart("Chromium", "browser tests", Chromium::missing);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return CHROMIUM.evaluate(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Chromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store closes what it holds (AutoCloseable) when the whole run ends.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Chromium.class, key -> Chromium.start(),
                Chromium.class);
    }
}
