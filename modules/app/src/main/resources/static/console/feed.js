// The live feed: STOMP at /ws for what happens now, GET /api/v1/feed?after= for what was missed while
// the connection was down. Entries carry a cursor that grows; anything at or below the last one shown is
// a duplicate and is dropped, so live delivery and catch-up can overlap safely.

import {get, session} from './api.js';
import {StompConnection} from './stomp.js';
import {announce, fill, h, when, words} from './dom.js';

const SHOWN = 30;
const CURSOR_KEY = 'lexnet.feed.cursor';
const PAGE = 200;
// on a first visit, how many pages of history to skim for the latest entries
const FIRST_VISIT_PAGES = 25;

function person(other) {
    return other?.displayName ?? 'A member who keeps their name private';
}

/** One entry in plain words. */
export function describe(entry) {
    const p = entry.payload ?? {};
    switch (entry.kind) {
        case 'CONNECTION_MADE':
            return p.members?.length ? `${p.members.map(person).join(' and ')} are now connected.`
                : 'Two members are now connected.';
        case 'MENTOR_OFFER_OPENED': return `A new mentor is available (stage: ${words(p.stage)}).`;
        case 'PAIRING_STARTED': return `A mentoring pairing started. ${p.total} so far.`;
        case 'PAIRING_COMPLETED': return `A mentoring pairing was completed. ${p.total} so far.`;
        case 'CIRCLE_FORMED': return `A new circle was formed. ${p.total} so far.`;
        case 'CONNECTION_REQUESTED': return `${person(p.other)} asked to connect with you.`;
        case 'CONNECTION_ACCEPTED': return `${person(p.other)} accepted your connection request.`;
        case 'CONNECTION_DECLINED': return `${person(p.other)} declined your connection request.`;
        case 'CONNECTION_WITHDRAWN': return `${person(p.other)} withdrew a connection request.`;
        case 'MENTOR_PROPOSED': return `A mentor was proposed to you: ${person(p.other)}. See My pairings.`;
        case 'PROPOSAL_RECEIVED': return `${person(p.other)} would like you as their mentor. Please answer in My pairings.`;
        case 'PROPOSAL_ACCEPTED': return `${person(p.other)} accepted. You are now paired.`;
        case 'PROPOSAL_DECLINED': return `${person(p.other)} cannot mentor you now. We will look for another mentor.`;
        case 'PROPOSAL_EXPIRED': return `A proposal with ${person(p.other)} ended without an answer.`;
        case 'PROPOSAL_REMINDER': return `Reminder: ${person(p.other)} is waiting for your answer.`;
        case 'CIRCLE_INVITATION': return 'You are invited to join a circle. See Circles.';
        case 'ENDORSEMENT_RECEIVED': return `${person(p.other)} endorsed you for ${words(p.competency)}.`;
        case 'OPPORTUNITY_POSTED': return `A new opportunity was shared: ${words(p.opportunityKind)}.`;
        case 'OPPORTUNITY_MATCHED': return `An opportunity fits you: ${words(p.opportunityKind)}. See Opportunities.`;
        case 'SESSION_NUDGE': return `You have not logged a session with ${person(p.other)} for a while.`;
        default: return words(entry.kind);
    }
}

/** The feed panel in the page's aside, and its connection. */
export class Feed {
    constructor(container, {onEntry} = {}) {
        this.container = container;
        this.onEntry = onEntry;
        this.entries = [];
        this.last = Number(sessionStorage.getItem(CURSOR_KEY) ?? -1);
        this.retry = 1000;
        this.stopped = false;
        this.paused = false;
        this.status = h('p', {role: 'status', class: 'hint'}, 'Connecting…');
        // moving content can be paused (WCAG 2.2.2); resuming catches up on what came meanwhile
        this.pauseButton = h('button', {type: 'button', class: 'secondary', 'aria-pressed': 'false',
            onclick: () => this.togglePause()}, 'Pause live updates');
        this.list = h('ol', {class: 'feed'});
        fill(container,
            h('h2', {id: 'feed-heading'}, 'Live feed'),
            this.status,
            this.pauseButton,
            h('p', {class: 'hint'}, 'News from the network and messages for you. Newest first.'),
            // role=log: screen readers announce new entries as they arrive
            h('div', {role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'feed-heading'}, this.list));
        container.hidden = false;
    }

    async start() {
        if (this.last < 0) {
            await this.firstVisit();
        }
        this.connect();
    }

    /** The latest entries, by paging through the history (the API pages forward only). */
    async firstVisit() {
        let cursor = 0;
        let recent = [];
        for (let page = 0; page < FIRST_VISIT_PAGES; page++) {
            const answer = await get(`/api/v1/feed?after=${cursor}&limit=${PAGE}`);
            if (!answer.entries.length) break;
            recent = recent.concat(answer.entries).slice(-SHOWN);
            cursor = answer.nextCursor;
        }
        this.last = 0;
        recent.forEach(entry => this.show(entry, false));
    }

    togglePause() {
        this.paused = !this.paused;
        this.pauseButton.setAttribute('aria-pressed', String(this.paused));
        if (this.paused) {
            this.connection?.disconnect();
            this.connection = null;
            this.setStatus('Paused. Nothing new is shown until you resume.');
        } else {
            this.setStatus('Connecting…');
            this.connect();
        }
    }

    connect() {
        if (this.stopped || this.paused || !session.signedIn) return;
        const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
        let connected = false;
        this.connection = new StompConnection(url, session.token, {
            onConnected: () => {
                connected = true;
                this.connection.subscribe('/topic/network');
                this.connection.subscribe('/user/queue/notifications');
                this.retry = 1000;
                this.setStatus('Connected. New entries appear here as they happen.');
                this.catchUp();
            },
            onMessage: (destination, body) => this.show(JSON.parse(body), true),
            onClose: reason => {
                if (this.stopped || this.paused) return;
                if (!connected && reason) {
                    // refused at CONNECT (the sign-in is no longer valid): trying again would not help
                    this.setStatus(`Not connected: ${reason}.`);
                    return;
                }
                this.setStatus(`Not connected${reason ? ` (${reason})` : ''}. Trying again in ${this.retry / 1000} s.`);
                setTimeout(() => this.connect(), this.retry);
                this.retry = Math.min(this.retry * 2, 30000);
            },
        });
    }

    /** After (re)connecting and subscribing: what was missed meanwhile, oldest first. */
    async catchUp() {
        try {
            for (;;) {
                const answer = await get(`/api/v1/feed?after=${this.last}&limit=${PAGE}`);
                if (!answer.entries.length) break;
                answer.entries.forEach(entry => this.show(entry, true));
            }
        } catch {
            this.setStatus('Connected, but missed entries could not be loaded. They will load after the next reconnect.');
        }
    }

    show(entry, isNew) {
        if (entry.cursor <= this.last) return;
        this.last = entry.cursor;
        sessionStorage.setItem(CURSOR_KEY, String(entry.cursor));
        const text = describe(entry);
        this.list.prepend(h('li', {'data-cursor': entry.cursor, 'data-kind': entry.kind}, text, when(entry.occurredAt)));
        while (this.list.children.length > SHOWN) this.list.lastElementChild.remove();
        if (isNew) this.onEntry?.(entry);
    }

    setStatus(text) {
        this.status.textContent = text;
    }

    stop() {
        this.stopped = true;
        this.connection?.disconnect();
        this.container.hidden = true;
        sessionStorage.removeItem(CURSOR_KEY);
    }
}
