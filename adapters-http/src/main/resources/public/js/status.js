import { adminApi } from './admin-api.js';
import { renderClients } from './clients-view.js';
import { byId } from './dom.js';
import { EndpointHistory } from './series.js';
import { percent, renderDecisions, renderEndpoints, renderKeys, renderSpend } from './status-view.js';

/** The operator's status page: asks for the admin token, then polls the admin API and draws it. */

const WINDOW_MS = 5 * 60_000;
// ?every=N polls every N seconds (1 to 60, default 3).
const EVERY_MS = Math.min(60, Math.max(1, Number(new URLSearchParams(location.search).get('every')) || 3)) * 1000;

const page = {
    signIn: byId('sign-in'),
    form: byId('token-form'),
    token: byId('token'),
    tokenError: byId('token-error'),
    dashboard: byId('dashboard'),
    canaryWeight: byId('canary-weight'),
    controller: byId('controller'),
    updated: byId('updated'),
    connection: byId('connection'),
    windowNote: byId('window-note'),
    endpoints: byId('endpoints'),
    decisions: byId('decisions'),
    spend: byId('spend'),
    keys: byId('keys'),
    clients: byId('clients'),
};

const history = new EndpointHistory(WINDOW_MS);
let api = null;
let timer = 0;
// Bumped on every sign-in and sign-out, so an answer to an older session's poll is dropped.
let session = 0;

async function connect(token) {
    const candidate = adminApi(token);
    page.tokenError.textContent = '';
    try {
        await candidate.traffic();
    } catch (error) {
        page.tokenError.textContent = error.unauthorized
            ? 'The gateway refused this token.'
            : error.status === 404 ? 'This gateway has no admin API (SHEEPDOG_ADMIN_TOKEN is not set).' : error.message;
        page.token.focus();
        return;
    }
    api = candidate;
    session++;
    history.clear();
    page.signIn.hidden = true;
    page.dashboard.hidden = false;
    page.windowNote.textContent = `numbers: the gateway's recent window · charts: what this tab saw, up to ${WINDOW_MS / 60000} min, every ${EVERY_MS / 1000} s`;
    poll(session);
}

function disconnect(message = '') {
    session++;
    clearTimeout(timer);
    api = null;
    history.clear();
    page.dashboard.hidden = true;
    page.signIn.hidden = false;
    page.tokenError.textContent = message;
    page.token.focus();
}

async function poll(current) {
    try {
        const [report, keys, spend, clients] = await Promise.all([api.traffic(), api.keys(), api.spend(),
            api.clients()]);
        if (current !== session) {
            return;
        }
        draw(report, keys, spend, clients);
        page.connection.textContent = '';
        page.connection.dataset.state = 'live';
    } catch (error) {
        if (current !== session) {
            return;
        }
        if (error.unauthorized) {
            disconnect('The gateway no longer accepts this token.');
            return;
        }
        page.connection.textContent = `${error.message} Retrying…`;
        page.connection.dataset.state = 'error';
    }
    timer = setTimeout(() => poll(current), EVERY_MS);
}

function draw(report, keys, spend, clients) {
    const now = Date.now();
    history.record(report, now);
    page.canaryWeight.textContent = percent(Number(report.canary_weight) || 0);
    page.controller.textContent = report.paused ? 'paused' : 'running';
    page.updated.textContent = new Date(now).toLocaleTimeString('en-GB', { hour12: false });
    // The charts span what this tab has seen: from half a minute up to the whole window.
    const from = Math.min(now - 30_000, Math.max(now - WINDOW_MS, history.oldest() ?? now));
    renderEndpoints(page.endpoints, report, history, { from, to: now });
    renderDecisions(page.decisions, report.decisions);
    renderSpend(page.spend, spend);
    renderKeys(page.keys, keys);
    renderClients(page.clients, clients);
    document.body.dataset.polls = String(Number(document.body.dataset.polls ?? 0) + 1);
}

page.form.addEventListener('submit', event => {
    event.preventDefault();
    const token = page.token.value.trim();
    page.token.value = ''; // not left in the field for the next person at this screen
    if (token !== '') {
        connect(token);
    }
});
byId('disconnect').addEventListener('click', () => disconnect());
page.token.focus();
