// The member's home, Opportunities: what is open for me, best fit first, with why it fits me in words,
// and my interest in each.

import {api, get, labelOf, post, put, until} from './api.js';
import {act, announce, checkboxes, checkedValues, field, fill, h, select, uid, when, words} from './dom.js';

const KINDS = ['FUNDING', 'TRAINING', 'EVENT', 'ROLE', 'PLACEMENT', 'BURSARY'];
/** The list shows this many best fits; the API pages further, the home page does not need to. */
const SHOWN = 20;

/** Draws the section; state.opportunityKind keeps the filter across redraws. */
export async function renderOpportunities(section, state) {
    const kind = state.opportunityKind ?? '';
    const query = kind ? `?limit=${SHOWN}&kind=${kind}` : `?limit=${SHOWN}`;
    const [page, preferences] = await Promise.all([get(`/api/v1/opportunities${query}`),
        get('/api/v1/members/me/opportunity-preferences')]);
    const filter = select([{code: '', label: 'All kinds'}, ...KINDS.map(k => ({code: k, label: words(k)}))], kind);
    const show = h('button', {type: 'submit', class: 'secondary'}, 'Show');
    const form = h('form', {class: 'inline'}, field('Kind of opportunity', filter), show);
    form.addEventListener('submit', event => {
        event.preventDefault();
        state.opportunityKind = filter.value;
        renderOpportunities(section, state).then(() => announce(
            `Showing ${filter.value ? words(filter.value).toLowerCase() : 'all'} opportunities.`));
    });
    const items = page.opportunities;
    fill(section, h('h2', {id: 'opportunities-heading'}, 'Opportunities'),
        h('p', {}, 'Funding, training, events, roles, placements and bursaries shared by other leaders and the ',
            'programme team, open to you now. The best fit for you comes first.'),
        preferencesForm(section, state, preferences),
        form,
        items.length
            ? h('ul', {class: 'plain'}, items.map(o => h('li', {}, opportunityCard(section, state, o))))
            : h('p', {}, kind ? `No ${words(kind).toLowerCase()} opportunities are open for you right now.`
                : 'No opportunities are open for you right now.'));
}

/** Which kinds the member hears about, and at most how many a week: the feed's notifications, not the list. */
function preferencesForm(section, state, preferences) {
    const kinds = checkboxes('Do not tell me about', KINDS.map(k => ({code: k, label: words(k)})), preferences.optedOutKinds);
    const cap = h('input', {type: 'number', min: 0, max: 20, value: preferences.weeklyCap, required: true});
    const outcome = h('div', {});
    const save = h('button', {type: 'submit'}, 'Save my choices');
    const form = h('form', {}, h('p', {}, 'When an opportunity that fits you is shared, the live feed tells you. ',
        'The list below always shows everything open to you.'), kinds,
    field('At most this many messages about opportunities in any 7 days (0 for none, up to 20)', cap), save, outcome);
    form.addEventListener('submit', event => {
        event.preventDefault();
        act(save, outcome, async () => {
            const wanted = {optedOutKinds: checkedValues(kinds), weeklyCap: Number(cap.value)};
            await put('/api/v1/members/me/opportunity-preferences', wanted);
            await until(() => get('/api/v1/members/me/opportunity-preferences'), p => p.weeklyCap === wanted.weeklyCap
                && JSON.stringify([...p.optedOutKinds].sort()) === JSON.stringify([...wanted.optedOutKinds].sort()));
            announce('Your choices about opportunities are saved.');
            return 'Saved.';
        });
    });
    return h('details', {}, h('summary', {}, 'Which opportunities I hear about'), form);
}

function sharedBy(o) {
    if (!o.memberPosted) return 'The programme team';
    return o.poster?.displayName ?? 'A member';
}

function places(o) {
    if (o.seats == null) return `No limit. ${o.seatsTaken} registered so far.`;
    return `${o.seatsTaken} of ${o.seats} taken, ${Math.max(0, o.seats - o.seatsTaken)} left.`;
}

function opportunityCard(section, state, o) {
    const headingId = uid('opportunity');
    const outcome = h('div', {});
    const interested = !!o.interested;
    const readable = state.readable ?? (text => text);
    const button = h('button', {type: 'button', class: interested ? 'secondary' : null,
        onclick: () => act(button, outcome, async () => {
            const path = `/api/v1/opportunities/${o.opportunityId}/interest`;
            if (interested) await api('DELETE', path); else await post(path);
            await until(() => get(`/api/v1/opportunities/${o.opportunityId}`),
                detail => !!detail.opportunity.interested === !interested);
            await renderOpportunities(section, state);
            const text = interested ? `You withdrew your interest in ${o.title}.` : `You registered interest in ${o.title}.`;
            announce(text);
            return text;
        })}, interested ? 'Withdraw my interest' : 'Register interest', h('span', {class: 'visually-hidden'}, ` in ${o.title}`));
    return h('article', {class: 'card opportunity', 'data-opportunity': o.opportunityId, 'aria-labelledby': headingId},
        h('h3', {id: headingId}, o.title),
        h('dl', {class: 'facts'},
            h('dt', {}, 'Kind'), h('dd', {}, words(o.kind)),
            h('dt', {}, 'Why it fits you'), h('dd', {class: 'explanation'}, o.explanation ? readable(o.explanation) : 'Open to you.'),
            h('dt', {}, 'Where'), h('dd', {}, o.remote ? 'Online' : labelOf(state.taxonomy.regions, o.region)),
            h('dt', {}, 'Closes'), h('dd', {}, o.deadline ? when(o.deadline) : 'No deadline'),
            h('dt', {}, 'Places'), h('dd', {}, places(o)),
            h('dt', {}, 'Shared by'), h('dd', {}, sharedBy(o)),
            h('dt', {}, 'My interest'), h('dd', {class: 'interest'}, interested ? 'Registered' : 'Not registered')),
        h('p', {}, o.description),
        o.link ? h('p', {}, h('a', {href: o.link, rel: 'noopener noreferrer'}, 'More about it',
            h('span', {class: 'visually-hidden'}, `: ${o.title}`), ' (another site)')) : null,
        button, outcome);
}
