package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link CompletionProvider} for tests: opens the scripted streams in the order they
 * were given (then {@code answering("Hello", "!")} streams), lists the scripted models or fails
 * as scripted (for every key, or for one), and records every call.
 */
public final class ScriptedCompletionProvider implements CompletionProvider {

    /** The provider name tests give endpoints served by this fake. */
    public static final String NAME = "scripted";

    /** One call of {@link #open}: where it went, with which key, asking what, and the stream it got. */
    public record Opening(Endpoint endpoint, ApiKey key, CompletionRequest request, ScriptedStream stream) {
    }

    /** One call of {@link #listModels}. */
    public record Listing(Endpoint endpoint, ApiKey key, Duration timeout) {
    }

    private final Queue<ScriptedStream> streams = new ConcurrentLinkedQueue<>();
    private final List<Opening> openings = new CopyOnWriteArrayList<>();
    private final List<Listing> listings = new CopyOnWriteArrayList<>();
    private final List<Endpoint> trials = new CopyOnWriteArrayList<>();
    private volatile List<ModelInfo> models = List.of();
    private volatile CompletionFailure listingFailure;
    private final Map<ApiKey, CompletionFailure> listingFailuresByKey = new ConcurrentHashMap<>();
    private volatile Duration listingPause = Duration.ZERO;

    /** The streams the next calls of {@link #open} return, in order. */
    public ScriptedCompletionProvider willAnswer(ScriptedStream... next) {
        streams.addAll(List.of(next));
        return this;
    }

    public ScriptedCompletionProvider willListModels(ModelInfo... listed) {
        models = List.of(listed);
        listingFailure = null;
        return this;
    }

    /** Makes {@link #listModels} throw a {@link ProviderException} with this failure. */
    public ScriptedCompletionProvider willFailListingModels(CompletionFailure failure) {
        listingFailure = failure;
        return this;
    }

    /** Makes {@link #listModels} with this key throw a {@link ProviderException} with this failure. */
    public ScriptedCompletionProvider willFailListingModels(ApiKey key, CompletionFailure failure) {
        listingFailuresByKey.put(key, failure);
        return this;
    }

    /** Makes every {@link #listModels} take this long, like a slow provider. */
    public ScriptedCompletionProvider willPauseListingModels(Duration pause) {
        listingPause = pause;
        return this;
    }

    @Override
    public CompletionStream open(Endpoint endpoint, ApiKey key, CompletionRequest request) {
        ScriptedStream stream = streams.poll();
        if (stream == null) {
            stream = ScriptedStream.answering("Hello", "!");
        }
        stream.opened();
        openings.add(new Opening(endpoint, key, request, stream));
        return stream;
    }

    /** Opens like {@link #open}, and remembers that the domain asked for a half-open trial. */
    @Override
    public CompletionStream openTrial(Endpoint endpoint, ApiKey key, CompletionRequest request) {
        trials.add(endpoint);
        return open(endpoint, key, request);
    }

    /** The endpoints of the calls opened as half-open trials, in order. */
    public List<Endpoint> trials() {
        return List.copyOf(trials);
    }

    @Override
    public List<ModelInfo> listModels(Endpoint endpoint, ApiKey key, Duration timeout) {
        listings.add(new Listing(endpoint, key, timeout));
        pause(listingPause);
        CompletionFailure failure = listingFailuresByKey.getOrDefault(key, listingFailure);
        if (failure != null) {
            throw new ProviderException(failure);
        }
        return models;
    }

    private static void pause(Duration pause) {
        if (pause.isPositive()) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public List<Opening> openings() {
        return List.copyOf(openings);
    }

    /** The most recent call of {@link #open}; fails the test when there was none. */
    public Opening lastOpening() {
        if (openings.isEmpty()) {
            throw new AssertionError("no stream was opened on this provider");
        }
        return openings.getLast();
    }

    public List<Listing> listings() {
        return List.copyOf(listings);
    }
}
