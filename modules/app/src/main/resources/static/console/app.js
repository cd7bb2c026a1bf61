// The console's shell: navigation by the URL's hash (so the server serves one page), the pages, and
// the live feed for a signed-in member.

import {session} from './api.js';
import {add, fill, h} from './dom.js';
import {Feed} from './feed.js';
import {signInPage, registerPage} from './signin.js';
import {homePage} from './home.js';
import {auditPage, concernsPage, processorsPage, roundsPage, statsPage} from './admin.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let feed = null;
let current = null;

const pages = {
    'sign-in': {title: 'Sign in', render: signInPage, open: true},
    'register': {title: 'Create an account', render: registerPage, open: true},
    'home': {title: 'My home', render: homePage},
    'admin/audit': {title: 'Pairing audit', render: auditPage, admin: true},
    'admin/rounds': {title: 'Match rounds', render: roundsPage, admin: true},
    'admin/stats': {title: 'Programme statistics', render: statsPage, admin: true},
    'admin/processors': {title: 'Event processors', render: processorsPage, admin: true},
    'admin/concerns': {title: 'Concerns', render: concernsPage, admin: true},
};

function route() {
    const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
    const admin = name === 'admin' && rest.length ? `admin/${rest[0]}` : null;
    const key = admin ?? name;
    return {key: pages[key] ? key : null, arg: admin ? rest.slice(1).join('/') : rest.join('/')};
}

function renderNav(active) {
    const link = (key, text) => h('li', {}, h('a', {href: `#/${key}`, 'aria-current': key === active ? 'page' : null}, text));
    if (!session.signedIn) {
        fill(nav, h('ul', {}, link('sign-in', 'Sign in'), link('register', 'Create an account')));
        return;
    }
    const items = [link('home', 'My home')];
    if (session.isAdmin) {
        items.push(link('admin/audit', 'Pairing audit'), link('admin/rounds', 'Match rounds'),
            link('admin/stats', 'Statistics'), link('admin/processors', 'Event processors'),
            link('admin/concerns', 'Concerns'));
    }
    items.push(h('li', {}, h('button', {type: 'button', class: 'secondary', onclick: signOut}, 'Sign out')));
    fill(nav, h('ul', {}, items));
}

function signOut() {
    session.end();
    feed?.stop();
    feed = null;
    location.hash = '#/sign-in';
}

function startFeed() {
    if (feed || !session.signedIn) return;
    feed = new Feed(document.getElementById('feed'), {
        onEntry: entry => window.dispatchEvent(new CustomEvent('lexnet:feed', {detail: entry})),
    });
    feed.start().catch(() => feed?.setStatus('The feed could not be loaded. Reload the page to try again.'));
}

async function show() {
    let {key, arg} = route();
    if (!session.signedIn) {
        if (!key || !pages[key].open) key = 'sign-in';
    } else if (!key || pages[key].open || (pages[key].admin && !session.isAdmin)) {
        key = 'home';
    }
    const hash = `#/${key}${arg ? `/${arg}` : ''}`;
    if (hash !== location.hash) history.replaceState(null, '', hash);
    const page = pages[key];
    renderNav(key);
    if (session.signedIn) startFeed();
    document.title = `${page.title} · lexnet`;
    const moved = current !== null && current !== `${key}/${arg}`;
    current = `${key}/${arg}`;
    const heading = h('h1', {}, page.title);
    fill(main, heading);
    try {
        await page.render(main, {arg, go: target => { location.hash = target; }});
    } catch (e) {
        add(main, h('p', {class: 'error', role: 'alert'}, `This page could not be loaded: ${e.message}`));
    }
    // after moving to another page, start keyboard and screen-reader users at its heading
    if (moved) main.focus();
}

window.addEventListener('hashchange', show);
window.addEventListener('lexnet:signed-out', () => {
    feed?.stop();
    feed = null;
    show();
});
show();
