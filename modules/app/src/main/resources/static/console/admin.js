// The programme team's pages: pairing audit, match rounds, statistics, event processors, concerns.

import {get, post, until} from './api.js';
import {add, field, fill, h, message, when, words} from './dom.js';
import {chartWithTable} from './charts.js';

const ERASED = 'erased';
const ROUNDS_KEY = 'lexnet.rounds';

/** "MentorProposedEvent" → "Mentor proposed". */
function eventName(type) {
    const text = type.replace(/Event$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function auditLink(mentorshipId) {
    return h('a', {href: `#/admin/audit/${mentorshipId}`, class: 'id'}, mentorshipId);
}

/** A payload value; erased personal data is marked in words, not by colour alone. */
function value(v) {
    if (v === ERASED) return h('span', {class: 'badge erased'}, 'Erased personal data');
    if (v === null || v === undefined) return h('span', {class: 'hint'}, 'none');
    if (Array.isArray(v)) {
        if (!v.length) return h('span', {class: 'hint'}, 'none');
        return h('ul', {}, v.map(x => h('li', {}, value(x))));
    }
    if (typeof v === 'object') return payloadList(v);
    return String(v);
}

function payloadList(payload) {
    return h('dl', {class: 'facts'}, Object.entries(payload).flatMap(([k, v]) => [h('dt', {}, words(k.replace(/([a-z])([A-Z])/g, '$1_$2'))), h('dd', {}, value(v))]));
}

function containsErased(v) {
    if (v === ERASED) return true;
    if (v && typeof v === 'object') return Object.values(v).some(containsErased);
    return false;
}

export async function auditPage(main, {arg, go}) {
    const id = h('input', {type: 'text', name: 'mentorshipId', value: arg ?? '', required: true, size: 40,
        autocomplete: 'off', spellcheck: 'false'});
    const form = h('form', {}, field('Pairing id', id, 'The id of a mentorship, as shown in match rounds and in the API.'),
        h('button', {type: 'submit'}, 'Show timeline'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        go(`#/admin/audit/${id.value.trim()}`);
    });
    const result = h('div', {});
    add(main, h('p', {}, 'Every event of one pairing, in order: what happened, who did it, when, and the correlation id that ties it to the request that caused it.'),
        form, result);
    if (!arg) return;
    let history;
    try {
        history = await get(`/api/v1/admin/mentorships/${encodeURIComponent(arg)}/history`);
    } catch (e) {
        fill(result, message('error', e.status === 404 ? 'No pairing has this id.' : e.message));
        return;
    }
    const events = history.events;
    // who each actor is in this pairing, from the events themselves (the audit shows ids, not names)
    const roles = new Map();
    for (const e of events) {
        const p = e.payload ?? {};
        if (p.menteeId && p.menteeId !== ERASED) roles.set(p.menteeId, 'the mentee');
        if (p.mentorId && p.mentorId !== ERASED && !roles.has(p.mentorId)) roles.set(p.mentorId, 'a proposed mentor');
    }
    const actor = id => {
        if (id === 'system') return 'The system (automatic)';
        if (!id) return 'Not recorded';
        const role = roles.get(id);
        return [role ? `${role.charAt(0).toUpperCase()}${role.slice(1)}: ` : 'Someone else, such as the programme team: ',
            h('span', {class: 'id'}, id)];
    };
    const erasedCount = events.filter(e => containsErased(e.payload)).length;
    fill(result,
        h('h2', {id: 'timeline-heading'}, `Timeline of pairing `, h('span', {class: 'id'}, arg)),
        h('p', {}, `${events.length} events.`, erasedCount
            ? ` ${erasedCount} of them hold personal data that was erased; it is marked “Erased personal data”.` : ''),
        h('ol', {class: 'timeline', 'aria-labelledby': 'timeline-heading'}, events.map((e, i) => h('li', {'data-type': e.type},
            h('h3', {}, `${i + 1}. ${eventName(e.type)}`, containsErased(e.payload) ? [' ', h('span', {class: 'badge erased'}, 'Contains erased data')] : null),
            h('dl', {class: 'facts'},
                h('dt', {}, 'When'), h('dd', {}, when(e.occurredAt)),
                h('dt', {}, 'Who'), h('dd', {}, actor(e.actorId)),
                h('dt', {}, 'Correlation'), h('dd', {class: 'id'}, e.correlationId ?? 'none'),
                h('dt', {}, 'Stream'), h('dd', {}, `${e.aggregate}, event ${e.sequence}`)),
            h('details', {open: containsErased(e.payload)}, h('summary', {}, 'What the event says'), payloadList(e.payload ?? {}))))));
    result.querySelector('h2').tabIndex = -1;
}

function rememberedRounds() {
    try {
        return JSON.parse(sessionStorage.getItem(ROUNDS_KEY) ?? '[]');
    } catch {
        return [];
    }
}

export async function roundsPage(main, {arg, go}) {
    const outcome = h('div', {});
    const run = h('button', {type: 'button', onclick: async () => {
        run.disabled = true;
        fill(outcome, message('hint', 'Running a round over every waiting request…'));
        try {
            const started = await post('/api/v1/admin/match-rounds');
            sessionStorage.setItem(ROUNDS_KEY, JSON.stringify([started.roundId, ...rememberedRounds()].slice(0, 10)));
            go(`#/admin/rounds/${started.roundId}`);
        } catch (e) {
            fill(outcome, message('error', e.message));
            run.disabled = false;
        }
    }}, 'Run a match round now');
    const id = h('input', {type: 'text', value: arg ?? '', size: 40, autocomplete: 'off', spellcheck: 'false'});
    const lookup = h('form', {}, field('Round id', id), h('button', {type: 'submit', class: 'secondary'}, 'Show round'));
    lookup.addEventListener('submit', event => {
        event.preventDefault();
        go(`#/admin/rounds/${id.value.trim()}`);
    });
    const earlier = rememberedRounds();
    const result = h('div', {});
    add(main, h('p', {}, 'A round proposes mentors for every waiting request at once, for the best total fit.'),
        run, outcome, lookup,
        earlier.length ? [h('h2', {}, 'Rounds run from this browser'), h('ul', {}, earlier.map(r =>
            h('li', {}, h('a', {href: `#/admin/rounds/${r}`, class: 'id'}, r))))] : null,
        result);
    if (!arg) return;
    let round;
    try {
        round = await until(() => get(`/api/v1/admin/match-rounds/${encodeURIComponent(arg)}`),
            r => r && r.status !== 'RUNNING' && r.status !== 'STARTED', {tries: 40, pause: 500});
    } catch (e) {
        fill(result, message('error', e.status === 404 ? 'No round has this id.' : e.message));
        return;
    }
    if (!round) {
        fill(result, message('error', 'No round has this id.'));
        return;
    }
    fill(result, h('h2', {}, 'Round ', h('span', {class: 'id'}, arg)),
        h('dl', {class: 'facts'},
            h('dt', {}, 'Status'), h('dd', {}, words(round.status)),
            h('dt', {}, 'Started'), h('dd', {}, when(round.startedAt)),
            h('dt', {}, 'Finished'), h('dd', {}, when(round.completedAt)),
            h('dt', {}, 'Waiting requests'), h('dd', {}, String(round.waitingRequests ?? '—')),
            h('dt', {}, 'Total score'), h('dd', {}, String(round.totalScore ?? '—')),
            round.durationMs != null ? [h('dt', {}, 'Time taken'), h('dd', {}, `${round.durationMs} ms`)] : null),
        h('h3', {}, `Proposals (${round.proposals.length})`),
        round.proposals.length ? h('table', {}, h('caption', {}, 'Mentors proposed in this round'),
            h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Pairing (opens its timeline)'), h('th', {scope: 'col'}, 'Mentor'),
                h('th', {scope: 'col', class: 'number'}, 'Score'))),
            h('tbody', {}, round.proposals.map(p => h('tr', {}, h('td', {}, auditLink(p.mentorshipId)),
                h('td', {class: 'id'}, p.mentorId), h('td', {class: 'number'}, String(p.score))))))
            : h('p', {}, 'No proposals.'),
        h('h3', {}, `Not matched (${round.unmatched.length})`),
        round.unmatched.length ? h('table', {}, h('caption', {}, 'Requests left waiting, and why'),
            h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Pairing'), h('th', {scope: 'col'}, 'Why'))),
            h('tbody', {}, round.unmatched.map(u => h('tr', {}, h('td', {}, auditLink(u.mentorshipId)), h('td', {}, u.reason)))))
            : h('p', {}, 'Every waiting request got a proposal.'));
}

export async function statsPage(main) {
    const stats = await get('/api/v1/admin/stats');
    const statuses = Object.entries(stats.byStatus);
    const seconds = stats.medianTimeToActiveSeconds;
    const duration = seconds == null ? 'no pairing has started yet'
        : seconds < 120 ? `${Math.round(seconds)} seconds`
            : seconds < 7200 ? `${Math.round(seconds / 60)} minutes`
                : seconds < 172800 ? `${Math.round(seconds / 3600)} hours` : `${Math.round(seconds / 86400)} days`;
    const stages = [...new Set(stats.byStatusAndStage.map(r => r.menteeStage))];
    const load = stats.mentorLoad.slice().sort((a, b) => b.slotsHeld / b.capacity - a.slotsHeld / a.capacity).slice(0, 20);
    add(main, 
        h('section', {'aria-labelledby': 'pipeline-heading'}, h('h2', {id: 'pipeline-heading'}, 'Pipeline'),
            chartWithTable('Pairings by status',
                statuses.map(([status, count]) => ({label: words(status), value: count})),
                ['Status', 'Pairings'], statuses.map(([status, count]) => [words(status), String(count)])),
            h('table', {}, h('caption', {}, 'Pairings by status and the mentee’s stage'),
                h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Status'), stages.map(st => h('th', {scope: 'col', class: 'number'}, words(st))))),
                h('tbody', {}, statuses.map(([status]) => h('tr', {}, h('th', {scope: 'row'}, words(status)), stages.map(st =>
                    h('td', {class: 'number'}, String(stats.byStatusAndStage.find(r => r.status === status && r.menteeStage === st)?.count ?? 0)))))))),
        h('section', {'aria-labelledby': 'time-heading'}, h('h2', {id: 'time-heading'}, 'Time to match'),
            h('p', {}, `Half of the pairings became active within ${duration} of the request (the median).`),
            chartWithTable('Answers to proposals', [
                {label: 'Accepted', value: stats.proposals.accepted},
                {label: 'Declined', value: stats.proposals.declined},
                {label: 'Expired (no answer)', value: stats.proposals.expired}],
            ['Answer', 'Proposals'], [['Accepted', String(stats.proposals.accepted)], ['Declined', String(stats.proposals.declined)],
                ['Expired (no answer)', String(stats.proposals.expired)]]),
            h('p', {}, stats.acceptanceRate == null ? 'No proposal has been answered yet.'
                : `Acceptance rate: ${Math.round(stats.acceptanceRate * 100)} %.`)),
        h('section', {'aria-labelledby': 'load-heading'}, h('h2', {id: 'load-heading'}, 'Mentor load'),
            h('p', {}, `${stats.mentorLoad.length} mentors. The ${load.length} busiest are shown: slots held out of the mentor’s capacity.`),
            chartWithTable('Mentor load', load.map(m => ({label: m.displayName ?? 'A mentor', value: m.slotsHeld, max: m.capacity,
                text: `${m.slotsHeld} of ${m.capacity}`})),
            ['Mentor', 'Slots held', 'Capacity'], load.map(m => [m.displayName ?? 'A mentor', String(m.slotsHeld), String(m.capacity)]))));
}

export async function processorsPage(main) {
    const outcome = h('div', {});
    const table = h('div', {});
    add(main, h('p', {}, 'Each processor keeps one read model up to date. Rebuilding replays every event into a fresh copy; queries keep working meanwhile.'),
        outcome, table);
    let timer = null;
    async function load() {
        // stop refreshing once the reader has moved to another page
        if (!table.isConnected) return;
        const processors = await get('/api/v1/admin/event-processors');
        fill(table, h('table', {}, h('caption', {}, 'Event processors'),
            h('thead', {}, h('tr', {}, ['Processor', 'State', 'Dead letters', 'Latest rebuild', 'Action'].map(c => h('th', {scope: 'col'}, c)))),
            h('tbody', {}, processors.map(p => {
                const replay = p.replay;
                const rebuild = h('button', {type: 'button', class: 'secondary', disabled: !!replay && ['REQUESTED', 'REPLAYING', 'STARTING'].includes(replay.state),
                    onclick: async () => {
                        rebuild.disabled = true;
                        try {
                            await post(`/api/v1/admin/event-processors/${encodeURIComponent(p.name)}/replay`);
                            fill(outcome, message('done', `Rebuilding ${p.name}.`));
                        } catch (e) {
                            fill(outcome, message('error', e.message));
                        }
                        load();
                    }}, 'Rebuild', h('span', {class: 'visually-hidden'}, ` ${p.name}`));
                return h('tr', {}, h('th', {scope: 'row'}, p.name),
                    h('td', {}, `${words(p.state)}${p.error ? ' (with an error)' : ''}`),
                    h('td', {class: 'number'}, String(p.deadLetters)),
                    h('td', {}, replay ? [words(replay.state), ' ',
                        h('progress', {max: Math.max(1, replay.eventsTotal), value: replay.eventsDone,
                            'aria-label': `Rebuild of ${p.name}`}),
                        ` ${replay.eventsDone} of ${replay.eventsTotal} events`,
                        replay.estimatedSecondsLeft != null ? `, about ${replay.estimatedSecondsLeft} s left` : '',
                        replay.detail ? ` (${replay.detail})` : ''] : 'Never rebuilt'),
                    h('td', {}, rebuild));
            }))));
        clearTimeout(timer);
        if (processors.some(p => p.replaying || (p.replay && !p.replay.finishedAt))) timer = setTimeout(load, 2000);
    }
    await load();
}

export async function concernsPage(main) {
    const queue = await get('/api/v1/admin/concerns');
    add(main, h('p', {}, 'Concerns raised by members, newest first. Handle them with care: they may describe harm.'),
        queue.concerns.length ? h('table', {}, h('caption', {}, 'Concerns queue'),
            h('thead', {}, h('tr', {}, ['Raised', 'Category', 'About', 'Status', 'Assigned to', 'What was said'].map(c => h('th', {scope: 'col'}, c)))),
            h('tbody', {}, queue.concerns.map(c => h('tr', {},
                h('td', {}, when(c.raisedAt)), h('td', {}, words(c.category)),
                h('td', {}, `${words(c.subjectType)} `, h('span', {class: 'id'}, c.subjectId)),
                h('td', {}, words(c.status) + (c.action ? ` (${words(c.action)})` : '')),
                h('td', {class: 'id'}, c.assigneeId ?? 'nobody yet'),
                h('td', {}, c.text === ERASED ? value(ERASED) : (c.text ?? '')))))) : h('p', {}, 'The queue is empty.'));
}
