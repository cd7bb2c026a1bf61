// Small helpers to build the page with DOM calls: text is always set as text, never parsed as HTML.

/** An element: h('button', {type: 'submit', onclick: fn}, 'Save'). */
export function h(tag, props = {}, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props ?? {})) {
        if (value === null || value === undefined || value === false) continue;
        if (key.startsWith('on') && typeof value === 'function') {
            el.addEventListener(key.slice(2), value);
        } else if (key === 'class') {
            el.className = value;
        } else if (key in el && typeof value !== 'string') {
            el[key] = value;
        } else {
            el.setAttribute(key, value === true ? '' : value);
        }
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) continue;
        el.append(child instanceof Node ? child : String(child));
    }
}

/** Appends children (arrays flattened, null and false left out). */
export function add(el, ...children) {
    append(el, children);
    return el;
}

/** Replaces an element's content. */
export function fill(el, ...children) {
    el.replaceChildren();
    append(el, children);
    return el;
}

let ids = 0;

/** A unique id for label/for and aria-describedby pairs. */
export function uid(prefix = 'id') {
    ids += 1;
    return `${prefix}-${ids}`;
}

/** A labelled form control in a block. */
export function field(labelText, control, hint) {
    control.id ||= uid('f');
    const children = [h('label', {for: control.id}, labelText), control];
    if (hint) {
        const hintEl = h('p', {class: 'hint', id: uid('hint')}, hint);
        control.setAttribute('aria-describedby', hintEl.id);
        children.push(hintEl);
    }
    return h('div', {class: 'field'}, children);
}

/** A select with {code, label} options; value is the selected code. */
export function select(options, value, props = {}) {
    return h('select', props, options.map(o => h('option', {value: o.code, selected: o.code === value}, o.label)));
}

/** A group of checkboxes with a legend; read it back with checkedValues(fieldset). */
export function checkboxes(legend, options, chosen = [], name = uid('c')) {
    return h('fieldset', {}, h('legend', {}, legend), h('div', {class: 'checks'}, options.map(o =>
        h('label', {}, h('input', {type: 'checkbox', name, value: o.code, checked: chosen.includes(o.code)}),
            ' ', o.label))));
}

export function checkedValues(container) {
    return [...container.querySelectorAll('input[type=checkbox]:checked')].map(i => i.value);
}

/** A time element in the reader's own format, with the exact instant in its datetime attribute. */
export function when(iso) {
    if (!iso) return '—';
    const date = new Date(iso);
    return h('time', {datetime: iso}, date.toLocaleString('en-GB', {dateStyle: 'medium', timeStyle: 'medium'}));
}

/** A message line: 'error' ones are announced at once (role=alert), others politely. */
export function message(kind, text) {
    return h('p', {class: kind, role: kind === 'error' ? 'alert' : 'status'}, text);
}

/** Runs an action from a button: disables it meanwhile and shows the outcome in the given place. */
export async function act(button, place, action) {
    button.disabled = true;
    fill(place, message('hint', 'Please wait…'));
    try {
        const done = await action();
        fill(place, message('done', done ?? 'Done.'));
    } catch (e) {
        fill(place, message('error', e.message));
    } finally {
        button.disabled = false;
    }
}

/** Says something to screen-reader users without moving focus. */
export function announce(text) {
    const el = document.getElementById('announcer');
    el.textContent = '';
    setTimeout(() => { el.textContent = text; }, 50);
}

/** Words for a code: FUNDRAISING_AND_FINANCE → "Fundraising and finance". */
export function words(code) {
    if (!code) return '';
    const text = String(code).toLowerCase().replaceAll('_', ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
}
