// The member's home, Recognition: endorsements I received (accept, decline, hide, show again), my
// contribution record, and the signed statement of it to show a funder or an employer.

import {get, labelOf, post, until} from './api.js';
import {act, announce, field, fill, h, select, uid, when} from './dom.js';

/** Who sees an accepted endorsement on my profile (MATCHING is not offered: the matcher does not read them). */
const AUDIENCES = [
    {code: 'CIRCLE', label: 'My mentor or mentee, and my circles'},
    {code: 'MENTORS', label: 'My mentor or mentee'},
    {code: 'NETWORK', label: 'Signed-in members who can see my profile'},
    {code: 'PRIVATE', label: 'Nobody (it still counts in my record)'},
];

const STATUS_WORDS = {
    PENDING: 'Waiting for your answer', DECLINED: 'Declined: never shown', WITHDRAWN: 'Withdrawn by the endorser',
    HIDDEN: 'Hidden from your profile (it still counts in your record)',
};

export async function renderRecognition(section, state) {
    const [mine, record] = await Promise.all([get('/api/v1/members/me/endorsements'),
        get('/api/v1/members/me/contributions')]);
    const received = [...mine.received].reverse(); // newest first
    fill(section, h('h2', {id: 'recognition-heading'}, 'Recognition'),
        h('h3', {}, 'Endorsements I received'),
        h('p', {}, 'Someone who knows your work can vouch for what you are good at. Nothing is shown on your profile ',
            'until you accept it, and you choose who sees it.'),
        received.length ? h('ul', {class: 'plain'}, received.map(e => h('li', {}, endorsementCard(section, state, e))))
            : h('p', {}, 'No endorsements yet.'),
        contributionFigures(state, record),
        statementBlock());
}

function endorsementCard(section, state, e) {
    const competency = labelOf(state.taxonomy.competencies, e.competency);
    const who = e.other?.displayName ?? 'A member';
    const headingId = uid('endorsement');
    const outcome = h('div', {});
    const about = `${who}, ${competency}`;
    const step = (button, verb, body, done, test) => act(button, outcome, async () => {
        await post(`/api/v1/endorsements/${e.endorsementId}/${verb}`, body);
        await until(() => get('/api/v1/members/me/endorsements'),
            list => list.received.some(x => x.endorsementId === e.endorsementId && test(x)));
        await renderRecognition(section, state);
        announce(done);
        return done;
    });
    const status = e.status === 'ACCEPTED'
        ? `On your profile. Who sees it: ${AUDIENCES.find(a => a.code === e.audience)?.label ?? e.audience}`
        : STATUS_WORDS[e.status] ?? e.status;
    const controls = [];
    if (e.status === 'PENDING' || e.status === 'HIDDEN') {
        const audience = select(AUDIENCES, e.audience ?? 'CIRCLE');
        const accept = h('button', {type: 'button', onclick: () => e.status === 'PENDING'
            ? step(accept, 'accept', {audience: audience.value}, `You accepted the endorsement from ${who}.`, x => x.status === 'ACCEPTED')
            : step(accept, 'show', {audience: audience.value}, `The endorsement from ${who} is on your profile again.`, x => x.status === 'ACCEPTED')},
        e.status === 'PENDING' ? 'Accept' : 'Show it again', h('span', {class: 'visually-hidden'}, ` (${about})`));
        controls.push(field('Who may see it on my profile', audience), accept);
    }
    if (e.status === 'PENDING') {
        const decline = h('button', {type: 'button', class: 'secondary', onclick: () => step(decline, 'decline', {},
            `You declined the endorsement from ${who}.`, x => x.status === 'DECLINED')},
        'Decline', h('span', {class: 'visually-hidden'}, ` (${about})`));
        controls.push(decline);
    }
    if (e.status === 'ACCEPTED') {
        const hide = h('button', {type: 'button', class: 'secondary', onclick: () => step(hide, 'hide', {},
            `The endorsement from ${who} is hidden from your profile.`, x => x.status === 'HIDDEN')},
        'Hide from my profile', h('span', {class: 'visually-hidden'}, ` (${about})`));
        controls.push(hide);
    }
    return h('article', {class: 'card endorsement', 'data-endorsement': e.endorsementId, 'aria-labelledby': headingId},
        h('h4', {id: headingId}, `${who} vouches for you: ${competency}`),
        e.text ? h('blockquote', {}, e.text) : null,
        h('dl', {class: 'facts'},
            h('dt', {}, 'Status'), h('dd', {class: 'status', 'data-status': e.status}, status),
            h('dt', {}, 'Given on'), h('dd', {}, when(e.givenAt))),
        controls.length ? h('div', {role: 'group', 'aria-label': `Answer: ${about}`}, controls) : null,
        outcome);
}

function hours(h_, sessions) {
    return `${h_} hours in ${sessions} ${sessions === 1 ? 'session' : 'sessions'}`;
}

function contributionFigures(state, r) {
    const competencies = r.endorsedCompetencies.map(c =>
        `${labelOf(state.taxonomy.competencies, c.competency)} (${c.count})`).join(', ');
    return [h('h3', {id: 'contributions-heading'}, 'My contribution record'),
        h('p', {}, 'What you gave the network, counted from what happened in lexnet.'),
        h('dl', {class: 'facts contributions'},
            h('dt', {}, 'Mentoring I gave'), h('dd', {}, hours(r.mentoringHoursGiven, r.mentoringSessionsGiven),
                `, ${r.menteesMentored} ${r.menteesMentored === 1 ? 'mentee' : 'mentees'}`),
            h('dt', {}, 'Mentoring I received'), h('dd', {}, hours(r.mentoringHoursReceived, r.mentoringSessionsReceived)),
            h('dt', {}, 'Circles I facilitated'), h('dd', {}, String(r.circlesFacilitated)),
            h('dt', {}, 'Endorsements I accepted'), h('dd', {}, String(r.endorsementsReceived),
                competencies ? `: ${competencies}` : ''),
            h('dt', {}, 'Endorsements I gave (accepted)'), h('dd', {}, String(r.endorsementsGiven)),
            h('dt', {}, 'Opportunities I shared'), h('dd', {}, String(r.opportunitiesShared)))];
}

/** Fetches a signed statement of the record and shows it read-only, ready to copy. */
function statementBlock() {
    const includeName = h('input', {type: 'checkbox'});
    const outcome = h('div', {});
    const place = h('div', {});
    const fetchIt = h('button', {type: 'button', onclick: () => act(fetchIt, outcome, async () => {
        const s = await get(`/api/v1/members/me/contributions/statement${includeName.checked ? '?includeName=true' : ''}`);
        const text = h('textarea', {readOnly: true, rows: 6, cols: 60, class: 'statement', spellcheck: 'false'});
        text.value = s.statement;
        fill(place, field('My signed statement (read-only: select all and copy it)', text,
            'Valid until the date below. A funder or employer checks its signature with the public keys at '
            + `${location.origin}/.well-known/jwks.json (key ${s.kid}, type ${s.type}).`),
        h('p', {}, 'Issued ', when(s.issuedAt), '; valid until ', when(s.expiresAt), '.'));
        announce('Your signed statement is ready to copy.');
        return 'Statement ready below.';
    })}, 'Get my signed statement');
    return [h('h3', {}, 'Signed statement'),
        h('p', {}, 'A statement of this record, signed by lexnet, to show a funder or an employer. It is a snapshot: ',
            'ask for a new one when your record grows.'),
        h('div', {class: 'field'}, h('label', {}, includeName, ' Put my name in the statement')),
        fetchIt, outcome, place];
}
