// A member's home: profile, who can see each area of lived experience, pairings, connections, circles,
// opportunities (opportunities.js) and recognition (recognition.js).

import {codes, get, labelOf, post, put, readable, until} from './api.js';
import {renderOpportunities} from './opportunities.js';
import {renderRecognition} from './recognition.js';
import {act, add, announce, checkboxes, checkedValues, field, fill, h, message, select, uid, when, words} from './dom.js';

const STATUS_WORDS = {
    REQUESTED: 'Waiting for a mentor', PROPOSED: 'Mentor proposed, waiting for an answer', ACTIVE: 'Active',
    PAUSED: 'Paused', COMPLETED: 'Completed', ENDED: 'Ended', WITHDRAWN: 'Withdrawn',
};

/** Feed entries about a pairing, and the status its read model shows once it has caught up with each. */
const PAIRING_NEWS = {
    MENTOR_PROPOSED: status => status === 'PROPOSED',
    PROPOSAL_RECEIVED: status => status === 'PROPOSED',
    PROPOSAL_ACCEPTED: status => status === 'ACTIVE',
    PROPOSAL_DECLINED: status => status !== 'PROPOSED',
    PROPOSAL_EXPIRED: status => status !== 'PROPOSED',
    PROPOSAL_REMINDER: () => true,
    SESSION_NUDGE: () => true,
};

/** Short names for the consent levels; the server's sentence beside each says exactly who. */
const LEVEL_NAMES = {
    PRIVATE: 'Only me', MATCHING: 'Matching only', MENTORS: 'My mentor or mentee', CIRCLE: 'My circles',
    NETWORK: 'Signed-in members',
};

/** The profile as the read model has it; a just-registered member's appears a moment later. */
async function me(atLeastVersion = 0) {
    return until(() => get('/api/v1/members/me'), m => m && m.version >= atLeastVersion);
}

export async function homePage(main) {
    const [taxonomy, member, consents] = await Promise.all([codes(), me(), get('/api/v1/members/me/consents')]);
    if (!member) {
        add(main, message('error', 'Your profile is not ready yet. Please reload the page in a moment.'));
        return;
    }
    main.querySelector('h1').textContent = `Welcome, ${member.displayName}`;
    const sections = {
        profile: h('section', {'aria-labelledby': 'profile-heading'}),
        areas: h('section', {'aria-labelledby': 'areas-heading'}),
        pairings: h('section', {'aria-labelledby': 'pairings-heading'}),
        network: h('section', {'aria-labelledby': 'network-heading'}),
        circles: h('section', {'aria-labelledby': 'circles-heading'}),
        opportunities: h('section', {'aria-labelledby': 'opportunities-heading'}),
        recognition: h('section', {'aria-labelledby': 'recognition-heading'}),
    };
    add(main, h('p', {}, 'Jump to: ',
        [['pairings-heading', 'My pairings'], ['areas-heading', 'Who can see what'],
            ['network-heading', 'Connections'], ['circles-heading', 'Circles'],
            ['opportunities-heading', 'Opportunities'], ['recognition-heading', 'Recognition']]
            .flatMap(([id, text], i) => [i ? ' · ' : '', h('a', {href: `#${id}`, onclick: e => jump(e, id)}, text)])),
    Object.values(sections));
    const state = {taxonomy, member, consents, readable: text => readable(taxonomy, text)};
    renderProfile(sections.profile, state);
    renderAreas(sections.areas, state);
    await Promise.all([
        renderPairings(sections.pairings, state),
        renderNetwork(sections.network, state),
        renderCircles(sections.circles, state),
        renderOpportunities(sections.opportunities, state),
        renderRecognition(sections.recognition, state),
    ]);
    // pairing and connection news from the feed refreshes those sections without a reload. The feed is
    // often ahead of the read models the sections show, so first wait (bounded) until they have the news
    const refresh = async event => {
        if (!sections.pairings.isConnected) {
            window.removeEventListener('lexnet:feed', refresh);
            return;
        }
        const {kind, payload} = event.detail;
        const pairingShows = PAIRING_NEWS[kind];
        if (pairingShows) {
            if (payload?.mentorshipId) {
                await until(() => get('/api/v1/mentorships'), list => list.items.some(item =>
                    item.mentorshipId === payload.mentorshipId && pairingShows(item.status)));
            }
            renderPairings(sections.pairings, state);
        }
        if (kind.startsWith('CONNECTION')) {
            if (payload?.connectionId && kind !== 'CONNECTION_DECLINED' && kind !== 'CONNECTION_WITHDRAWN') {
                await until(() => get('/api/v1/connections'), c => JSON.stringify(c).includes(payload.connectionId));
            }
            renderNetwork(sections.network, state);
        }
        if (kind.startsWith('CIRCLE')) renderCircles(sections.circles, state);
        if (kind === 'OPPORTUNITY_MATCHED') {
            if (payload?.opportunityId) {
                await until(() => get(`/api/v1/opportunities/${payload.opportunityId}`), d => !!d?.opportunity);
            }
            renderOpportunities(sections.opportunities, state);
        }
        if (kind === 'ENDORSEMENT_RECEIVED') {
            if (payload?.endorsementId) {
                await until(() => get('/api/v1/members/me/endorsements'),
                    mine => mine.received.some(e => e.endorsementId === payload.endorsementId));
            }
            renderRecognition(sections.recognition, state);
        }
    };
    window.addEventListener('lexnet:feed', refresh);
}

/** In-page links would change the hash (the route): move focus to the heading instead. */
function jump(event, id) {
    event.preventDefault();
    const target = document.getElementById(id);
    target.tabIndex = -1;
    target.focus();
}

function renderProfile(section, state) {
    const {taxonomy, member} = state;
    const t = taxonomy;
    const facts = h('dl', {class: 'facts'},
        h('dt', {}, 'Name'), h('dd', {}, member.displayName),
        h('dt', {}, 'Stage'), h('dd', {}, member.stage ? labelOf(t.stages, member.stage) : 'Not given yet'),
        h('dt', {}, 'Region'), h('dd', {}, member.region ? labelOf(t.regions, member.region) : 'Not given yet'),
        h('dt', {}, 'Shown in the network'), h('dd', {}, member.visibleInNetwork
            ? 'Yes: other members can find you and see your name in the feed'
            : 'No: other members cannot find you'),
        h('dt', {}, 'Mentoring others'), h('dd', {}, member.mentorOffer?.open
            ? `Yes, up to ${member.mentorOffer.capacity} at a time` : 'No'));

    const name = h('input', {type: 'text', value: member.displayName, required: true});
    const stage = select([{code: '', label: 'Choose a stage'}, ...t.stages], member.stage ?? '');
    const region = select([{code: '', label: 'Choose a region'}, ...t.regions], member.region ?? '');
    const remote = h('input', {type: 'checkbox', checked: member.remote});
    const visible = h('input', {type: 'checkbox', checked: member.visibleInNetwork});
    const needs = checkboxes('What I want to learn', t.competencies, member.needs);
    const strengths = checkboxes('What I can offer', t.competencies, member.strengths);
    const outcome = h('div', {});
    const save = h('button', {type: 'submit'}, 'Save profile');
    const form = h('form', {},
        field('Name', name), field('Stage', stage), field('Region', region),
        h('div', {class: 'field'}, h('label', {}, remote, ' I am happy to meet online')),
        h('div', {class: 'field'}, h('label', {}, visible, ' Show me in the network (my name and my connections)')),
        needs, strengths, save, outcome);
    form.addEventListener('submit', event => {
        event.preventDefault();
        act(save, outcome, async () => {
            const written = await put('/api/v1/members/me/profile', {
                displayName: name.value.trim(), region: region.value || null, remote: remote.checked,
                stage: stage.value || null, managementYears: member.managementYears, roles: member.roles,
                sectors: member.sectors, needs: checkedValues(needs), strengths: checkedValues(strengths),
                learningPreferences: member.learningPreferences, visibleInNetwork: visible.checked,
            });
            state.member = await me(written.version);
            renderProfile(section, state);
            announce('Profile saved.');
            return 'Profile saved.';
        });
    });
    fill(section, h('h2', {id: 'profile-heading'}, 'My profile'), facts,
        h('details', {}, h('summary', {}, 'Change my profile'), form),
        offerForm(section, state));
}

/** Offering to mentor: how many at a time, at which stages. */
function offerForm(section, state) {
    const {taxonomy, member} = state;
    const offer = member.mentorOffer;
    const capacity = h('input', {type: 'number', min: 1, max: 10, value: offer?.capacity ?? 1, required: true});
    const stages = checkboxes('Stages I mentor', taxonomy.stages.map(st => ({code: st.code, label: st.label.split(' — ')[0]})),
        offer?.stages ?? []);
    const open = h('input', {type: 'checkbox', checked: offer ? offer.open : true});
    const outcome = h('div', {});
    const save = h('button', {type: 'submit'}, 'Save my offer');
    const form = h('form', {}, field('How many mentees at a time (1 to 10)', capacity), stages,
        h('div', {class: 'field'}, h('label', {}, open, ' Open: the matcher may propose me now')), save, outcome);
    form.addEventListener('submit', event => {
        event.preventDefault();
        act(save, outcome, async () => {
            const written = await put('/api/v1/members/me/mentor-offer', {capacity: Number(capacity.value),
                stages: checkedValues(stages), areas: offer?.areas ?? [], strengths: offer?.strengths ?? member.strengths,
                open: open.checked});
            state.member = await me(written.version);
            renderProfile(section, state);
            announce('Mentor offer saved.');
            return 'Mentor offer saved.';
        });
    });
    return h('details', {}, h('summary', {}, offer ? 'Change my mentor offer' : 'Offer to mentor others'),
        member.stage ? form : h('p', {}, 'Give your stage in your profile first: mentors are matched with leaders at earlier stages.'));
}

/** Each area of lived experience, who can see it now, and a control to change that. */
function renderAreas(section, state) {
    const {taxonomy, member, consents} = state;
    const levels = consents.levels;
    const audience = code => levels.find(l => l.visibility === code)?.audience ?? code;
    const levelOptions = levels.map(l => ({code: l.visibility, label: LEVEL_NAMES[l.visibility] ?? words(l.visibility)}));
    const areas = member.livedExperience;

    async function write(list, text) {
        const written = await put('/api/v1/members/me/lived-experience', {areas: list});
        const [fresh, freshConsents] = await Promise.all([me(written.version), get('/api/v1/members/me/consents')]);
        state.member = fresh;
        state.consents = freshConsents;
        renderAreas(section, state);
        announce(text);
    }

    const rows = areas.map(area => {
        const label = labelOf(taxonomy.areas, area.code);
        const choice = select(levelOptions, area.visibility, {'aria-label': `Who can see: ${label}`});
        const outcome = h('div', {});
        const save = h('button', {type: 'button', onclick: () => act(save, outcome, () =>
            write(areas.map(a => a.code === area.code ? {code: a.code, visibility: choice.value} : a),
                `Saved. ${label}: ${audience(choice.value)}`))}, 'Save', h('span', {class: 'visually-hidden'}, ` ${label}`));
        const remove = h('button', {type: 'button', class: 'secondary', onclick: () => act(remove, outcome, () =>
            write(areas.filter(a => a.code !== area.code), `Removed ${label}.`))},
        'Remove', h('span', {class: 'visually-hidden'}, ` ${label}`));
        return h('tr', {'data-area': area.code},
            h('th', {scope: 'row'}, label),
            h('td', {class: 'audience'}, h('strong', {}, levelOptions.find(o => o.code === area.visibility)?.label ?? ''),
                ': ', audience(area.visibility)),
            h('td', {}, choice, save, remove, outcome));
    });

    const unused = taxonomy.areas.filter(a => !areas.some(x => x.code === a.code));
    const newArea = select(unused, unused[0]?.code);
    const newLevel = select(levelOptions, 'PRIVATE');
    const addOutcome = h('div', {});
    const add = h('button', {type: 'submit'}, 'Add');
    const addForm = h('form', {}, h('h3', {}, 'Add an area'), field('Area', newArea), field('Who can see it', newLevel),
        add, addOutcome);
    addForm.addEventListener('submit', event => {
        event.preventDefault();
        act(add, addOutcome, () => write([...areas, {code: newArea.value, visibility: newLevel.value}],
            `Added ${labelOf(taxonomy.areas, newArea.value)}.`));
    });

    const history = consents.changes.slice(-10).reverse();
    fill(section, h('h2', {id: 'areas-heading'}, 'Who can see what'),
        h('p', {}, 'Your lived experience is yours. For each area, you choose who may see it. ',
            'It is never shown on the public feed.'),
        areas.length ? h('table', {},
            h('caption', {}, 'My areas of lived experience'),
            h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Area'), h('th', {scope: 'col'}, 'Who can see it now'),
                h('th', {scope: 'col'}, 'Change'))),
            h('tbody', {}, rows)) : h('p', {}, 'You have not added any area.'),
        unused.length ? addForm : null,
        history.length ? h('details', {}, h('summary', {}, 'My recent changes'), h('ul', {}, history.map(c =>
            h('li', {}, `${labelOf(taxonomy.areas, c.area)}: ${c.from ? words(c.from) : 'not recorded'} → ${c.to ? words(c.to) : 'removed'} `,
                '(', when(c.at), ')')))) : null);
}

async function renderPairings(section, state) {
    const {taxonomy} = state;
    const list = await get('/api/v1/mentorships');
    const details = await Promise.all(list.items.map(item => get(`/api/v1/mentorships/${item.mentorshipId}`)
        .then(detail => ({item, detail})).catch(() => ({item, detail: null}))));
    const cards = details.map(({item, detail}) => pairingCard(section, state, item, detail));
    fill(section, h('h2', {id: 'pairings-heading'}, 'My pairings'),
        cards.length ? cards : h('p', {}, 'You have no pairings yet.'),
        askForm(section, state, taxonomy));
}

function pairingCard(section, state, item, detail) {
    const mentee = item.role === 'MENTEE';
    const other = item.otherDisplayName ?? (mentee ? 'a mentor' : 'a mentee');
    const headingId = uid('pairing');
    const outcome = h('div', {});
    const children = [
        h('h3', {id: headingId}, mentee ? `Mentoring for me, with ${other}` : `Me as mentor, for ${other}`),
        h('dl', {class: 'facts'},
            h('dt', {}, 'Status'), h('dd', {class: 'status', 'data-status': item.status}, !mentee && item.status === 'PROPOSED'
                ? 'Proposed to you: please accept or decline' : STATUS_WORDS[item.status] ?? item.status),
            h('dt', {}, 'My role'), h('dd', {}, mentee ? 'Mentee' : 'Mentor'),
            h('dt', {}, 'Asked on'), h('dd', {}, when(item.requestedAt)),
            detail?.needs?.length ? [h('dt', {}, 'Needs'), h('dd', {}, detail.needs.map(n => labelOf(state.taxonomy.competencies, n)).join(', '))] : null)];
    const proposal = detail?.proposal;
    if (proposal && ['PROPOSED', 'ACTIVE'].includes(item.status)) {
        children.push(h('h4', {}, mentee ? 'Why this mentor was proposed' : 'Why you were proposed'),
            proposal.reasons?.length
                ? h('ul', {class: 'reasons'}, proposal.reasons.map(r => h('li', {}, state.readable(r))))
                : h('p', {class: 'reasons'}, proposal.source === 'DIRECT'
                    ? 'The mentee asked for this mentor by name.' : 'The programme team proposed this mentor.'),
            proposal.score != null ? h('p', {}, `Match score: ${proposal.score}.`) : null,
            item.status === 'PROPOSED' ? h('p', {}, 'The proposal is open until ', when(proposal.expiresAt), '.') : null);
    }
    if (!mentee && item.status === 'PROPOSED') {
        const reason = h('input', {type: 'text', maxlength: 500});
        const accept = h('button', {type: 'button', onclick: () => act(accept, outcome, async () => {
            await post(`/api/v1/mentorships/${item.mentorshipId}/accept`);
            await until(() => get(`/api/v1/mentorships/${item.mentorshipId}`), d => d.status === 'ACTIVE');
            renderPairings(section, state);
            announce(`You accepted. You are now paired with ${other}.`);
            return 'Accepted.';
        })}, 'Accept', h('span', {class: 'visually-hidden'}, ` the proposal from ${other}`));
        const decline = h('button', {type: 'button', class: 'secondary', onclick: () => act(decline, outcome, async () => {
            await post(`/api/v1/mentorships/${item.mentorshipId}/decline`, {reason: reason.value.trim() || 'No reason given'});
            await until(() => get(`/api/v1/mentorships/${item.mentorshipId}`), d => d.status !== 'PROPOSED');
            renderPairings(section, state);
            announce('You declined the proposal.');
            return 'Declined.';
        })}, 'Decline', h('span', {class: 'visually-hidden'}, ` the proposal from ${other}`));
        children.push(h('div', {role: 'group', 'aria-label': `Answer ${other}`}, accept,
            field('Reason for declining (optional, only the programme team sees it)', reason), decline));
    }
    if (mentee && ['REQUESTED', 'PROPOSED'].includes(item.status)) {
        const withdraw = h('button', {type: 'button', class: 'secondary', onclick: () => act(withdraw, outcome, async () => {
            await post(`/api/v1/mentorships/${item.mentorshipId}/withdraw`);
            await until(() => get(`/api/v1/mentorships/${item.mentorshipId}`), d => d.status === 'WITHDRAWN');
            renderPairings(section, state);
            return 'Request withdrawn.';
        })}, 'Withdraw my request');
        children.push(withdraw);
    }
    children.push(outcome);
    return h('article', {class: 'card pairing', 'data-mentorship': item.mentorshipId, 'aria-labelledby': headingId}, children);
}

function askForm(section, state, taxonomy) {
    const needs = checkboxes('What do you want help with?', taxonomy.competencies, state.member.needs);
    const shared = h('fieldset', {}, h('legend', {}, 'A mentor with lived experience like mine'),
        [['REQUIRED', 'Needed: only mentors who share an area with me'],
            ['PREFERRED', 'Preferred, but not needed'], ['NONE', 'Does not matter']].map(([code, text]) =>
            h('label', {class: 'field'}, h('input', {type: 'radio', name: 'shared', value: code, checked: code === 'PREFERRED'}), ' ', text)));
    const remoteOnly = h('input', {type: 'checkbox'});
    const crossSector = h('input', {type: 'checkbox'});
    const outcome = h('div', {});
    const ask = h('button', {type: 'submit'}, 'Ask for a mentor');
    const form = h('form', {}, needs, shared,
        h('div', {class: 'field'}, h('label', {}, remoteOnly, ' I can only meet online')),
        h('div', {class: 'field'}, h('label', {}, crossSector, ' I would like a mentor from another sector')),
        ask, outcome);
    form.addEventListener('submit', event => {
        event.preventDefault();
        act(ask, outcome, async () => {
            const created = await post('/api/v1/mentorships', {
                needs: checkedValues(needs),
                preferences: {sharedExperience: form.querySelector('input[name=shared]:checked').value,
                    crossSector: crossSector.checked, remoteOnly: remoteOnly.checked},
            });
            await until(() => get('/api/v1/mentorships'), l => l.items.some(i => i.mentorshipId === created.mentorshipId));
            await renderPairings(section, state);
            announce('Your request is saved. We will propose a mentor as soon as we find one.');
            return 'Request saved.';
        });
    });
    return h('details', {}, h('summary', {}, 'Ask for a mentor'), form);
}

async function renderNetwork(section, state) {
    const [connections, suggestions] = await Promise.all([get('/api/v1/connections'),
        get('/api/v1/connections/suggestions').catch(() => ({suggestions: []}))]);
    const name = c => c.displayName ?? c.other?.displayName ?? 'A member';
    const outcome = h('div', {});
    const answer = (c, verb, text) => {
        const button = h('button', {type: 'button', class: verb === 'accept' ? null : 'secondary',
            onclick: () => act(button, outcome, async () => {
                await post(`/api/v1/connections/${c.connectionId}/${verb}`);
                setTimeout(() => renderNetwork(section, state), 800);
                return 'Done.';
            })}, text, h('span', {class: 'visually-hidden'}, ` (${name(c)})`));
        return button;
    };
    fill(section, h('h2', {id: 'network-heading'}, 'Connections'),
        h('h3', {}, 'My connections'),
        connections.connected.length ? h('ul', {}, connections.connected.map(c => h('li', {}, name(c))))
            : h('p', {}, 'No connections yet.'),
        connections.incoming.length ? [h('h3', {}, 'Asking to connect with me'), h('ul', {}, connections.incoming.map(c =>
            h('li', {}, name(c), c.message ? ` — “${c.message}” ` : ' ', answer(c, 'accept', 'Accept'), answer(c, 'decline', 'Decline'))))] : null,
        connections.outgoing.length ? [h('h3', {}, 'Waiting for an answer'), h('ul', {}, connections.outgoing.map(c =>
            h('li', {}, name(c), ' ', answer(c, 'withdraw', 'Withdraw'))))] : null,
        h('h3', {}, 'People you may want to meet'),
        suggestions.suggestions.length ? h('ul', {class: 'plain'}, suggestions.suggestions.slice(0, 8).map(s => {
            const ask = h('button', {type: 'button', onclick: () => act(ask, outcome, async () => {
                await post('/api/v1/connections', {to: s.memberId});
                setTimeout(() => renderNetwork(section, state), 800);
                return `Request sent to ${s.displayName}.`;
            })}, 'Ask to connect', h('span', {class: 'visually-hidden'}, ` with ${s.displayName}`));
            return h('li', {class: 'card'}, h('strong', {}, s.displayName), ` (stage: ${state.readable(s.stage)})`,
                h('ul', {}, (s.reasons ?? []).map(r => h('li', {}, state.readable(r)))), ask);
        })) : h('p', {}, 'No suggestions right now.'),
        outcome);
}

async function renderCircles(section, state) {
    const [mine, open] = await Promise.all([get('/api/v1/circles/mine'), get('/api/v1/circles')]);
    const outcome = h('div', {});
    const named = code => (state.readable(code) === code ? words(code) : state.readable(code));
    const describeCircle = c => `${c.focus.map(named).join(', ')} · for ${c.stages.map(named).join(', ')} · `
        + `${c.remote ? 'online' : 'in person'} · ${c.seatsTaken} of ${c.seats} seats taken · ${words(c.status)}`;
    const joinable = open.items.filter(c => !mine.items.some(m => m.circleId === c.circleId));
    fill(section, h('h2', {id: 'circles-heading'}, 'Circles'),
        h('p', {}, 'A circle is a small group of peers who meet to learn together.'),
        h('h3', {}, 'My circles'),
        mine.items.length ? h('ul', {}, mine.items.map(c => h('li', {}, describeCircle(c),
            c.myRole ? ` · my role: ${words(c.myRole)}` : ''))) : h('p', {}, 'You are not in a circle.'),
        h('h3', {}, 'Circles I can join'),
        joinable.length ? h('ul', {}, joinable.map(c => {
            const join = h('button', {type: 'button', onclick: () => act(join, outcome, async () => {
                await post(`/api/v1/circles/${c.circleId}/join`);
                setTimeout(() => renderCircles(section, state), 800);
                return 'You joined the circle.';
            })}, 'Join', h('span', {class: 'visually-hidden'}, ` the circle: ${c.focus.map(named).join(', ')}`));
            return h('li', {}, describeCircle(c), ' ', join);
        })) : h('p', {}, 'No open circles for you right now.'),
        outcome);
}

