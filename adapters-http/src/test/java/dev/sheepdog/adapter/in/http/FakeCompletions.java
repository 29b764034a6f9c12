package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.port.in.StreamCompletionUseCase;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The completion use case as the adapter sees it: records every call and answers with the
 * streams the test scripted, in order; unscripted calls get one whole completion and its end.
 */
final class FakeCompletions implements StreamCompletionUseCase {

    static final String DEFAULT_COMPLETION = "{\"id\":\"chatcmpl-default\",\"object\":\"chat.completion\"}";

    /** One call of the use case, as the domain received it. */
    record Call(CompletionRequest request, Caller caller, Optional<String> endUser) {
    }

    private final Queue<CompletionStream> answers = new ConcurrentLinkedQueue<>();
    private volatile RuntimeException failure;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** Scripts the answer to the next call: these events now, more through the returned stream. */
    ScriptedCompletionStream answerWith(CompletionEvent... events) {
        ScriptedCompletionStream stream = ScriptedCompletionStream.of(events);
        answers.add(stream);
        return stream;
    }

    /** Answers the next call with this stream, whatever it does. */
    void answerWith(CompletionStream stream) {
        answers.add(stream);
    }

    /** Makes every next call throw this, as the domain does when a store it needs cannot be reached. */
    void failWith(RuntimeException thrown) {
        failure = thrown;
    }

    @Override
    public CompletionStream stream(CompletionRequest request, Caller caller, Optional<String> endUser) {
        calls.add(new Call(request, caller, endUser));
        if (failure != null) {
            throw failure;
        }
        CompletionStream scripted = answers.poll();
        return scripted != null ? scripted : ScriptedCompletionStream.of(Events.completion(DEFAULT_COMPLETION), Events.end());
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    Call onlyCall() {
        assertThat(calls).as("calls of the completion use case").hasSize(1);
        return calls.getFirst();
    }
}
