// Charts drawn as inline SVG by our own code (no library, nothing fetched at runtime).
import { h } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
export const PALETTE = ['#2563eb', '#dc2626', '#7c3aed', '#d97706', '#059669', '#0891b2', '#db2777', '#4b5563'];

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

function clip(text, n) {
  const str = String(text);
  return str.length > n ? `${str.slice(0, n - 1)}…` : str;
}

/**
 * Horizontal bars. rows: [{label, value, text?, color?}]; max: the full-scale value (default: largest value).
 */
export function barsH(rows, { max, format = String, title, testid, labelWidth = 150 } = {}) {
  const rowH = 26, top = 6, width = 560, barW = width - labelWidth - 120;
  const full = max ?? Math.max(1, ...rows.map((r) => Number(r.value) || 0));
  const height = top * 2 + rows.length * rowH;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title || '', preserveAspectRatio: 'xMinYMin meet' });
  if (title) svg.append(s('title', {}, title));
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const v = Number(r.value) || 0;
    const w = full > 0 ? Math.max(v > 0 ? 2 : 0, (v / full) * barW) : 0;
    svg.append(
      s('text', { x: labelWidth - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end', class: 'chart-label' }, s('title', {}, r.label), clip(r.label, 22)),
      s('rect', { x: labelWidth, y: y + 5, width: barW, height: rowH - 10, rx: 3, class: 'chart-track' }),
      s('rect', { x: labelWidth, y: y + 5, width: w, height: rowH - 10, rx: 3, fill: r.color || PALETTE[0] }),
      s('text', { x: labelWidth + w + 6, y: y + rowH / 2 + 4, class: 'chart-value' }, r.text ?? format(r.value)));
  });
  return h('figure.chart-box', { testid }, svg);
}

/**
 * Lines over periods. series: [{name, points: {period: value}}]; values 0..1 (rates) shown with format.
 */
export function lines(series, periods, { format = String, title, testid, yMax = 1 } = {}) {
  const width = 560, height = 240, left = 48, right = 16, top = 12, bottom = 36;
  const plotW = width - left - right, plotH = height - top - bottom;
  const x = (i) => left + (periods.length <= 1 ? plotW / 2 : (i / (periods.length - 1)) * plotW);
  const y = (v) => top + plotH - (Math.min(Number(v), yMax) / yMax) * plotH;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title || '' });
  if (title) svg.append(s('title', {}, title));
  for (let k = 0; k <= 4; k++) {
    const v = (yMax * k) / 4;
    svg.append(s('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), class: 'chart-grid' }),
      s('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'chart-axis' }, format(v)));
  }
  const step = Math.max(1, Math.ceil(periods.length / 8));
  periods.forEach((p, i) => {
    if (i % step === 0 || i === periods.length - 1) svg.append(s('text', { x: x(i), y: height - 12, 'text-anchor': 'middle', class: 'chart-axis' }, p));
  });
  series.forEach((ser, k) => {
    const color = PALETTE[k % PALETTE.length];
    const pts = periods.map((p, i) => (ser.points[p] === undefined || ser.points[p] === null ? null : [x(i), y(ser.points[p]), p, ser.points[p]])).filter(Boolean);
    if (pts.length > 1) svg.append(s('polyline', { points: pts.map(([a, b]) => `${a},${b}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
    for (const [a, b, p, v] of pts) svg.append(s('circle', { cx: a, cy: b, r: 3.5, fill: color }, s('title', {}, `${ser.name} · ${p}: ${format(v)}`)));
  });
  const legend = h('ul.legend', series.map((ser, k) => h('li', h('span.swatch', { style: `background:${PALETTE[k % PALETTE.length]}` }), ser.name)));
  return h('figure.chart-box', { testid }, svg, legend);
}

/** A donut of parts [{label, value, color}] with the total in the middle. */
export function donut(parts, { title, testid, center } = {}) {
  const size = 180, r = 70, stroke = 26, c = 2 * Math.PI * r;
  const total = parts.reduce((a, p) => a + (Number(p.value) || 0), 0);
  const svg = s('svg', { viewBox: `0 0 ${size} ${size}`, class: 'chart donut', role: 'img', 'aria-label': title || '' });
  if (title) svg.append(s('title', {}, title));
  svg.append(s('circle', { cx: size / 2, cy: size / 2, r, fill: 'none', class: 'chart-track-stroke', 'stroke-width': stroke }));
  let offset = 0;
  for (const p of parts) {
    const v = Number(p.value) || 0;
    if (!total || !v) continue;
    const len = (v / total) * c;
    svg.append(s('circle', { cx: size / 2, cy: size / 2, r, fill: 'none', stroke: p.color, 'stroke-width': stroke,
      'stroke-dasharray': `${len} ${c - len}`, 'stroke-dashoffset': -offset, transform: `rotate(-90 ${size / 2} ${size / 2})` },
    s('title', {}, `${p.label}: ${v}`)));
    offset += len;
  }
  svg.append(s('text', { x: size / 2, y: size / 2 + 2, 'text-anchor': 'middle', class: 'donut-total' }, String(total)),
    s('text', { x: size / 2, y: size / 2 + 20, 'text-anchor': 'middle', class: 'chart-axis' }, center || ''));
  const legend = h('ul.legend', parts.map((p) => h('li', h('span.swatch', { style: `background:${p.color}` }), `${p.label}: ${p.value}`,
    total ? h('span.muted', ` (${((p.value / total) * 100).toFixed(1)}%)`) : null)));
  return h('figure.chart-box.donut-box', { testid }, svg, legend);
}
