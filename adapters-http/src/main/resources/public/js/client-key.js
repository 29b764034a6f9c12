/**
 * The client key the writing page sends on /v1 calls, where the gateway asks for one. It lives in
 * this module's variable only: never in storage, a cookie or the URL, so it is gone when the tab
 * closes or reloads, and no other page or later visitor of this browser can read it back.
 */

// The refusals a key can cure; any other 401 is an answer like the rest.
const KEY_CODES = new Set(['credentials_required', 'invalid_client_key', 'invalid_token']);

let key = null;
/** Asks the user for a key: (refusal, signal) => Promise<string>; none on pages that cannot ask. */
let ask = null;

/** Lets the page ask for a key when the gateway wants one (the writing page's inline form). */
export function askForKeyWith(prompt) {
    ask = prompt;
}

/**
 * fetch for /v1, with `Authorization: Bearer <key>` once the user gave a key. A 401 that asks for
 * a key (none sent, or the one sent refused) waits for the user to give one and sends the same
 * request again; aborting the signal while it waits rejects with an AbortError, as fetch does.
 */
export async function fetchWithKey(path, init = {}) {
    for (;;) {
        const sent = key;
        const headers = sent === null ? init.headers : { ...init.headers, Authorization: `Bearer ${sent}` };
        const response = await fetch(path, { ...init, headers });
        const refusal = ask === null ? null : await keyRefusal(response);
        if (refusal === null) {
            return response;
        }
        if (key === sent) {
            // Refused for good (revoked, say): not sent again, whatever the user does next.
            key = null;
            key = await ask({ ...refusal, keySent: sent !== null }, init.signal);
        }
        // else another request got a new key while this one was on its way: try that one
    }
}

/** The gateway's refusal as {code, message}, when it is one a key can cure; null otherwise. */
async function keyRefusal(response) {
    if (response.status !== 401) {
        return null;
    }
    try {
        const error = (await response.clone().json()).error ?? {};
        return KEY_CODES.has(error.code)
            ? { code: error.code, message: typeof error.message === 'string' ? error.message : '' } : null;
    } catch {
        return null; // not the gateway's JSON: a proxy's own login page, say
    }
}
