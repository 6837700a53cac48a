// What an incident keeps for the postmortem: its key times, its links to other incidents, maintenance windows and
// vendors' changes, and the timeline entries pinned for it. Shared by the incident tab and the incident page.
// Everything people typed goes in as text, never as HTML.
import { el, when, problemOf } from '/incidents/assets/incident-view.js';

const KEY_TIMES = [
  ['impact_started', 'Impact started'], ['detected', 'Detected'], ['acknowledged', 'Acknowledged'],
  ['mitigated', 'Mitigated'], ['resolved', 'Resolved'], ['closed', 'Closed']
];
const LINK_KINDS = [['recurrence-of', 'Recurrence of'], ['related-to', 'Related to'], ['caused-by', 'Caused by']];
const TARGET_TYPES = [['incident', 'Incident'], ['maintenance', 'Maintenance window'], ['vendor-change', "Vendor's change"]];
const label = (pairs, code) => (pairs.find(([c]) => c === code) || [code, code])[1];

async function send(method, path, body) {
  const response = await fetch(path, {
    method, credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (!response.ok) throw new Error(await problemOf(response));
  return response;
}

const incidentPath = key => '/api/incidents/' + encodeURIComponent(key);

/** Runs a change from a button, tells a failure in {@code say}, then redraws the incident. */
function clicked(button, work, say, refresh) {
  return async event => {
    event.preventDefault();
    button.disabled = true;
    say('');
    try {
      await work();
      if (refresh) await refresh();
    } catch (e) {
      say(e.message, true);
    } finally {
      button.disabled = false;
    }
  };
}

/** The key times in force, who set each and why; earlier values under "changes". */
export function keyTimesSection(details) {
  const times = details.keyTimes || {};
  const history = details.keyTimeHistory || [];
  return el('section', { class: 'bs-section bs-key-times' },
    el('h3', {}, 'Key times'),
    el('table', { class: 'bs-table' },
      el('thead', {}, el('tr', {}, ['Key time', 'When', 'Set by', 'Why'].map(h => el('th', {}, h)))),
      el('tbody', {}, KEY_TIMES.map(([name, text]) => {
        const time = times[name];
        return el('tr', { 'data-key-time': name, class: time ? 'done' : 'open' },
          el('td', {}, text),
          el('td', {}, time ? el('time', { datetime: time.at }, when(time.at)) : '—'),
          el('td', {}, time ? time.setBy : ''),
          el('td', {}, time ? time.reason || '' : ''));
      }))),
    history.length > KEY_TIMES.filter(([name]) => times[name]).length ? el('details', { class: 'bs-key-time-history' },
      el('summary', {}, 'Every change (' + history.length + ')'),
      el('ol', {}, history.map(h => el('li', {},
        label(KEY_TIMES, h.name) + ' → ' + when(h.at) + ' by ' + h.setBy + (h.reason ? ': ' + h.reason : '')
          + ' (recorded ' + when(h.recordedAt) + ')')))) : null);
}

function linkLine(link, live) {
  const recurrence = link.kind === 'recurrence-of' && link.direction === 'outgoing';
  const target = link.targetType === 'incident'
    ? el('a', { href: '/incidents/' + encodeURIComponent(link.target), target: '_blank' }, link.target)
    : el('span', { class: 'bs-target' }, link.target);
  const what = link.direction === 'outgoing'
    ? [label(LINK_KINDS, link.kind) + ' ' + (link.targetType === 'incident' ? '' : label(TARGET_TYPES, link.targetType).toLowerCase() + ' '), target]
    : [target, ' is ' + label(LINK_KINDS, link.kind).toLowerCase() + ' this incident'];
  let remove = null;
  if (link.direction === 'outgoing' && live) {
    remove = el('button', { type: 'button', class: 'bs-unlink', title: 'Remove this link' }, 'Remove');
    remove.addEventListener('click', clicked(remove, () =>
      send('DELETE', incidentPath(live.key) + '/links/' + link.id), live.say, live.refresh));
  }
  return el('li', { class: 'bs-link-line' + (recurrence ? ' bs-recurrence' : ''), 'data-link': link.id },
    ...what,
    link.title ? ': ' + link.title : '',
    link.status ? el('span', { class: 'bs-link-status' }, ' (' + link.status + ')') : '',
    link.postmortemUrl ? [' — ', el('a', { href: link.postmortemUrl, target: '_blank', class: 'bs-postmortem' }, 'postmortem')] : '',
    link.note ? el('span', { class: 'bs-link-note' }, ' · ' + link.note) : '',
    el('span', { class: 'bs-link-by' }, ' · ' + (link.createdBy === 'alerts' ? 'found by alert processing' : 'linked by ' + link.createdBy)),
    remove ? [' ', remove] : '');
}

/**
 * Linked incidents; an earlier incident this one repeats comes first and stands out, with its postmortem.
 * {@code live}: the incident's key, a redraw and where to tell a failure; absent in a read-only view.
 */
export function linksSection(details, live) {
  const links = (details.links || []).slice().sort((a, b) =>
    (b.kind === 'recurrence-of' && b.direction === 'outgoing') - (a.kind === 'recurrence-of' && a.direction === 'outgoing'));
  return el('section', { class: 'bs-section bs-links' },
    el('h3', {}, 'Linked incidents', el('span', { class: 'bs-count' }, ' (' + links.length + ')')),
    links.length === 0 ? el('p', { class: 'bs-none' }, 'No link.') :
      el('ul', { class: 'bs-link-list' }, links.map(link => linkLine(link, live))));
}

/** The pin toggle of one timeline entry: pinned entries go into the postmortem's timeline. */
export function pinToggle(line, live) {
  const pinned = !!line.pinnedBy;
  const button = el('button', {
    type: 'button', class: 'bs-pin' + (pinned ? ' pinned' : ''), 'aria-pressed': pinned ? 'true' : 'false',
    title: pinned ? 'Pinned for the postmortem by ' + line.pinnedBy + ' at ' + when(line.pinnedAt) + '; click to unpin'
      : 'Pin for the postmortem'
  }, pinned ? '★' : '☆');
  button.addEventListener('click', clicked(button, () =>
    send(pinned ? 'DELETE' : 'PUT', incidentPath(live.key) + '/timeline/' + line.id + '/pin'), live.say, live.refresh));
  return button;
}

/** A datetime-local value (the browser's own time zone) as an ISO-8601 instant. */
function instantOf(local) {
  const at = new Date(local);
  if (isNaN(at.getTime())) throw new Error('Give the time as date and time.');
  return at.toISOString();
}

function localValue(iso) {
  if (!iso) return '';
  const at = new Date(iso);
  const pad = n => String(n).padStart(2, '0');
  return at.getFullYear() + '-' + pad(at.getMonth() + 1) + '-' + pad(at.getDate()) + 'T' + pad(at.getHours()) + ':' + pad(at.getMinutes());
}

/**
 * The commander's forms: correct a key time (with the reason) and link the incident. Built once, so that redrawing
 * the incident every few seconds never wipes what someone is typing; the server decides who may.
 */
export function recordPanel(key, refresh) {
  const message = el('p', { class: 'bs-message', role: 'status', 'aria-live': 'polite' });
  const say = (text, failed) => { message.textContent = text; message.className = 'bs-message' + (failed ? ' bs-error' : ' bs-ok'); };
  let current = {};

  const name = el('select', { name: 'keyTime' }, KEY_TIMES.map(([code, text]) => el('option', { value: code }, text)));
  const at = el('input', { name: 'at', type: 'datetime-local', step: 60, required: true });
  const reason = el('input', { name: 'reason', type: 'text', maxlength: 500, required: true, placeholder: 'Why: what shows it' });
  const setButton = el('button', { type: 'submit' }, 'Set time');
  const timeForm = el('form', { class: 'bs-key-time-form' },
    el('label', {}, 'Key time', name), el('label', {}, 'When (your time)', at), el('label', {}, 'Reason', reason), setButton);
  name.addEventListener('change', () => { at.value = localValue(current[name.value] && current[name.value].at); });
  timeForm.addEventListener('submit', clicked(setButton, async () => {
    await send('PUT', incidentPath(key) + '/key-times/' + encodeURIComponent(name.value), { at: instantOf(at.value), reason: reason.value });
    reason.value = '';
    say(label(KEY_TIMES, name.value) + ' set.');
  }, say, refresh));

  const kind = el('select', { name: 'linkKind' }, LINK_KINDS.map(([code, text]) => el('option', { value: code }, text)));
  const targetType = el('select', { name: 'targetType' }, TARGET_TYPES.map(([code, text]) => el('option', { value: code }, text)));
  const target = el('input', { name: 'target', type: 'text', maxlength: 128, required: true, placeholder: 'INC-2026-0001, MNT-…, the change id' });
  const note = el('input', { name: 'linkNote', type: 'text', maxlength: 500, placeholder: 'Optional note' });
  const linkButton = el('button', { type: 'submit' }, 'Link');
  const linkForm = el('form', { class: 'bs-link-form' },
    el('label', {}, 'Link', kind), el('label', {}, 'To', targetType), el('label', {}, 'Key or reference', target),
    el('label', {}, 'Note', note), linkButton);
  linkForm.addEventListener('submit', clicked(linkButton, async () => {
    const body = { kind: kind.value, targetType: targetType.value, target: target.value.trim() };
    if (note.value.trim()) body.note = note.value.trim();
    await send('POST', incidentPath(key) + '/links', body);
    target.value = '';
    note.value = '';
    say('Linked.');
  }, say, refresh));

  const node = el('section', { class: 'bs-section bs-record' }, el('h3', {}, 'Record for the postmortem'), message,
    el('details', { class: 'bs-open-key-times' }, el('summary', {}, 'Correct a key time (commanders)'), timeForm),
    el('details', { class: 'bs-open-links' }, el('summary', {}, 'Link to an incident, maintenance or vendor change (commanders)'), linkForm));
  const update = details => {
    current = details.keyTimes || {};
    if (!timeForm.contains(document.activeElement) && !at.value) at.value = localValue(current[name.value] && current[name.value].at);
  };
  return { node, update, say };
}
