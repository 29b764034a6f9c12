package dev.sheepdog.testing.parts;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension for one {@link RealPart}: its tests run, are skipped or fail as the part decides, and ask
 * for the run's one instance of it (a server, a browser) as a parameter of constructors, lifecycle methods or
 * tests, started on first use and closed when the whole run ends.
 *
 * @param <T> what the tests are handed
 */
public abstract class RealPartExtension<T extends AutoCloseable> implements ExecutionCondition, ParameterResolver {

    private final RealPart part;
    private final Class<T> type;
    private final Supplier<T> start;

    /** {@code part} is best a constant of the subclass: JUnit makes an extension per class that names it. */
    protected RealPartExtension(RealPart part, Class<T> type, Supplier<T> start) {
        this.part = Objects.requireNonNull(part);
        this.type = Objects.requireNonNull(type);
        this.start = Objects.requireNonNull(start);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return part.evaluate(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return theOne(context);
    }

    /** The run's one instance, started on first use. */
    protected final T theOne(ExtensionContext context) {
        // The root store closes what it holds (AutoCloseable) when the whole run ends.
        return context.getRoot().getStore(namespace()).getOrComputeIfAbsent(type, key -> start.get(), type);
    }

    /** Where the run's instance is kept; a subclass may keep more there. */
    protected final ExtensionContext.Namespace namespace() {
        return ExtensionContext.Namespace.create(type);
    }
}
