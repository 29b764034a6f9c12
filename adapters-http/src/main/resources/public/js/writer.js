import { streamCompletion } from './api.js';
import { askForKeyWith } from './client-key.js';
import { byId } from './dom.js';
import { CompletionFailure, describe } from './failures.js';
import { KeyPrompt } from './key-prompt.js';
import { answerMetrics } from './metrics.js';
import { Settings } from './settings.js';
import { TurnView } from './turn-view.js';

/** The writing assistant: the conversation, and one streaming answer at a time. */

// Before anything calls /v1: where the gateway wants a key, the page asks for one in place.
const keys = new KeyPrompt();
askForKeyWith((refusal, signal) => keys.ask(refusal, signal));
const settings = new Settings();
const page = {
    conversation: byId('conversation'),
    empty: byId('empty'),
    composer: byId('composer'),
    prompt: byId('prompt'),
    send: byId('send'),
    stop: byId('stop'),
    template: byId('turn-template'),
};

/** The turns sent back with each request: the model remembers only what it is sent. */
let history = [];
let running = null;
// Bumped by "New conversation", so an answer still ending from the old one does not join the new history.
let conversation = 0;
/** Whether the view follows the answer down; scrolling up to reread stops that until back at the end. */
let following = true;

function setBusy(busy) {
    document.body.dataset.state = busy ? 'busy' : 'idle';
    page.send.disabled = busy || !settings.ready;
    page.stop.disabled = !busy;
}

function follow() {
    if (following) {
        page.conversation.scrollTop = page.conversation.scrollHeight;
    }
}

function nearBottom() {
    const c = page.conversation;
    return c.scrollHeight - c.scrollTop - c.clientHeight < 80;
}

async function send() {
    const prompt = page.prompt.value.trim();
    if (prompt === '' || running !== null || !settings.ready) {
        return;
    }
    const model = settings.model;
    const user = { role: 'user', content: prompt };
    const messages = [...settings.systemMessages, ...history, user];
    const turn = new TurnView(page.template, prompt, model, follow);
    page.empty.hidden = true;
    page.conversation.append(turn.element);
    following = true;
    follow();
    page.prompt.value = '';
    running = new AbortController();
    setBusy(true);
    const started = { conversation, at: performance.now(), firstAt: null, model };
    const remember = answer => {
        if (started.conversation === conversation) {
            history = [...history, user, { role: 'assistant', content: answer }];
        }
    };
    try {
        const result = await streamCompletion(
            { model, messages, temperature: settings.temperature },
            { signal: running.signal, onText: text => { started.firstAt ??= performance.now(); turn.append(text); } });
        turn.finish('done');
        remember(result.text);
        turn.showMetrics(answerMetrics({ startedAt: started.at, firstAt: started.firstAt, endedAt: performance.now(),
            model: result.model ?? model, usage: result.usage }));
    } catch (error) {
        failed(turn, error, prompt, started, remember);
    } finally {
        running = null;
        setBusy(false);
        page.prompt.focus();
    }
}

function failed(turn, error, prompt, started, remember) {
    const partial = turn.text;
    if (error instanceof DOMException && error.name === 'AbortError') {
        turn.finish('stopped');
        turn.showNotice({ title: 'Stopped.', detail: 'You stopped the answer; the text so far is kept.' }, 'stopped');
    } else {
        const failure = error instanceof CompletionFailure ? error : new CompletionFailure('other', String(error.message));
        turn.finish('failed');
        turn.element.dataset.failure = failure.kind;
        turn.showNotice(describe(failure, partial.length > 0), failure.kind);
    }
    if (partial.length > 0) {
        remember(partial); // what the user can see is what the next turn builds on
        turn.showMetrics(answerMetrics({ startedAt: started.at, firstAt: started.firstAt, endedAt: null,
            model: started.model, usage: null }));
    } else if (page.prompt.value === '') {
        page.prompt.value = prompt; // nothing came back: the prompt is there to send again
    }
}

function newConversation() {
    conversation++;
    running?.abort();
    history = [];
    page.conversation.querySelectorAll('.turn').forEach(turn => turn.remove());
    page.empty.hidden = false;
    page.prompt.focus();
}

page.composer.addEventListener('submit', event => {
    event.preventDefault();
    send();
});
page.prompt.addEventListener('keydown', event => {
    // An IME (Vietnamese Telex, say) uses Enter to end a composition: that Enter is not "send".
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        send();
    }
});
page.stop.addEventListener('click', () => running?.abort());
page.conversation.addEventListener('scroll', () => { following = nearBottom(); }, { passive: true });
byId('new-conversation').addEventListener('click', newConversation);
document.querySelectorAll('[data-suggestion]').forEach(chip => chip.addEventListener('click', () => {
    page.prompt.value = chip.textContent.trim();
    page.prompt.focus();
}));
setBusy(false);
settings.load().then(() => setBusy(false));
