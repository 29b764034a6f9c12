/**
 * Why a completion failed, in the four kinds the page explains differently: rate limited,
 * provider unavailable, bad request, stream cut (plus "other" for the gateway's own faults).
 */
export class CompletionFailure extends Error {
    /**
     * @param {'rate_limited'|'unavailable'|'bad_request'|'cut'|'other'} kind
     * @param {string} message the gateway's own words, shown as text
     * @param {{status?: number, code?: string, retryAfterSeconds?: number}} details
     */
    constructor(kind, message, details = {}) {
        super(message);
        this.name = 'CompletionFailure';
        this.kind = kind;
        this.status = details.status ?? null;
        this.code = details.code ?? null;
        this.retryAfterSeconds = details.retryAfterSeconds ?? null;
    }

    /** A refusal before the stream started: an HTTP status with an OpenAI-style error body. */
    static async fromResponse(response) {
        let error = {};
        try {
            error = (await response.json()).error ?? {};
        } catch {
            // not JSON (a proxy's page, say): the status alone tells the kind
        }
        const status = response.status;
        const message = typeof error.message === 'string' ? error.message : `HTTP ${status}`;
        return new CompletionFailure(kindOf(status, error.code), message,
            { status, code: error.code, retryAfterSeconds: waitFrom(response.headers, error) });
    }

    /** An error event (or error chunk) after the answer started. */
    static inStream(error) {
        const kind = error.code === 'rate_limited' ? 'rate_limited' : 'cut';
        return new CompletionFailure(kind, error.message, { code: error.code, retryAfterSeconds: error.retryAfterSeconds });
    }

    /** The connection ended without [DONE] and without an error event. */
    static cut(detail = 'The connection closed before the answer was complete.') {
        return new CompletionFailure('cut', detail, { code: 'connection_closed' });
    }

    static unreachable() {
        return new CompletionFailure('unavailable', 'The gateway could not be reached.', { code: 'network_error' });
    }
}

function kindOf(status, code) {
    if (status === 429 || code === 'rate_limited') {
        return 'rate_limited';
    }
    if (status === 502 || status === 503 || status === 504 || status === 402) {
        return 'unavailable';
    }
    if (status >= 400 && status < 500) {
        return 'bad_request';
    }
    return 'other';
}

// retry-after-ms is exact; Retry-After is whole seconds (or a date); the body repeats the seconds.
function waitFrom(headers, error) {
    const millis = Number(headers.get('retry-after-ms'));
    if (Number.isFinite(millis) && millis > 0) {
        return Math.ceil(millis / 1000);
    }
    const header = headers.get('Retry-After');
    if (header && /^\d+$/.test(header.trim())) {
        return Number(header.trim());
    }
    if (header && !Number.isNaN(Date.parse(header))) {
        return Math.max(0, Math.ceil((Date.parse(header) - Date.now()) / 1000));
    }
    return typeof error.retry_after_seconds === 'number' ? error.retry_after_seconds : null;
}

/** The message the page shows for a failure: a title and one sentence, both plain text. */
export function describe(failure, hasPartialText) {
    const kept = hasPartialText ? ' The partial answer above is kept.' : '';
    switch (failure.kind) {
        case 'rate_limited':
            return {
                title: 'Rate limited.',
                detail: failure.retryAfterSeconds !== null
                    ? `The provider asks to wait ${failure.retryAfterSeconds} s before the next request.${kept}`
                    : `The provider is receiving too many requests; wait a moment and send again.${kept}`,
            };
        case 'unavailable':
            return { title: 'Provider unavailable.', detail: `${sentence(failure.message)} Try again in a moment.${kept}` };
        case 'bad_request':
            return { title: 'Bad request.', detail: `The request was not accepted. ${sentence(failure.message)}` };
        case 'cut':
            return { title: 'Stream cut.', detail: `The answer stopped before it was complete. ${sentence(failure.message)}${kept}` };
        default:
            return { title: 'Something went wrong.', detail: `${sentence(failure.message)}${kept}` };
    }
}

function sentence(text) {
    const trimmed = String(text).trim();
    return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
