import { copyText } from './clipboard.js';
import { formatUsd } from './pricing.js';

/**
 * One exchange on the page: the user's prompt and the answer as it streams. Answer text is
 * appended to a single text node once per animation frame, so a fast stream costs one repaint per
 * frame, and the text stays text: a model's "<script>" is shown, never run.
 */
export class TurnView {
    #answer;
    #textNode = document.createTextNode('');
    #pending = '';
    #frame = 0;
    #onGrow;

    /** @param {() => void} onGrow called after new text is painted, e.g. to keep the view scrolled */
    constructor(template, prompt, model, onGrow = () => {}) {
        this.element = template.content.firstElementChild.cloneNode(true);
        this.#field('prompt').textContent = prompt;
        this.#field('model').textContent = model;
        this.#answer = this.#field('answer');
        this.#answer.append(this.#textNode);
        this.#onGrow = onGrow;
        this.#field('copy').addEventListener('click', () => this.#copy());
        this.#setStatus('streaming');
    }

    /** The answer so far, exactly as received. */
    get text() {
        return this.#textNode.data + this.#pending;
    }

    append(text) {
        this.#pending += text;
        if (this.#frame === 0) {
            this.#frame = requestAnimationFrame(() => this.#flush());
        }
    }

    /** The stream ended (any way): paint what is left and drop the cursor. */
    finish(status) {
        cancelAnimationFrame(this.#frame);
        this.#flush();
        this.#setStatus(status);
    }

    showNotice({ title, detail }, kind) {
        const notice = this.#field('notice');
        notice.dataset.kind = kind;
        notice.setAttribute('role', kind === 'stopped' ? 'status' : 'alert');
        this.#field('notice-title').textContent = title;
        this.#field('notice-detail').textContent = detail;
        notice.hidden = false;
    }

    /** @param {{ttftMs: ?number, tokensPerSecond: ?number, usage: ?object, costUsd: ?number, priced: boolean}} m */
    showMetrics(m) {
        this.#metric('ttft', m.ttftMs === null ? '—' : formatDuration(m.ttftMs));
        this.#metric('speed', m.tokensPerSecond === null ? '—' : `${m.tokensPerSecond.toFixed(1)} tok/s`);
        this.#metric('tokens', m.usage
            ? `${m.usage.prompt_tokens} in · ${m.usage.completion_tokens} out`
            : '—');
        this.#metric('cost', !m.priced ? 'unpriced' : m.costUsd === null ? '—' : formatUsd(m.costUsd));
        this.#field('footer').hidden = false;
    }

    #flush() {
        this.#frame = 0;
        if (this.#pending.length > 0) {
            this.#textNode.appendData(this.#pending);
            this.#pending = '';
            this.#onGrow();
        }
    }

    async #copy() {
        const button = this.#field('copy');
        button.textContent = (await copyText(this.text)) ? 'Copied' : 'Copy failed';
        setTimeout(() => { button.textContent = 'Copy'; }, 1500);
    }

    #setStatus(status) {
        this.element.dataset.status = status;
    }

    #metric(name, value) {
        this.element.querySelector(`[data-metric="${name}"]`).textContent = value;
    }

    #field(name) {
        return this.element.querySelector(`[data-field="${name}"]`);
    }
}

function formatDuration(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
