// /insights: MTTA, MTTR, time to detect and to mitigate per month, split by a dimension, as charts and a
// table; vendors' response times; open and overdue action items. Everything comes from /api/insights.
import { el, problemOf, loggedIn, NOT_LOGGED_IN } from '/incidents/assets/incident-view.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#1f5fbf', '#c53030', '#d0611b', '#23864a', '#7b3fb5', '#b7791f', '#2b8a9e', '#5b6472'];
const METRICS = [
  ['mtta', 'MTTA', 'detected → acknowledged'],
  ['mttr', 'MTTR', 'impact started → resolved'],
  ['timeToDetect', 'Time to detect', 'impact started → detected'],
  ['timeToMitigate', 'Time to mitigate', 'impact started → mitigated']];

const root = document.getElementById('insights');
const params = new URLSearchParams(location.search);
const form = { from: document.getElementById('from'), to: document.getElementById('to'), by: document.getElementById('by') };

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

/** 5400 → "1 h 30 min", 28800 → "8 h"; minutes stay visible under a day, people compare them across months. */
function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const negative = seconds < 0;
  let s = Math.abs(seconds);
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const parts = d > 0 ? [[d, 'd'], [h, 'h']] : h > 0 ? [[h, 'h'], [m, 'min']] : m > 0 ? [[m, 'min']] : [[s, 's']];
  const shown = parts.filter(([value], i) => i === 0 || value > 0).map(([value, unit]) => value + ' ' + unit);
  return (negative ? '−' : '') + shown.join(' ');
}

function axisUnit(maxSeconds) {
  if (maxSeconds >= 2 * 86400) return [86400, 'days'];
  if (maxSeconds >= 2 * 3600) return [3600, 'hours'];
  return [60, 'minutes'];
}

/** Gridlines at round steps (1, 2, 2.5, 5 × 10ⁿ), about four of them, the top one above the largest value. */
function scale(value, whole) {
  const raw = Math.max(value, whole ? 1 : 1e-9) / 4;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  let step = [1, 2, 2.5, 5, 10].map(f => f * power).find(v => v >= raw);
  if (whole) step = Math.max(1, Math.ceil(step));
  const top = Math.max(step, Math.ceil(value / step - 1e-9) * step);
  return { step, top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step) };
}

function tick(value) {
  return String(+value.toFixed(2));
}

/** A bar chart of counts per month. */
function countChart(months, counts) {
  const width = 640, height = 200, left = 36, bottom = 26, top = 10;
  const axis = scale(Math.max(0, ...counts), true);
  const band = (width - left - 8) / months.length;
  const y = v => top + (height - top - bottom) * (1 - v / axis.top);
  const chart = svg('svg', { class: 'bs-chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': 'Incidents per month' });
  axis.ticks.forEach(v => chart.append(svg('line', { class: 'bs-grid', x1: left, x2: width - 8, y1: y(v), y2: y(v) }),
    svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, tick(v))));
  months.forEach((month, i) => {
    const x = left + i * band;
    if (counts[i] > 0) {
      chart.append(svg('rect', { x: x + band * .15, width: band * .7, y: y(counts[i]), height: y(0) - y(counts[i]),
        fill: COLORS[0], rx: 2 }, svg('title', {}, month + ': ' + counts[i])));
    }
    if (months.length <= 12 || i % Math.ceil(months.length / 12) === 0) {
      chart.append(svg('text', { x: x + band / 2, y: height - 8, 'text-anchor': 'middle' }, month.substring(2)));
    }
  });
  chart.append(svg('line', { class: 'bs-axis', x1: left, x2: width - 8, y1: y(0), y2: y(0) }));
  return chart;
}

/** One line per group: the metric's mean per month; a month without a value breaks the line. */
function lineChart(months, groups, valueOf, label) {
  const width = 640, height = 230, left = 44, right = 24, bottom = 26, top = 24;
  const values = groups.flatMap(g => months.map(m => valueOf(g, m))).filter(v => v !== null && v !== undefined);
  const [unit, unitName] = axisUnit(Math.max(0, ...values));
  const axis = scale(Math.max(0, ...values) / unit, false);
  const step = (width - left - right) / Math.max(1, months.length - 1);
  const x = i => left + (months.length === 1 ? (width - left - right) / 2 : i * step);
  const y = v => top + (height - top - bottom) * (1 - v / unit / axis.top);
  const chart = svg('svg', { class: 'bs-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
  axis.ticks.forEach(v => chart.append(
    svg('line', { class: 'bs-grid', x1: left, x2: width - right, y1: y(v * unit), y2: y(v * unit) }),
    svg('text', { x: left - 6, y: y(v * unit) + 4, 'text-anchor': 'end' }, tick(v))));
  chart.append(svg('text', { x: 4, y: 10, 'text-anchor': 'start', class: 'bs-unit' }, unitName),
    svg('line', { class: 'bs-axis', x1: left, x2: width - right, y1: y(0), y2: y(0) }));
  months.forEach((month, i) => {
    if (months.length <= 12 || i % Math.ceil(months.length / 12) === 0) {
      chart.append(svg('text', { x: x(i), y: height - 8, 'text-anchor': 'middle' }, month.substring(2)));
    }
  });
  groups.forEach((group, g) => {
    const color = COLORS[g % COLORS.length];
    let path = '';
    let pen = false;
    months.forEach((month, i) => {
      const v = valueOf(group, month);
      if (v === null || v === undefined) { pen = false; return; }
      path += (pen ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(v).toFixed(1) + ' ';
      pen = true;
      chart.append(svg('circle', { cx: x(i), cy: y(v), r: 3.5, fill: color },
        svg('title', {}, group + ', ' + month + ': ' + duration(v))));
    });
    if (path) chart.append(svg('path', { d: path, fill: 'none', stroke: color, 'stroke-width': 2 }));
  });
  return chart;
}

function legend(groups) {
  return el('ul', { class: 'bs-legend' }, groups.map((g, i) =>
    el('li', {}, el('i', { style: 'background:' + COLORS[i % COLORS.length] }), g)));
}

function section(title, ...content) {
  return el('section', { class: 'bs-section' }, el('h3', {}, title), ...content);
}

function kpi(label, value, bad) {
  return el('div', { class: 'bs-kpi' + (bad ? ' bs-bad' : '') }, el('span', { class: 'bs-kpi-value' }, value),
    el('span', { class: 'bs-kpi-label' }, label));
}

function figureCell(figure) {
  if (!figure || figure.incidents === 0) return el('td', { class: 'bs-num' }, '–');
  return el('td', { class: 'bs-num', title: 'over ' + figure.incidents + ' incident(s)' },
    duration(figure.meanSeconds), el('br'), el('span', { class: 'bs-count' }, 'median ' + duration(figure.medianSeconds)));
}

function render(data) {
  const groups = [...new Set(data.rows.map(r => r.group))];
  const rowOf = new Map(data.rows.map(r => [r.month + '\u0000' + r.group, r]));
  const totalOf = new Map(data.totals.map(r => [r.month, r]));
  const incidents = data.totals.reduce((sum, r) => sum + r.incidents, 0);
  const byName = form.by.options[form.by.selectedIndex].text.toLowerCase();

  const kpis = el('div', { class: 'bs-kpis' },
    kpi('incidents ' + data.from + ' – ' + data.to, incidents),
    kpi('open action items', data.actionItems.open),
    kpi('overdue action items', data.actionItems.overdue, data.actionItems.overdue > 0));

  const charts = el('div', { class: 'bs-charts' },
    section('Incidents per month', countChart(data.months, data.months.map(m => totalOf.get(m)?.incidents || 0))),
    METRICS.map(([field, name, meaning]) => section(name + ' by ' + byName + ' (mean)',
      el('p', { class: 'bs-none' }, meaning),
      groups.length === 0 ? el('p', { class: 'bs-none' }, 'No incident in these months.')
        : [lineChart(data.months, groups, (g, m) => rowOf.get(m + '\u0000' + g)?.[field]?.meanSeconds ?? null,
          name + ' per month'), legend(groups)])));

  const table = section('Per month and ' + byName, data.rows.length === 0 ? el('p', { class: 'bs-none' }, 'No incident in these months.') :
    el('table', { class: 'bs-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Month'), el('th', {}, form.by.options[form.by.selectedIndex].text),
        el('th', { class: 'bs-num' }, 'Incidents'), METRICS.map(([, name]) => el('th', { class: 'bs-num' }, name)))),
      el('tbody', {}, data.rows.map(r => el('tr', {}, el('td', {}, r.month), el('td', {}, r.group),
        el('td', { class: 'bs-num' }, r.incidents), METRICS.map(([field]) => figureCell(r[field])))))));

  const vendors = section('Vendor response (opened → acknowledged)', data.vendorResponse.length === 0
    ? el('p', { class: 'bs-none' }, 'No vendor case in these months.')
    : el('table', { class: 'bs-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Month'), el('th', {}, 'Vendor'), el('th', { class: 'bs-num' }, 'Cases'),
        el('th', { class: 'bs-num' }, 'Response'))),
      el('tbody', {}, data.vendorResponse.map(v => el('tr', {}, el('td', {}, v.month), el('td', {}, v.vendor),
        el('td', { class: 'bs-num' }, v.cases), figureCell(v.response))))));

  const items = data.actionItems;
  const actions = section('Open action items (' + items.open + ', ' + items.overdue + ' overdue on ' + items.today + ')',
    items.open === 0 ? el('p', { class: 'bs-none' }, 'No open action item.') : [
      el('table', { class: 'bs-table' },
        el('caption', {}, 'Per owner'),
        el('thead', {}, el('tr', {}, el('th', {}, 'Owner'), el('th', { class: 'bs-num' }, 'Open'),
          el('th', { class: 'bs-num' }, 'Overdue'))),
        el('tbody', {}, items.byOwner.map(o => el('tr', { class: o.overdue > 0 ? 'bs-overdue' : '' },
          el('td', {}, o.owner), el('td', { class: 'bs-num' }, o.open), el('td', { class: 'bs-num' }, o.overdue))))),
      el('table', { class: 'bs-table' },
        el('caption', {}, 'Per incident'),
        el('thead', {}, el('tr', {}, el('th', {}, 'Incident'), el('th', { class: 'bs-num' }, 'Open'),
          el('th', { class: 'bs-num' }, 'Overdue'))),
        el('tbody', {}, items.byIncident.map(i => el('tr', { class: i.overdue > 0 ? 'bs-overdue' : '' },
          el('td', {}, el('a', { href: '/incidents/' + encodeURIComponent(i.incidentKey) }, i.incidentKey)),
          el('td', { class: 'bs-num' }, i.open), el('td', { class: 'bs-num' }, i.overdue))))),
      el('table', { class: 'bs-table' },
        el('caption', {}, 'Open items, the earliest due first'),
        el('thead', {}, el('tr', {}, ['Due', 'Action item', 'Kind', 'Owner', 'Incident'].map(h => el('th', {}, h)))),
        el('tbody', {}, items.items.map(i => el('tr', { class: i.overdue ? 'bs-overdue' : '' },
          el('td', {}, i.dueOn + (i.overdue ? ' (overdue)' : '')), el('td', {}, i.title), el('td', {}, i.kind),
          el('td', {}, i.owner),
          el('td', {}, el('a', { href: '/incidents/' + encodeURIComponent(i.incidentKey) }, i.incidentKey))))))]);

  // which store answered: Elasticsearch, or the database while Elasticsearch is away
  const engine = el('p', { class: 'bs-none', id: 'engine' },
    'Figures from ' + (data.engine === 'elasticsearch' ? 'Elasticsearch' : 'the database') + '.');

  root.replaceChildren(kpis, engine, charts, table, vendors, actions);
}

try {
  if (!(await loggedIn())) throw new Error(NOT_LOGGED_IN);
  const query = new URLSearchParams();
  ['from', 'to', 'by'].forEach(name => { if (params.get(name)) query.set(name, params.get(name)); });
  const response = await fetch('/api/insights?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(await problemOf(response));
  const data = await response.json();
  form.from.value = data.from;
  form.to.value = data.to;
  form.by.value = data.by;
  document.getElementById('csv').href = '/api/insights.csv?' + new URLSearchParams({ from: data.from, to: data.to, by: data.by });
  render(data);
} catch (e) {
  root.replaceChildren(el('p', { class: 'bs-error' }, e.message));
}
