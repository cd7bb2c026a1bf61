// Signing in and creating an account.

import {post, session} from './api.js';
import {add, field, h, message} from './dom.js';

function form(onSubmit, ...children) {
    const status = h('div', {});
    const el = h('form', {novalidate: true}, children, status);
    el.addEventListener('submit', async event => {
        event.preventDefault();
        const button = el.querySelector('button[type=submit]');
        button.disabled = true;
        status.replaceChildren(message('hint', 'Please wait…'));
        try {
            await onSubmit(el);
        } catch (e) {
            status.replaceChildren(message('error', e.message));
            button.disabled = false;
        }
    });
    return el;
}

async function signIn(email, password) {
    const token = await post('/api/v1/auth/token', {email, password});
    session.start(token.accessToken);
    location.hash = '#/home';
}

export function signInPage(main) {
    const email = h('input', {type: 'email', name: 'email', autocomplete: 'username', required: true});
    const password = h('input', {type: 'password', name: 'password', autocomplete: 'current-password', required: true});
    add(main, 
        h('p', {}, 'Sign in with the e-mail address and password of your account.'),
        form(() => signIn(email.value.trim(), password.value),
            field('E-mail address', email), field('Password', password),
            h('button', {type: 'submit'}, 'Sign in')),
        h('p', {}, 'New here? ', h('a', {href: '#/register'}, 'Create an account'), '.'));
}

export function registerPage(main) {
    const name = h('input', {type: 'text', name: 'displayName', autocomplete: 'name', required: true});
    const email = h('input', {type: 'email', name: 'email', autocomplete: 'email', required: true});
    const password = h('input', {type: 'password', name: 'password', autocomplete: 'new-password', required: true,
        minlength: 12});
    add(main, 
        h('p', {}, 'Create an account to find a mentor, meet peers and join circles.'),
        form(async () => {
            await post('/api/v1/accounts', {displayName: name.value.trim(), email: email.value.trim(),
                password: password.value});
            await signIn(email.value.trim(), password.value);
        },
        field('Your name, as others will see it', name),
        field('E-mail address', email),
        field('Password', password, 'At least 12 characters. A few unrelated words are easy to remember.'),
        h('button', {type: 'submit'}, 'Create account')),
        h('p', {}, 'Already have an account? ', h('a', {href: '#/sign-in'}, 'Sign in'), '.'));
}
