package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.port.in.StreamCompletionUseCase;
import io.javalin.http.Context;

/** {@code POST /v1/chat/completions}: the OpenAI-compatible completion route, streaming or not. */
final class CompletionRoutes {

    static final String PATH = "/v1/chat/completions";
    static final String MODEL = "sheepdog.model";
    /** Lets a frontend that sends no {@code user} field still keep each user on one side of a canary. */
    static final String USER_HEADER = "X-Sheepdog-User";

    private final StreamCompletionUseCase completions;
    private final HttpSettings settings;
    private final ObjectMapper mapper;
    private final SseStreamWriter sse;
    private final WholeCompletionWriter whole;

    CompletionRoutes(StreamCompletionUseCase completions, HttpSettings settings, ObjectMapper mapper,
                     StreamObserver observer) {
        this.completions = completions;
        this.settings = settings;
        this.mapper = mapper;
        this.sse = new SseStreamWriter(settings.heartbeatInterval(), mapper, observer);
        this.whole = new WholeCompletionWriter(mapper);
    }

    void create(Context ctx) throws Exception {
        CompletionRequest request;
        try {
            request = ChatCompletionBody.toDomain(RequestBody.readJson(ctx, settings.maxBodyBytes(), mapper));
        } catch (InvalidRequestException e) {
            ErrorResponses.send(ctx, e.error(), mapper);
            return;
        }
        ctx.attribute(MODEL, request.model());
        CompletionStream stream = completions.stream(request, callerOf(ctx, request));
        // The domain has sent the request to the provider by the time it hands the stream back.
        long sentUpstream = System.nanoTime();
        if (request.stream()) {
            sse.write(ctx, stream, request.includeUsage(), sentUpstream);
        } else {
            whole.write(ctx, stream);
        }
    }

    private static CallerId callerOf(Context ctx, CompletionRequest request) {
        if (request.user().isPresent() && !request.user().get().isBlank()) {
            return new CallerId(request.user().get());
        }
        String header = ctx.header(USER_HEADER);
        return new CallerId(header != null && !header.isBlank() ? header : ctx.ip());
    }
}
