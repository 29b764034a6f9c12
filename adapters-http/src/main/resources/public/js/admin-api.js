/**
 * The gateway's admin API, read with the operator's token. The token lives only in this closure:
 * never in storage, a cookie or the URL, so it is gone when the tab closes or reloads.
 */
export class AdminError extends Error {
    constructor(status, message) {
        super(message);
        this.name = 'AdminError';
        this.status = status;
    }

    get unauthorized() {
        return this.status === 401;
    }
}

export function adminApi(token) {
    async function get(path) {
        let response;
        try {
            response = await fetch(path, {
                headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
                cache: 'no-store',
            });
        } catch {
            throw new AdminError(0, 'The gateway could not be reached.');
        }
        if (!response.ok) {
            let message = `HTTP ${response.status}`;
            try {
                message = (await response.json()).error?.message ?? message;
            } catch {
                // the status says enough
            }
            throw new AdminError(response.status, message);
        }
        return response.json();
    }

    return {
        /** GET /admin/traffic: endpoints, their windows, the canary and its decisions. */
        traffic: () => get('/admin/traffic'),
        /** GET /admin/keys: fingerprints and states, never a secret. */
        keys: () => get('/admin/keys'),
        /** GET /admin/spend, or null while the gateway has no such route (or no data). */
        spend: () => get('/admin/spend').catch(orNull),
        /** GET /admin/clients: client keys with their standing (hints only), or null without that route. */
        clients: () => get('/admin/clients').catch(orNull),
    };
}

// An optional route: its absence (or failure) leaves its card empty; a refused token ends the session.
function orNull(error) {
    if (error.unauthorized) {
        throw error;
    }
    return null;
}
