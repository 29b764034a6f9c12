import { byId } from './dom.js';

/**
 * The writing page's inline form that asks for a client key when the gateway wants one. Every
 * request waiting for a key waits for the same answer; the form leaves once none waits any more.
 * The key goes from the field straight to the caller and the field is emptied.
 */
export class KeyPrompt {
    #form = byId('key-form');
    #title = byId('key-title');
    #detail = byId('key-detail');
    #field = byId('client-key');
    #pending = null;
    #waiting = 0;

    constructor() {
        this.#form.addEventListener('submit', event => {
            event.preventDefault();
            const key = this.#field.value.trim();
            this.#field.value = ''; // not left in the field for the next person at this screen
            if (key !== '' && this.#pending !== null) {
                const { resolve } = this.#pending;
                this.#close();
                resolve(key);
            }
        });
    }

    /**
     * Shows why a key is needed (the gateway's own words) and resolves with the key typed.
     *
     * @param {{code: string, message: string, keySent: boolean}} refusal
     * @param {AbortSignal} [signal] rejects with an AbortError when it aborts first
     */
    ask(refusal, signal) {
        this.#show(refusal);
        if (this.#pending === null) {
            let resolve;
            const promise = new Promise(done => { resolve = done; });
            this.#pending = { promise, resolve };
        }
        const answer = this.#pending.promise;
        this.#waiting++;
        return new Promise((resolve, reject) => {
            const aborted = () => {
                this.#leave();
                reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
            };
            if (signal?.aborted) {
                aborted();
                return;
            }
            signal?.addEventListener('abort', aborted, { once: true });
            answer.then(key => {
                signal?.removeEventListener('abort', aborted);
                resolve(key);
            });
        });
    }

    #show({ code, message, keySent }) {
        this.#title.textContent = code === 'invalid_token' ? 'The gateway refused this token.'
            : keySent || code === 'invalid_client_key' ? 'The gateway refused this key.'
                : 'This gateway needs a client key.';
        this.#detail.textContent = message;
        this.#form.dataset.code = code;
        this.#form.hidden = false;
        this.#field.focus();
    }

    // A request that stopped waiting; the last one takes the form away.
    #leave() {
        this.#waiting--;
        if (this.#waiting === 0 && this.#pending !== null) {
            this.#close();
        }
    }

    #close() {
        this.#pending = null;
        this.#waiting = 0;
        this.#form.hidden = true;
    }
}
