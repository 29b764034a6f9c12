/**
 * Why a completion failed, in the kinds the page explains differently: rate limited, one of the
 * caller's own limits reached (its plan's tokens, streams, budget or models), access refused,
 * provider unavailable, bad request, stream cut (plus "other" for the gateway's own faults).
 */
export class CompletionFailure extends Error {
    /**
     * @param {'rate_limited'|'limit'|'not_allowed'|'access'|'unavailable'|'bad_request'|'cut'|'other'} kind
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
        const kind = error.code === 'rate_limited' || LIMITS.has(error.code) ? kindOf(429, error.code) : 'cut';
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

// The caller's own plan said no: the gateway's words say which limit, and when it renews.
const LIMITS = new Set(['tokens_per_minute', 'too_many_streams', 'budget_exceeded']);
const ACCESS = new Set(['credentials_required', 'invalid_client_key', 'invalid_token']);

function kindOf(status, code) {
    if (LIMITS.has(code)) {
        return 'limit';
    }
    if (code === 'model_not_allowed') {
        return 'not_allowed';
    }
    if (status === 401 || ACCESS.has(code)) {
        return 'access';
    }
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
    const wait = failure.retryAfterSeconds !== null ? waitInWords(failure.retryAfterSeconds) : null;
    switch (failure.kind) {
        case 'rate_limited':
            // The provider's 429 and the caller's own requests-per-minute share this code: the message says whose.
            return {
                title: 'Rate limited.',
                detail: wait !== null
                    ? `Wait ${wait} before the next request. ${sentence(failure.message)}${kept}`
                    : `Too many requests; wait a moment and send again. ${sentence(failure.message)}${kept}`,
            };
        case 'limit':
            return {
                title: LIMIT_TITLES[failure.code] ?? 'Limit reached.',
                detail: `${sentence(failure.message)}${wait !== null ? ` ${renews(failure.code)} in ${wait}.` : ''}${kept}`,
            };
        case 'not_allowed':
            return { title: 'Model not in your plan.', detail: `${sentence(failure.message)} Pick another model in the settings.` };
        case 'access':
            return { title: 'Access refused.', detail: sentence(failure.message) };
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

const LIMIT_TITLES = Object.freeze({
    tokens_per_minute: 'Token limit reached.',
    too_many_streams: 'Too many answers at once.',
    budget_exceeded: 'Budget spent.',
});

function renews(code) {
    return code === 'budget_exceeded' ? 'The budget renews' : code === 'too_many_streams' ? 'Try again' : 'The limit refills';
}

// A budget renews at midnight or the month's turn (UTC): hours, not 40,000 seconds.
function waitInWords(seconds) {
    if (seconds < 120) {
        return `${seconds} s`;
    }
    if (seconds < 2 * 3600) {
        return `${Math.ceil(seconds / 60)} min`;
    }
    return seconds < 2 * 86400 ? `${Math.ceil(seconds / 3600)} h` : `${Math.ceil(seconds / 86400)} days`;
}

function sentence(text) {
    const trimmed = String(text).trim();
    return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
