import { el, svg } from './dom.js';

/**
 * A small time-series line chart drawn by hand in SVG: a fixed time range on x, zero to a rounded
 * maximum on y, a gap where there was no traffic, and a dot on each series' latest value.
 */
const WIDTH = 300;
const HEIGHT = 80;

/**
 * @param {object} spec
 * @param {string} spec.name          names the chart for tests and screen readers
 * @param {string} spec.title
 * @param {{label: string, className: string, points: {at: number, value: ?number}[]}[]} spec.series
 * @param {number} spec.from          start of the x range, ms since epoch
 * @param {number} spec.to            end of the x range
 * @param {number} spec.floor         the smallest y maximum, so a quiet chart is not all noise
 * @param {(value: number) => string} spec.format
 */
export function lineChart({ name, title, series, from, to, floor, format }) {
    const values = series.flatMap(s => s.points.map(p => p.value)).filter(v => v !== null && Number.isFinite(v));
    const max = niceCeiling(Math.max(floor, ...values));
    const x = at => ((at - from) / (to - from)) * WIDTH;
    const y = value => HEIGHT - (value / max) * HEIGHT;

    const plot = svg('svg', {
        viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none', class: 'chart-plot', role: 'img',
        'aria-label': `${title}, last ${span(to - from)}`,
        'data-chart': name, 'data-points': Math.max(0, ...series.map(s => s.points.filter(p => p.value !== null).length)),
    });
    for (const level of [0.5, 1]) {
        plot.append(svg('line', { x1: 0, x2: WIDTH, y1: y(max * level), y2: y(max * level), class: 'chart-grid',
            'vector-effect': 'non-scaling-stroke' }));
    }
    for (const s of series) {
        drawSeries(plot, s, x, y);
    }
    const legend = el('div', { className: 'chart-legend' }, series.map(s => {
        const latest = latestValue(s.points);
        return el('span', { className: `legend ${s.className}`, attrs: { 'data-series': s.label } }, [
            el('i', { className: 'swatch' }),
            `${s.label} `,
            el('b', { text: latest === null ? '—' : format(latest) }),
        ]);
    }));
    return el('figure', { className: 'chart' }, [
        el('figcaption', {}, [el('span', { className: 'chart-title', text: title }), legend]),
        el('div', { className: 'chart-frame' }, [
            el('span', { className: 'chart-max', text: format(max) }),
            plot,
        ]),
        el('div', { className: 'chart-axis' }, [
            el('span', { text: `−${span(to - from)}` }),
            el('span', { text: 'now' }),
        ]),
    ]);
}

function drawSeries(plot, series, x, y) {
    let line = '';
    let area = '';
    let run = [];
    const flush = () => {
        if (run.length > 0) {
            const path = run.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)} ${y(p.value).toFixed(1)}`).join(' ');
            line += `${path} `;
            area += `${path} L${x(run.at(-1).at).toFixed(1)} ${y(0)} L${x(run[0].at).toFixed(1)} ${y(0)} Z `;
        }
        run = [];
    };
    for (const point of series.points) {
        if (point.value === null || !Number.isFinite(point.value)) {
            flush();
        } else {
            run.push(point);
        }
    }
    flush();
    const attrs = { 'vector-effect': 'non-scaling-stroke' };
    plot.append(svg('path', { ...attrs, d: area.trim() || 'M0 0', class: `chart-area ${series.className}` }));
    plot.append(svg('path', { ...attrs, d: line.trim() || 'M0 0', class: `chart-line ${series.className}` }));
    const last = series.points.at(-1);
    if (last && last.value !== null && Number.isFinite(last.value)) {
        // A zero-length path with round caps is a dot that stays round however the plot is stretched.
        plot.append(svg('path', { ...attrs, d: `M${x(last.at).toFixed(1)} ${y(last.value).toFixed(1)} l0 0`,
            class: `chart-dot ${series.className}` }));
    }
}

function span(ms) {
    return ms < 90_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

function latestValue(points) {
    for (let i = points.length - 1; i >= 0; i--) {
        if (points[i].value !== null && Number.isFinite(points[i].value)) {
            return points[i].value;
        }
    }
    return null;
}

/** 1, 2 or 5 times a power of ten, at or above the value. */
function niceCeiling(value) {
    const power = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 5, 10].map(step => step * power).find(candidate => candidate >= value);
}
