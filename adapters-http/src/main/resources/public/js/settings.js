import { listModels } from './api.js';
import { byId, el } from './dom.js';

/**
 * The settings panel: system prompt, model (from GET /v1/models) and temperature. It stands open
 * beside the conversation on a wide screen and folds into one summary line on a narrow one.
 */
export class Settings {
    #panel = byId('settings');
    #systemPrompt = byId('system-prompt');
    #model = byId('model');
    #modelNote = byId('model-note');
    #summary = byId('summary-model');
    #temperature = byId('temperature');
    #temperatureValue = byId('temperature-value');

    constructor() {
        this.#model.addEventListener('change', () => this.#summarize());
        this.#temperature.addEventListener('input', () => this.#summarize());
        const wide = window.matchMedia('(min-width: 860px)');
        this.#panel.open = wide.matches;
        wide.addEventListener('change', event => { this.#panel.open = event.matches; });
    }

    /** Fills the model picker; resolves once it is usable (or known not to be). */
    async load() {
        try {
            const models = await listModels();
            this.#model.replaceChildren(...models.map(id => el('option', { text: id, attrs: { value: id } })));
            this.#model.disabled = models.length === 0;
            this.#modelNote.textContent = models.length === 0 ? 'The gateway serves no models.' : '';
        } catch (error) {
            this.#model.replaceChildren(el('option', { text: 'unavailable' }));
            this.#modelNote.textContent = `Could not load the models: ${error.message}`;
        }
        this.#summarize();
    }

    get ready() {
        return !this.#model.disabled;
    }

    get model() {
        return this.#model.value;
    }

    get temperature() {
        return Number(this.#temperature.value);
    }

    /** The system message to open each request with, or none when the prompt is blank. */
    get systemMessages() {
        const text = this.#systemPrompt.value.trim();
        return text ? [{ role: 'system', content: text }] : [];
    }

    #summarize() {
        this.#temperatureValue.textContent = this.temperature.toFixed(1);
        this.#summary.textContent = `${this.#model.value || 'no model'} · ${this.#temperatureValue.textContent}`;
    }
}
