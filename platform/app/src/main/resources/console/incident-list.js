// /incidents: the newest incidents, open and closed, each linking to its page.
import { el, when, problemOf, loggedIn, NOT_LOGGED_IN } from '/incidents/assets/incident-view.js';

const root = document.getElementById('incidents');
try {
  if (!(await loggedIn())) throw new Error(NOT_LOGGED_IN);
  const response = await fetch('/api/incidents?limit=200', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(await problemOf(response));
  const incidents = await response.json();
  root.replaceChildren(incidents.length === 0 ? el('p', { class: 'bs-none' }, 'No incident yet.') :
    el('table', { class: 'bs-table bs-list' },
      el('thead', {}, el('tr', {}, ['Declared', 'Incident', 'Severity', 'Status', 'Services', 'Closed'].map(h => el('th', {}, h)))),
      el('tbody', {}, incidents.map(i => el('tr', { class: 'sev-' + (i.severity || 'none').toLowerCase() },
        el('td', {}, when(i.declaredAt)),
        el('td', {}, el('a', { href: '/incidents/' + encodeURIComponent(i.key) }, i.key), ' ', i.title),
        el('td', {}, el('span', { class: 'bs-severity' }, i.severity || '-')),
        el('td', {}, i.status),
        el('td', {}, i.affectedServices || ''),
        el('td', {}, when(i.closedAt)))))));
} catch (e) {
  root.replaceChildren(el('p', { class: 'bs-error' }, e.message));
}
