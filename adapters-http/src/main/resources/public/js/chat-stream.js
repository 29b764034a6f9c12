/**
 * Puts a chat-completions stream back together from its events: the answer's text, the finish
 * reason, the usage (OpenAI sends it last with include_usage; some providers on the finish chunk),
 * an error (an `error` event, or an `error` object inside a chunk) and whether [DONE] arrived.
 */
export class ChatStream {
    #onText;

    /** @param {(text: string) => void} onText called with each piece of answer text, in order */
    constructor(onText = () => {}) {
        this.#onText = onText;
        this.content = '';
        this.finishReason = null;
        this.usage = null;
        this.model = null;
        this.error = null;
        this.done = false;
        this.chunks = 0;
    }

    /** Whether nothing more is to be read: [DONE], or an error ended the answer. */
    get finished() {
        return this.done || (this.error !== null && this.error.fatal);
    }

    accept(event) {
        if (event.type === 'error') {
            this.error = { ...errorObject(parse(event.data)), fatal: true };
            return;
        }
        if (event.type !== 'message') {
            return; // other event types are not part of the answer
        }
        if (event.data === '[DONE]') {
            this.done = true;
            return;
        }
        const chunk = parse(event.data);
        if (chunk === null) {
            this.error = { message: 'The stream carried data that is not JSON.', code: 'malformed_stream', fatal: true };
            return;
        }
        this.chunks++;
        if (chunk.error) {
            this.error = { ...errorObject(chunk), fatal: false };
        }
        if (typeof chunk.model === 'string' && chunk.model) {
            this.model = chunk.model;
        }
        for (const choice of Array.isArray(chunk.choices) ? chunk.choices : []) {
            if ((choice.index ?? 0) === 0) {
                this.#choice(choice);
            }
        }
        if (chunk.usage) {
            this.usage = chunk.usage;
        }
    }

    #choice(choice) {
        const text = choice.delta?.content;
        if (typeof text === 'string' && text.length > 0) {
            this.content += text;
            this.#onText(text);
        }
        if (typeof choice.finish_reason === 'string') {
            this.finishReason = choice.finish_reason;
        }
    }
}

function parse(data) {
    try {
        return JSON.parse(data);
    } catch {
        return null;
    }
}

function errorObject(body) {
    const error = body && typeof body.error === 'object' && body.error !== null ? body.error : body ?? {};
    return {
        message: typeof error.message === 'string' ? error.message : 'The stream reported an error.',
        code: error.code ?? null,
        type: error.type ?? null,
        retryAfterSeconds: typeof error.retry_after_seconds === 'number' ? error.retry_after_seconds : null,
    };
}
