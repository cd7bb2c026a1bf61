// Bar charts drawn as inline SVG. Every chart is hidden from screen readers and comes with a table of
// the same figures, and every bar carries its number as text, so nothing depends on colour or on seeing.

import {h} from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (text !== undefined) el.textContent = text;
    return el;
}

/**
 * Horizontal bars: rows of {label, value, max?, text?}. With max, the bar sits in a track of that
 * length (a mentor's slots held out of capacity); otherwise bars scale to the largest value.
 */
export function barChart(rows, {labelWidth = 190, width = 560} = {}) {
    const rowHeight = 28;
    const plot = width - labelWidth - 90;
    const top = Math.max(1, ...rows.map(r => r.max ?? r.value));
    const svg = s('svg', {class: 'chart', viewBox: `0 0 ${width} ${rows.length * rowHeight + 8}`,
        width, height: rows.length * rowHeight + 8, 'aria-hidden': 'true', focusable: 'false'});
    rows.forEach((row, i) => {
        const y = i * rowHeight + 4;
        svg.append(s('text', {x: labelWidth - 8, y: y + 17, 'text-anchor': 'end'}, row.label));
        if (row.max !== undefined) {
            svg.append(s('rect', {class: 'track', x: labelWidth, y: y + 3, width: plot * row.max / top, height: 18}));
        }
        svg.append(s('rect', {class: 'bar', x: labelWidth, y: y + 3, width: Math.max(0, plot * row.value / top), height: 18}));
        const end = labelWidth + plot * (row.max ?? row.value) / top;
        svg.append(s('text', {x: end + 6, y: y + 17}, row.text ?? String(row.value)));
    });
    return svg;
}

/** A chart with its data table: caption, column headings, rows of cells. */
export function chartWithTable(caption, rows, columns, cells) {
    return h('figure', {},
        h('figcaption', {}, h('strong', {}, caption)),
        barChart(rows),
        h('table', {}, h('caption', {}, `${caption}: the figures`),
            h('thead', {}, h('tr', {}, columns.map((c, i) => h('th', {scope: 'col', class: i ? 'number' : null}, c)))),
            h('tbody', {}, cells.map(row => h('tr', {}, row.map((cell, i) =>
                i ? h('td', {class: 'number'}, cell) : h('th', {scope: 'row'}, cell)))))));
}
