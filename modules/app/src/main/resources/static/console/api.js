// The public HTTP API, with the signed-in member's token. The token lives in sessionStorage: it goes
// when the tab closes, and it is never written anywhere else.

const TOKEN_KEY = 'lexnet.token';

export class ApiError extends Error {
    constructor(status, problem) {
        const fields = (problem?.errors ?? []).map(e => `${e.field}: ${e.message}`).join('; ');
        const text = problem?.detail || problem?.title || `The server answered ${status}.`;
        super(fields ? `${text} (${fields})` : text);
        this.status = status;
        this.problem = problem;
    }
}

export const session = {
    get token() {
        return sessionStorage.getItem(TOKEN_KEY);
    },
    /** The token's claims: sub (member id), roles, exp. Read only to shape the page; the server checks. */
    get claims() {
        const token = this.token;
        if (!token) return null;
        try {
            const part = token.split('.')[1].replaceAll('-', '+').replaceAll('_', '/');
            return JSON.parse(atob(part));
        } catch {
            return null;
        }
    },
    get signedIn() {
        const claims = this.claims;
        return !!claims && claims.exp * 1000 > Date.now();
    },
    get isAdmin() {
        return (this.claims?.roles ?? []).includes('ADMIN');
    },
    get memberId() {
        return this.claims?.sub;
    },
    start(token) {
        sessionStorage.setItem(TOKEN_KEY, token);
    },
    end() {
        sessionStorage.removeItem(TOKEN_KEY);
    },
};

/** Calls the API; answers the parsed JSON (or null), throws ApiError with the problem's detail. */
export async function api(method, path, body) {
    const headers = {Accept: 'application/json'};
    if (session.token) headers.Authorization = `Bearer ${session.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    const text = await response.text();
    let json = null;
    try {
        json = text ? JSON.parse(text) : null;
    } catch {
        json = null;
    }
    if (!response.ok) {
        if (response.status === 401 && session.token) {
            session.end();
            window.dispatchEvent(new Event('lexnet:signed-out'));
        }
        throw new ApiError(response.status, json);
    }
    return json;
}

export const get = path => api('GET', path);
export const post = (path, body) => api('POST', path, body ?? {});
export const put = (path, body) => api('PUT', path, body);

/**
 * Read models follow commands a moment later: asks again (bounded) until the answer satisfies the test.
 * Answers the last answer either way.
 */
export async function until(read, test, {tries = 20, pause = 300} = {}) {
    let last;
    for (let i = 0; i < tries; i++) {
        try {
            last = await read();
            if (test(last)) return last;
        } catch (e) {
            if (!(e instanceof ApiError) || e.status !== 404) throw e;
        }
        await new Promise(resolve => setTimeout(resolve, pause));
    }
    return last;
}

/** The taxonomy (codes and labels), fetched once. */
let taxonomy;
export async function codes() {
    taxonomy ??= get('/api/v1/taxonomy');
    return taxonomy;
}

/** The label of a code in one of the taxonomy's lists, or the code in plain words. */
export function labelOf(list, code) {
    return list?.find(o => o.code === code)?.label ?? code;
}

/** Lists of the taxonomy whose codes appear in the server's reasons and explanations. */
const WORDED_LISTS = ['competencies', 'stages', 'sectors', 'regions', 'areas', 'roles'];
const CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b/g;
let wording;

/**
 * A reason from the server in words: each known taxonomy code in it ("FUNDRAISING_AND_FINANCE",
 * "EMERGING") becomes the taxonomy's label ("Fundraising and finance", "Emerging"). Words in capitals that
 * are no code stay as they are. A stage's label carries a description after " — "; only its name is used.
 */
export function readable(taxonomy, text) {
    if (!text) return text;
    if (!wording || wording.taxonomy !== taxonomy) {
        const labels = new Map();
        for (const list of WORDED_LISTS) {
            for (const term of taxonomy?.[list] ?? []) labels.set(term.code, term.label.split(' — ')[0]);
        }
        wording = {taxonomy, labels};
    }
    return String(text).replace(CODE, code => wording.labels.get(code) ?? code);
}
