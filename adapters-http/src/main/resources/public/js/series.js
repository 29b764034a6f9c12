/**
 * The recent history of each endpoint's window, sampled at every poll: the admin API reports only
 * the present, so the page keeps the past it has seen to draw the charts.
 */
export class EndpointHistory {
    #samples = new Map();

    /** @param {number} keepMs how far back to keep samples */
    constructor(keepMs) {
        this.keepMs = keepMs;
    }

    /** Records every endpoint of one /admin/traffic report, taken at {@code at} (ms since epoch). */
    record(report, at) {
        for (const endpoint of report.endpoints ?? []) {
            const samples = this.#samples.get(endpoint.id) ?? [];
            const w = endpoint.window ?? {};
            const seen = Number(w.requests) > 0;
            samples.push({
                at,
                requests: Number(w.requests) || 0,
                p50: seen ? Number(w.ttft_p50_ms) : null,
                p95: seen ? Number(w.ttft_p95_ms) : null,
                errorRate: seen ? Number(w.error_rate) : null,
            });
            while (samples.length > 0 && samples[0].at < at - this.keepMs) {
                samples.shift();
            }
            this.#samples.set(endpoint.id, samples);
        }
    }

    /** When the oldest sample kept was taken, or null before the first. */
    oldest() {
        const firsts = [...this.#samples.values()].filter(s => s.length > 0).map(s => s[0].at);
        return firsts.length === 0 ? null : Math.min(...firsts);
    }

    /** The samples of one endpoint, oldest first. */
    of(id) {
        return this.#samples.get(id) ?? [];
    }

    clear() {
        this.#samples.clear();
    }
}
