import { el } from './dom.js';
import { formatUsd } from './pricing.js';

/**
 * The client keys on the status page: each key's standing against its plan's limits, from GET
 * /admin/clients. Only the key's hint is shown; the admin API never sends a secret.
 */

const number = value => Number(value).toLocaleString('en-US');
const date = iso => new Date(iso).toISOString().slice(0, 10);

/** One row per client key: who, status, plan, then each limit as "what is left (or used) / the bound". */
export function renderClients(container, body) {
    const clients = body && Array.isArray(body.clients) ? body.clients : null;
    if (clients === null || clients.length === 0) {
        container.replaceChildren(el('p', { className: 'empty-note', attrs: { 'data-field': 'no-clients' },
            text: clients === null ? 'This gateway has no client keys API.' : 'No client keys yet.' }));
        return;
    }
    const rows = clients.map(client => {
        const limits = client.limits ?? {};
        const usage = client.usage ?? {};
        return el('tr', { attrs: { 'data-client': client.id } }, [
            cell('name', [el('div', { text: client.name }),
                el('code', { className: 'muted', text: client.hint })], 'nowrap'),
            cell('id', [el('code', { text: client.id })]),
            cell('status', [el('span', { className: `badge client-${client.status}`, text: client.status })]),
            cell('plan', client.plan),
            cell('requests', bounded(usage.requests_left_this_minute, limits.rpm, number), 'num'),
            cell('tokens', bounded(usage.tokens_left_this_minute, limits.tpm, number), 'num'),
            cell('streams', bounded(usage.open_streams ?? 0, limits.concurrent_streams, number), 'num'),
            cell('today', bounded(usage.spent_today_usd ?? 0, limits.daily_usd, usd), 'num'),
            cell('month', bounded(usage.spent_this_month_usd ?? 0, limits.monthly_usd, usd), 'num'),
            cell('expires', client.expires_at ? date(client.expires_at) : 'never', 'nowrap'),
        ]);
    });
    // Each limit reads "left / bound" (streams and spend: "used / bound"); the card's note says so.
    const headings = ['name', 'id', 'status', 'plan', 'requests left', 'tokens left', 'streams', 'spent today',
        'spent this month', 'expires'];
    container.replaceChildren(el('div', { className: 'table-scroll' }, [el('table', { attrs: { 'data-table': 'clients' } }, [
        el('thead', {}, [el('tr', {}, headings.map(h => el('th', { text: h })))]),
        el('tbody', {}, rows),
    ])]));
}

const usd = value => formatUsd(Number(value));

// A bound of null is no bound at all: the value alone, and "no limit" where it would stand.
function bounded(value, bound, format) {
    const shown = value === undefined || value === null ? '—' : format(value);
    return bound === null || bound === undefined ? `${shown} / no limit` : `${shown} / ${format(bound)}`;
}

// Text or elements; data-column names the cell, for the tests.
function cell(column, content, className = '') {
    const nodes = Array.isArray(content) ? content : [String(content)];
    return el('td', { className, attrs: { 'data-column': column } }, nodes);
}
