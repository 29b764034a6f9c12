package dev.sheepdog.testing.parts;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real part of the machine that some tests start (PostgreSQL, nginx, Chromium), and whether they may run.
 * Without it each test is skipped with what to install, except under {@code CI=true}: there a missing part
 * must fail the build, not pass it silently.
 */
public final class RealPart {

    private final String name;
    private final String tests;
    private final Supplier<String> missing;
    private final boolean underCi;
    private final AtomicBoolean told = new AtomicBoolean();

    /**
     * @param name    the part, as the reason a test runs names it ("PostgreSQL")
     * @param tests   the tests that need it, as a skip or a failure names them ("PostgreSQL tests")
     * @param missing why the part cannot be started here, with what to install; null when it can
     */
    public RealPart(String name, String tests, Supplier<String> missing) {
        this(name, tests, missing, "true".equalsIgnoreCase(System.getenv("CI")));
    }

    RealPart(String name, String tests, Supplier<String> missing, boolean underCi) {
        this.name = Objects.requireNonNull(name);
        this.tests = Objects.requireNonNull(tests);
        this.missing = Objects.requireNonNull(missing);
        this.underCi = underCi;
    }

    /** What an {@code ExecutionCondition} answers for this test class or test method. */
    public ConditionEvaluationResult evaluate(ExtensionContext context) {
        return evaluate(context.getTestMethod().isPresent());
    }

    ConditionEvaluationResult evaluate(boolean aTestMethod) {
        String why = missing.get();
        if (why == null) {
            return ConditionEvaluationResult.enabled(name + " is installed");
        }
        if (underCi) {
            throw new IllegalStateException("CI=true and the " + tests + " cannot run: " + why);
        }
        String reason = tests + " skipped: " + why + " (under CI=true they fail instead)";
        if (told.compareAndSet(false, true)) {
            System.err.println("WARNING: " + reason);
        }
        // Skipped one by one: Surefire counts skipped tests, but shows a skipped class as "Tests run: 0".
        return aTestMethod ? ConditionEvaluationResult.disabled(reason) : ConditionEvaluationResult.enabled(reason);
    }
}
