// Runs the page's own stream modules on recorded provider streams, inside the page's origin. Each
// stream must give the same answer whole, one byte per read (through readEvents, the page's reader),
// split in two at every offset (at 400 spread offsets when longer than the limit), and, whole and
// one byte per read, with CRLF line ends, CR line ends and a byte order mark.
// Arguments: [{name, base64}], the length up to which every offset is tried, WebDriver's callback.
const fixtures = arguments[0];
const everyOffsetUpTo = arguments[1];
const finish = arguments[arguments.length - 1];

(async () => {
    const { readEvents, SseParser } = await import('/js/sse.js');
    const { ChatStream } = await import('/js/chat-stream.js');
    const started = performance.now();
    const encoder = new TextEncoder();
    const bytesOf = base64 => Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    const oneBytePerRead = bytes => Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
    const outcome = chat => JSON.stringify({
        content: chat.content, finish_reason: chat.finishReason, usage: chat.usage, done: chat.done,
        error: chat.error === null ? null : chat.error.message, model: chat.model,
    });

    // The page's path: a response body read by readEvents until [DONE].
    async function read(chunks) {
        const chat = new ChatStream();
        const body = new ReadableStream({
            start(controller) {
                chunks.forEach(chunk => controller.enqueue(chunk));
                controller.close();
            },
        });
        await readEvents(body, event => chat.accept(event), () => chat.finished);
        return outcome(chat);
    }

    // The same decoder and parser calls without the async reader, for the many splits.
    function parse(chunks) {
        const chat = new ChatStream();
        const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
        const parser = new SseParser(event => chat.accept(event));
        for (const chunk of chunks) {
            parser.push(decoder.decode(chunk, { stream: true }));
        }
        parser.push(decoder.decode());
        parser.end();
        return outcome(chat);
    }

    function counts(bytes) {
        let events = 0;
        const parser = new SseParser(() => events++);
        parser.push(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
        parser.end();
        return { events, comments: parser.comments };
    }

    function variants(bytes) {
        const text = new TextDecoder().decode(bytes).replace(/\r\n/g, '\n');
        const bom = new Uint8Array(bytes.length + 3);
        bom.set([0xef, 0xbb, 0xbf]);
        bom.set(bytes, 3);
        return { crlf: encoder.encode(text.replace(/\n/g, '\r\n')), cr: encoder.encode(text.replace(/\n/g, '\r')), bom };
    }

    const results = {};
    const mismatches = [];
    let runs = 0;
    for (const { name, base64 } of fixtures) {
        const bytes = bytesOf(base64);
        const whole = await read([bytes]);
        results[name] = { ...JSON.parse(whole), ...counts(bytes) };
        const check = (variant, how, got) => {
            runs++;
            if (got !== whole) {
                mismatches.push({ name, variant, how, got });
            }
        };
        check('recorded', 'one byte per read', await read(oneBytePerRead(bytes)));
        const step = bytes.length <= everyOffsetUpTo ? 1 : Math.ceil(bytes.length / 400);
        for (let at = 1; at < bytes.length; at += step) {
            check('recorded', `split at ${at}`, parse([bytes.subarray(0, at), bytes.subarray(at)]));
        }
        for (const [variant, v] of Object.entries(variants(bytes))) {
            check(variant, 'whole', parse([v]));
            check(variant, 'one byte per read', parse(oneBytePerRead(v)));
        }
    }
    finish({ results, mismatches: mismatches.slice(0, 20), runs, ms: Math.round(performance.now() - started) });
})().catch(error => finish({ error: String(error && error.stack || error) }));
