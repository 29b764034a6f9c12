package dev.sheepdog.domain.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model names that metrics, spend totals and warnings may name one by one: those an endpoint is
 * configured with, those with a price, and those a provider listed. Any other name, which a caller
 * chooses freely when an endpoint passes every model on, is counted as {@value #OTHER}.
 */
public final class KnownModels {

    public static final String OTHER = "other";
    /** More than any provider's catalogue, yet a provider listing without end cannot grow the labels without end. */
    public static final int DEFAULT_LEARNING_LIMIT = 1_000;
    // A model id longer than this is no catalogue entry: it would only bloat every series it names.
    private static final int LONGEST_NAME = 200;

    private final Set<String> configured;
    private final Set<String> learned = ConcurrentHashMap.newKeySet();
    private final int learningLimit;

    /** The models of the endpoints' lists and of the price table; up to {@value #DEFAULT_LEARNING_LIMIT} more listed. */
    public KnownModels(Endpoints endpoints, PriceTable prices) {
        this(namesOf(endpoints, prices), DEFAULT_LEARNING_LIMIT);
    }

    /** @param learningLimit how many listed ids, beyond the configured ones, are learned at most */
    public KnownModels(Set<String> configured, int learningLimit) {
        if (learningLimit < 0) {
            throw new IllegalArgumentException("learningLimit must not be negative: " + learningLimit);
        }
        this.configured = Set.copyOf(configured);
        this.learningLimit = learningLimit;
    }

    /** The model's own name when it is known, else {@value #OTHER}: a label set that callers cannot grow. */
    public String labelOf(String model) {
        return isKnown(model) ? model : OTHER;
    }

    public boolean isKnown(String model) {
        return configured.contains(model) || learned.contains(model);
    }

    /** Remembers model ids a provider listed, until the learning limit is reached; later ids stay "other". */
    public synchronized void learn(Collection<String> listed) {
        for (String id : listed) {
            if (learned.size() >= learningLimit) {
                return;
            }
            if (!id.isBlank() && id.length() <= LONGEST_NAME && !configured.contains(id)) {
                learned.add(id);
            }
        }
    }

    /** How many model names can have a label of their own, {@value #OTHER} not counted. */
    public int size() {
        return configured.size() + learned.size();
    }

    private static Set<String> namesOf(Endpoints endpoints, PriceTable prices) {
        Set<String> names = new HashSet<>(prices.prices().keySet());
        endpoints.all().forEach(endpoint -> names.addAll(endpoint.models()));
        return names;
    }
}
