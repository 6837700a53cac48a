// /search: what GET /api/search finds, with facets that narrow it and "More results" by its `next`. The state
// lives in the address, so a search can be shared and the back button works.
import { el, when, problemOf, loggedIn, NOT_LOGGED_IN } from '/incidents/assets/incident-view.js';

const TYPES = { incident: 'Incident', timeline: 'Timeline', alert: 'Alert', notice: 'Notice',
  'vendor-message': 'Vendor message', postmortem: 'Postmortem' };
const FACETS = [['severity', 'Severity'], ['service', 'Service'], ['vendor', 'Vendor'], ['type', 'Type']];
const FILTERS = ['severity', 'service', 'vendor'];

const form = document.getElementById('query');
const inputs = { q: document.getElementById('q'), type: document.getElementById('type'),
  from: document.getElementById('from'), to: document.getElementById('to') };
const facets = document.getElementById('facets');
const results = document.getElementById('results');

function state() {
  return new URLSearchParams(location.search);
}

function show(params) {
  inputs.q.value = params.get('q') || '';
  inputs.type.value = params.getAll('type').length === 1 ? params.get('type') : '';
  inputs.from.value = params.get('from') || '';
  inputs.to.value = params.get('to') || '';
}

function go(params) {
  [...params.keys()].forEach(name => { if (!params.get(name)) params.delete(name); });
  history.pushState(null, '', '/search' + (params.toString() ? '?' + params : ''));
  run();
}

/** Server-escaped fragments: everything in them is text except the <mark> tags the server added. */
function fragment(html) {
  const p = el('p', { class: 'bs-fragment' });
  p.innerHTML = html;
  return p;
}

function hit(h) {
  const title = h.title || (TYPES[h.type] || h.type) + ' ' + h.id;
  return el('li', { class: 'bs-hit sev-' + (h.severity || 'none').toLowerCase() },
    el('div', { class: 'bs-hit-head' },
      el('span', { class: 'bs-type type-' + h.type }, TYPES[h.type] || h.type),
      h.url ? el('a', { href: h.url }, title) : el('strong', {}, title),
      h.incidentKey ? el('span', { class: 'bs-key' }, h.incidentKey) : null,
      h.severity ? el('span', { class: 'bs-severity' }, h.severity) : null,
      el('time', { class: 'bs-hit-meta', datetime: h.occurredAt }, when(h.occurredAt))),
    (h.highlights || []).map(fragment));
}

function facetList(name, label, counts, params) {
  const entries = Object.entries(counts || {});
  if (entries.length === 0) return null;
  const chosen = name === 'type' ? params.getAll('type') : params.getAll(name);
  return el('div', { class: 'bs-section', 'data-facet': name },
    el('h3', {}, label),
    el('ul', { class: 'bs-facet-list' }, entries.map(([value, count]) => {
      const on = chosen.includes(value);
      return el('li', { class: on ? 'bs-on' : null },
        el('button', { type: 'button', 'data-value': value, onclick: () => {
          const next = state();
          next.delete('after');
          if (on) {
            const others = next.getAll(name).filter(v => v !== value);
            next.delete(name);
            others.forEach(v => next.append(name, v));
          } else {
            next.append(name, value);
          }
          go(next);
        } }, name === 'type' ? (TYPES[value] || value) : value),
        el('span', { class: 'bs-count' }, '(' + count + ')'));
    })));
}

function filters(params) {
  const chips = [];
  FILTERS.forEach(name => params.getAll(name).forEach(value => chips.push(el('button', {
    type: 'button', class: 'bs-chip', title: 'Remove this filter', onclick: () => {
      const next = state();
      const others = next.getAll(name).filter(v => v !== value);
      next.delete(name);
      others.forEach(v => next.append(name, v));
      go(next);
    } }, name + ': ' + value + ' ✕'))));
  return chips.length ? el('div', { class: 'bs-filters' }, chips) : null;
}

// One request at a time: each call to /api with the webapps' session may renew the session's cookie, and a request
// sent with the old one while another is under way would be refused as not logged in.
let queue = Promise.resolve();
function serially(work) {
  const next = queue.then(work, work);
  queue = next.catch(() => {});
  return next;
}

async function page(params, after) {
  const query = new URLSearchParams(params);
  if (after) query.set('after', after);
  const response = await fetch('/api/search?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(await problemOf(response));
  return response.json();
}

function run() {
  return serially(searchNow);
}

async function searchNow() {
  const params = state();
  show(params);
  results.replaceChildren(el('p', { class: 'bs-none' }, 'Searching…'));
  try {
    if (!(await loggedIn())) throw new Error(NOT_LOGGED_IN);
    const first = await page(params);
    facets.replaceChildren(...FACETS.map(([name, label]) => facetList(name, label, first.facets[name], params)).filter(Boolean));
    const list = el('ol', { class: 'bs-hits' }, first.hits.map(hit));
    const engine = el('p', { class: 'bs-engine', id: 'engine', 'data-engine': first.engine },
      (first.engine === 'elasticsearch' ? 'Searched Elasticsearch' : 'Searched the database') + ' · '
      + first.total + (first.total === 1 ? ' result' : ' results') + (first.total >= 10000 ? ' or more' : ''));
    const more = el('p', {});
    let next = first.next;
    const moreButton = () => next ? el('button', { type: 'button', class: 'bs-more', onclick: async event => {
      event.target.disabled = true;
      try {
        const following = await serially(() => page(params, next));
        following.hits.forEach(h => list.append(hit(h)));
        next = following.next;
        more.replaceChildren(moreButton() || '');
      } catch (e) {
        more.replaceChildren(el('span', { class: 'bs-error' }, e.message));
      }
    } }, 'More results') : null;
    more.replaceChildren(moreButton() || '');
    results.replaceChildren(engine, filters(params) || '', first.hits.length ? list
      : el('p', { class: 'bs-none' }, 'Nothing found. Fewer words, or other filters, may find more.'), more);
  } catch (e) {
    facets.replaceChildren();
    results.replaceChildren(el('p', { class: 'bs-error' }, e.message));
  }
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const next = new URLSearchParams();
  ['q', 'type', 'from', 'to'].forEach(name => { if (inputs[name].value) next.set(name, inputs[name].value.trim()); });
  // facets picked before stay, unless the words change everything
  const now = state();
  FILTERS.forEach(name => now.getAll(name).forEach(v => next.append(name, v)));
  go(next);
});
window.addEventListener('popstate', run);
run();
