import { lineChart } from './chart.js';
import { el } from './dom.js';
import { formatUsd } from './pricing.js';

/** Draws the status page from the admin API's answers; everything from the API goes in as text. */

/** A share as a percentage: whole above 10% (and wherever a decimal would be zero), one decimal below. */
export function percent(share) {
    const value = share * 100;
    const tenths = Math.round(value * 10) / 10;
    return value >= 10 || Number.isInteger(tenths) ? `${Math.round(value)}%` : `${tenths.toFixed(1)}%`;
}
const millis = value => `${Math.round(value)} ms`;
const number = value => Number(value).toLocaleString('en-US');
const time = iso => new Date(iso).toLocaleTimeString('en-GB', { hour12: false });

/** One card per endpoint: role, weight, breaker, its window, and charts of the history seen so far. */
export function renderEndpoints(container, report, history, range) {
    container.replaceChildren(...(report.endpoints ?? []).map(endpoint => {
        const samples = history.of(endpoint.id);
        const w = endpoint.window ?? {};
        const weight = endpoint.role === 'shadow'
            ? `${percent(endpoint.shadow_fraction)} copied` : percent(endpoint.share);
        return el('article', { className: 'card endpoint', attrs: { 'data-endpoint': endpoint.id } }, [
            el('header', { className: 'endpoint-head' }, [
                el('h3', { text: endpoint.id }),
                el('span', { className: `badge role role-${endpoint.role}`, text: endpoint.role, attrs: { 'data-field': 'role' } }),
                el('span', { className: `badge breaker breaker-${endpoint.circuit}`, attrs: { 'data-field': 'breaker' },
                    text: breaker(endpoint.circuit) }),
            ]),
            el('p', { className: 'endpoint-url', text: endpoint.base_url }),
            el('dl', { className: 'stats' }, [
                stat('weight', weight),
                stat('requests', number(w.requests ?? 0)),
                stat('errors', w.requests > 0 ? percent(w.error_rate) : '—'),
                stat('tokens/s', w.requests > 0 ? Number(w.tokens_per_second).toFixed(1) : '—'),
            ]),
            el('div', { className: 'endpoint-charts' }, [
                lineChart({
                    name: 'ttft', title: 'Time to first token', ...range, floor: 100, format: millis,
                    series: [
                        { label: 'p50', className: 'series-p50', points: samples.map(s => ({ at: s.at, value: s.p50 })) },
                        { label: 'p95', className: 'series-p95', points: samples.map(s => ({ at: s.at, value: s.p95 })) },
                    ],
                }),
                lineChart({
                    name: 'errors', title: 'Error rate', ...range, floor: 0.05, format: percent,
                    series: [{ label: 'errors', className: 'series-errors',
                        points: samples.map(s => ({ at: s.at, value: s.errorRate })) }],
                }),
            ]),
        ]);
    }));
}

// "none": the endpoint's adapter has no circuit breaker (the simulator, say).
function breaker(circuit) {
    return circuit === 'none' ? 'no breaker' : `breaker ${String(circuit).replaceAll('_', ' ')}`;
}

function stat(label, value) {
    return el('div', { attrs: { 'data-stat': label } }, [el('dt', { text: label }), el('dd', { text: value })]);
}

/** The canary controller's latest decisions, newest first, with the reason it gave. */
export function renderDecisions(container, decisions) {
    if (!decisions || decisions.length === 0) {
        container.replaceChildren(el('p', { className: 'empty-note', text: 'No decisions yet.' }));
        return;
    }
    const rows = [...decisions].reverse().slice(0, 12).map(d => el('tr', {}, [
        el('td', { className: 'nowrap', text: time(d.at) }),
        el('td', {}, [el('span', { className: `badge action action-${d.action}`, text: d.action.replaceAll('_', ' ') })]),
        el('td', { className: 'nowrap', text: `${percent(d.weight_before)} → ${percent(d.weight_after)}` }),
        el('td', { className: 'reason', text: d.reason }),
    ]));
    container.replaceChildren(table(['time', 'decision', 'weight', 'reason'], rows, 'decisions'));
}

/** Spend per model and endpoint from GET /admin/spend, or a plain "no spend data". */
export function renderSpend(container, spend) {
    const models = spend && Array.isArray(spend.models) ? spend.models : null;
    if (models === null || models.length === 0) {
        container.replaceChildren(el('p', { className: 'empty-note', attrs: { 'data-field': 'no-spend' },
            text: 'No spend data.' }));
        return;
    }
    const rows = models.map(m => el('tr', {}, [
        el('td', { text: m.model }),
        el('td', { text: m.traffic === 'shadow' ? `${m.endpoint} (shadow)` : m.endpoint }),
        el('td', { className: 'num', text: number(m.input_tokens) }),
        el('td', { className: 'num', text: number(m.output_tokens) }),
        el('td', { className: 'num', text: m.unpriced ? 'unpriced' : formatUsd(Number(m.cost_usd)) }),
    ]));
    const total = el('p', { className: 'total', attrs: { 'data-field': 'spend-total' } },
        ['Total ', el('strong', { text: formatUsd(Number(spend.total_usd) || 0) })]);
    container.replaceChildren(table(['model', 'endpoint', 'input', 'output', 'cost'], rows, 'spend'), total);
}

/** Each endpoint's keys by fingerprint and state; the admin API never sends a secret. */
export function renderKeys(container, body) {
    const rows = Object.entries(body?.endpoints ?? {}).flatMap(([endpoint, keys]) => keys.length === 0
        ? [el('tr', {}, [el('td', { text: endpoint }), el('td', { className: 'muted', text: 'no keys', attrs: { colspan: 5 } })])]
        : keys.map(k => el('tr', {}, [
            el('td', { text: endpoint }),
            el('td', {}, [el('code', { text: k.fingerprint })]),
            el('td', {}, [el('span', { className: `badge key-${k.state}`, text: k.state })]),
            el('td', { className: 'num', text: number(k.requests) }),
            el('td', { className: 'num', text: number(k.in_flight) }),
            el('td', { className: 'nowrap', text: k.last_used ? time(k.last_used) : '—' }),
        ])));
    container.replaceChildren(rows.length === 0
        ? el('p', { className: 'empty-note', text: 'No endpoints.' })
        : table(['endpoint', 'key', 'state', 'requests', 'in flight', 'last used'], rows, 'keys'));
}

function table(headings, rows, name) {
    return el('div', { className: 'table-scroll' }, [el('table', { attrs: { 'data-table': name } }, [
        el('thead', {}, [el('tr', {}, headings.map(h => el('th', { text: h })))]),
        el('tbody', {}, rows),
    ])]);
}
