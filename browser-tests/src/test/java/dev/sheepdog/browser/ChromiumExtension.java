package dev.sheepdog.browser;

import java.util.concurrent.atomic.AtomicBoolean;
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
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = Chromium.missing();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Chromium is installed");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and the browser tests cannot run: " + missing);
        }
        String reason = "Browser tests skipped: " + missing + " (under CI=true they fail instead)";
        if (TOLD.compareAndSet(false, true)) {
            System.err.println("WARNING: " + reason);
        }
        // Skipped one by one: Surefire counts skipped tests, but shows a skipped class as "Tests run: 0".
        return context.getTestMethod().isPresent()
                ? ConditionEvaluationResult.disabled(reason) : ConditionEvaluationResult.enabled(reason);
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
