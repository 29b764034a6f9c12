/**
 * Server-Sent Events as the HTML standard parses them, fed text of any length: a line may end in
 * LF, CRLF or CR, and a line, a CRLF pair or an event may be split across reads.
 */
export class SseParser {
    #onEvent;
    #buffer = '';
    #data = [];
    #type = '';
    #started = false;
    // A read that ended in CR: an LF opening the next read belongs to the same line break.
    #afterCR = false;

    /** @param {(event: {type: string, data: string}) => void} onEvent called once per complete event */
    constructor(onEvent) {
        this.#onEvent = onEvent;
        this.comments = 0;
        this.lastEventId = '';
    }

    /** Takes the next piece of decoded text. */
    push(text) {
        if (text.length === 0) {
            return;
        }
        if (!this.#started) {
            this.#started = true;
            if (text.charCodeAt(0) === 0xfeff) {
                text = text.slice(1); // a byte order mark may open the stream once
            }
        }
        if (this.#afterCR) {
            this.#afterCR = false;
            if (text[0] === '\n') {
                text = text.slice(1);
            }
        }
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            this.#buffer += text; // mid-line: nothing to scan until a line break arrives
            return;
        }
        const buffer = this.#buffer + text;
        const lineBreak = /\r\n|\r|\n/g;
        let start = 0;
        let match;
        while ((match = lineBreak.exec(buffer)) !== null) {
            if (match[0] === '\r' && match.index === buffer.length - 1) {
                this.#afterCR = true;
            }
            this.#line(buffer.slice(start, match.index));
            start = lineBreak.lastIndex;
        }
        this.#buffer = buffer.slice(start);
    }

    /** The stream ended: an event without its closing blank line is dropped, as the standard says. */
    end() {
        this.#buffer = '';
        this.#data = [];
        this.#type = '';
    }

    #line(line) {
        if (line === '') {
            this.#dispatch();
            return;
        }
        if (line[0] === ':') {
            this.comments++; // heartbeats such as ": ping" carry nothing
            return;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value[0] === ' ') {
            value = value.slice(1);
        }
        if (field === 'data') {
            this.#data.push(value);
        } else if (field === 'event') {
            this.#type = value;
        } else if (field === 'id' && !value.includes('\0')) {
            this.lastEventId = value;
        }
    }

    #dispatch() {
        const data = this.#data;
        const type = this.#type || 'message';
        this.#data = [];
        this.#type = '';
        if (data.length > 0) {
            this.#onEvent({ type, data: data.join('\n') });
        }
    }
}

/**
 * Reads a response body as events until it ends or {@code stop()} says so (e.g. after [DONE]).
 * Bytes are decoded with {stream: true}, so a character split between two reads stays whole.
 */
export async function readEvents(body, onEvent, stop = () => false) {
    const reader = body.getReader();
    // The parser removes a byte order mark itself, exactly once.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const parser = new SseParser(onEvent);
    try {
        for (;;) {
            const { value, done } = await reader.read();
            if (done) {
                parser.push(decoder.decode());
                parser.end();
                return;
            }
            parser.push(decoder.decode(value, { stream: true }));
            if (stop()) {
                await reader.cancel();
                return;
            }
        }
    } finally {
        reader.releaseLock();
    }
}
