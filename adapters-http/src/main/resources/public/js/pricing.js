/**
 * What an answer cost, from the stream's usage. The API sends no prices yet, so the page carries
 * list prices for the models it knows, in USD per million tokens; any other model is "unpriced".
 */
const PRICES = Object.freeze({
    'deepseek-v3.2': { input: 0.28, output: 0.42 },
    'gpt-4.1': { input: 2.0, output: 8.0 },
    'claude-sonnet-4.5': { input: 3.0, output: 15.0 },
    'gemini-2.5-flash': { input: 0.3, output: 2.5 },
});

/** The cost in USD, or null when the model has no price here or the usage is missing. */
export function costOf(model, usage) {
    const price = Object.hasOwn(PRICES, model) ? PRICES[model] : null;
    if (price === null || !usage) {
        return null;
    }
    const input = Number(usage.prompt_tokens) || 0;
    const output = Number(usage.completion_tokens) || 0;
    return (input * price.input + output * price.output) / 1_000_000;
}

export function isPriced(model) {
    return Object.hasOwn(PRICES, model);
}

/** Dollars with enough digits to see a fraction of a cent. */
export function formatUsd(usd) {
    if (usd === 0) {
        return '$0';
    }
    if (usd < 0.000001) {
        return '< $0.000001';
    }
    if (usd < 0.01) {
        return `$${usd.toFixed(6)}`;
    }
    return `$${usd.toFixed(usd < 1 ? 4 : 2)}`;
}
