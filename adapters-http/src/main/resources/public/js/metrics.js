import { costOf, isPriced } from './pricing.js';

/**
 * The numbers under an answer: time to first token (from sending), output tokens per second
 * (from the first token to the end), the stream's usage, and its cost when the model has a price.
 */
export function answerMetrics({ startedAt, firstAt, endedAt, model, usage }) {
    const seconds = firstAt !== null && endedAt !== null ? (endedAt - firstAt) / 1000 : 0;
    const output = usage ? Number(usage.completion_tokens) : 0;
    return {
        ttftMs: firstAt === null ? null : firstAt - startedAt,
        tokensPerSecond: seconds > 0 && output > 0 ? output / seconds : null,
        usage,
        costUsd: costOf(model, usage),
        priced: isPriced(model),
    };
}
