import { ChatStream } from './chat-stream.js';
import { fetchWithKey } from './client-key.js';
import { CompletionFailure } from './failures.js';
import { readEvents } from './sse.js';

/**
 * The gateway's OpenAI-compatible API, as the writing page uses it: same origin, with a client key
 * only where the gateway asks for one (see client-key.js).
 */

/** The model ids the gateway serves, from GET /v1/models. */
export async function listModels() {
    const response = await fetchWithKey('/v1/models', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
        throw await CompletionFailure.fromResponse(response);
    }
    const body = await response.json();
    return (Array.isArray(body.data) ? body.data : []).map(model => model.id).filter(id => typeof id === 'string');
}

/**
 * Streams one chat completion. Text reaches onText as it arrives; the result (text, usage, model,
 * finish reason) comes back at [DONE]. Aborting the signal ends the request, which the gateway
 * notices and passes on as a cancellation to the provider.
 *
 * @throws {CompletionFailure} with the kind of failure; the text streamed before it stays with the caller
 * @throws {DOMException} named AbortError when the signal aborted
 */
export async function streamCompletion(request, { signal, onText }) {
    const body = { ...request, stream: true, stream_options: { include_usage: true } };
    let response;
    try {
        response = await fetchWithKey('/v1/chat/completions', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
            body: JSON.stringify(body),
            signal,
        });
    } catch (error) {
        throw signal.aborted ? error : CompletionFailure.unreachable();
    }
    if (!response.ok) {
        throw await CompletionFailure.fromResponse(response);
    }
    const chat = new ChatStream(onText);
    try {
        await readEvents(response.body, event => chat.accept(event), () => chat.finished);
    } catch (error) {
        if (signal.aborted) {
            throw error;
        }
        throw CompletionFailure.cut('The connection broke while the answer was streaming.');
    }
    if (chat.error) {
        throw CompletionFailure.inStream(chat.error);
    }
    if (!chat.done) {
        throw CompletionFailure.cut();
    }
    return { text: chat.content, usage: chat.usage, model: chat.model, finishReason: chat.finishReason };
}
