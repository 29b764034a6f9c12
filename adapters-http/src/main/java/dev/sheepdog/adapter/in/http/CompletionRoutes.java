package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.port.in.StreamCompletionUseCase;
import dev.sheepdog.wire.openai.ChatRequestException;
import dev.sheepdog.wire.openai.ChatRequestReader;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** {@code POST /v1/chat/completions}: the OpenAI-compatible completion route, streaming or not. */
final class CompletionRoutes {

    static final String PATH = "/v1/chat/completions";
    static final String MODEL = "sheepdog.model";
    static final String CALLER = "sheepdog.caller";
    /**
     * Lets a frontend that sends no {@code user} field still keep each of its users on one side of a
     * canary. Like {@code user}, it refines stickiness within the authenticated caller, nothing more.
     */
    static final String USER_HEADER = "X-Sheepdog-User";

    private final StreamCompletionUseCase completions;
    private final CallerAuthentication callers;
    private final HttpSettings settings;
    private final ObjectMapper mapper;
    private final SseStreamWriter sse;
    private final WholeCompletionWriter whole;

    CompletionRoutes(StreamCompletionUseCase completions, CallerAuthentication callers, HttpSettings settings,
                     ObjectMapper mapper, StreamObserver observer, BooleanSupplier stopping) {
        this.completions = completions;
        this.callers = callers;
        this.settings = settings;
        this.mapper = mapper;
        this.sse = new SseStreamWriter(settings.heartbeatInterval(), mapper, observer, stopping);
        this.whole = new WholeCompletionWriter(mapper, stopping);
    }

    void create(Context ctx) throws Exception {
        if (!isJson(ctx.contentType())) {
            // A cross-site page can POST text/plain without asking the browser first: it must not start a completion.
            ErrorResponses.send(ctx, new ApiError(415, "Send the request body as JSON, with 'Content-Type: "
                    + "application/json'.", "invalid_request_error", null, "unsupported_media_type"), mapper);
            return;
        }
        Optional<Caller> caller = callers.authenticate(ctx, mapper);
        if (caller.isEmpty()) {
            return;
        }
        ctx.attribute(CALLER, caller.get().account());
        CompletionRequest request;
        try {
            RequestBody.Json body = RequestBody.readJson(ctx, settings.maxBodyBytes(), mapper);
            request = ChatRequestReader.read(body.tree(), body.text());
        } catch (InvalidRequestException e) {
            ErrorResponses.send(ctx, e.error(), mapper);
            return;
        } catch (ChatRequestException e) {
            ErrorResponses.send(ctx, ApiError.invalidRequest(e.getMessage(), e.param(), e.code()), mapper);
            return;
        }
        ctx.attribute(MODEL, request.model());
        CompletionStream stream = completions.stream(request, caller.get(), endUserOf(ctx, request));
        // The domain has sent the request to the provider by the time it hands the stream back.
        long sentUpstream = System.nanoTime();
        if (request.stream()) {
            sse.write(ctx, stream, request, sentUpstream);
        } else {
            whole.write(ctx, stream, request.model());
        }
    }

    private static Optional<String> endUserOf(Context ctx, CompletionRequest request) {
        if (request.user().isPresent() && !request.user().get().isBlank()) {
            return request.user();
        }
        return Optional.ofNullable(ctx.header(USER_HEADER)).filter(header -> !header.isBlank());
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
    }
}
