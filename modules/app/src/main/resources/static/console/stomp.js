// A minimal STOMP 1.2 client over the browser's WebSocket: CONNECT (with the bearer token as a STOMP
// header, which is how the server authenticates the feed), SUBSCRIBE, MESSAGE, ERROR. The feed is
// receive-only, so there is no SEND.

const NUL = '\u0000';

function escape(value) {
    return String(value).replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
        .replaceAll(':', '\\c');
}

function unescape(value) {
    return value.replace(/\\([\\ncr])/g, (_, c) => ({'\\': '\\', n: '\n', c: ':', r: '\r'})[c]);
}

function frame(command, headers = {}, body = '') {
    const lines = [command, ...Object.entries(headers).map(([k, v]) => `${escape(k)}:${escape(v)}`)];
    return `${lines.join('\n')}\n\n${body}${NUL}`;
}

/** Parses the frames in one WebSocket message (heart-beats, bare newlines, are skipped). */
export function parseFrames(data) {
    const frames = [];
    for (const raw of data.split(NUL)) {
        const text = raw.replace(/^[\r\n]+/, '');
        if (!text) continue;
        const split = text.indexOf('\n\n');
        const head = (split < 0 ? text : text.slice(0, split)).split(/\r?\n/);
        const body = split < 0 ? '' : text.slice(split + 2);
        const headers = {};
        for (const line of head.slice(1)) {
            const colon = line.indexOf(':');
            if (colon > 0) {
                const name = unescape(line.slice(0, colon));
                // the first occurrence of a repeated header is the one that counts (STOMP 1.2)
                if (!(name in headers)) headers[name] = unescape(line.slice(colon + 1));
            }
        }
        frames.push({command: head[0], headers, body});
    }
    return frames;
}

/**
 * One STOMP connection. onConnected runs after CONNECTED; onMessage(destination, body) per MESSAGE;
 * onClose(reason) once, when the socket closes for any reason (reason: the ERROR frame's message, if any).
 */
export class StompConnection {
    constructor(url, token, {onConnected, onMessage, onClose}) {
        this.subscriptions = 0;
        this.closed = false;
        this.error = null;
        this.socket = new WebSocket(url, ['v12.stomp']);
        this.socket.addEventListener('open', () => {
            this.socket.send(frame('CONNECT', {
                'accept-version': '1.2', host: location.host, 'heart-beat': '0,0',
                Authorization: `Bearer ${token}`,
            }));
        });
        this.socket.addEventListener('message', event => {
            for (const f of parseFrames(String(event.data))) {
                if (f.command === 'CONNECTED') onConnected?.();
                else if (f.command === 'MESSAGE') onMessage?.(f.headers.destination, f.body);
                else if (f.command === 'ERROR') this.error = f.headers.message || f.body || 'refused';
            }
        });
        this.socket.addEventListener('close', () => {
            if (this.closed) return;
            this.closed = true;
            onClose?.(this.error);
        });
    }

    subscribe(destination) {
        this.subscriptions += 1;
        this.socket.send(frame('SUBSCRIBE', {id: `sub-${this.subscriptions}`, destination}));
    }

    disconnect() {
        this.closed = true;
        if (this.socket.readyState === WebSocket.OPEN) this.socket.send(frame('DISCONNECT'));
        this.socket.close();
    }
}
