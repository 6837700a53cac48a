// One incident as a commander reads it, for the incident tab in Tasklist and the incident page.
// Everything people typed (notes, titles, vendor text) goes in as text, never as HTML.
import { keyTimesSection, linksSection, pinToggle, recordPanel } from '/incidents/assets/incident-record.js';
import { onSitePanel, pageMorePanel } from '/incidents/assets/responders.js';
import { runbookPanel } from '/incidents/assets/runbook-panel.js';
import { deferredWorkPanel } from '/incidents/assets/deferred-work.js';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const COMPONENT_STATES = [
  ['degraded-performance', 'Degraded performance'],
  ['partial-outage', 'Partial outage'],
  ['major-outage', 'Major outage']
];
const KIND_LABELS = {
  INCIDENT_DECLARED: 'Declared', STEP_STARTED: 'Step started', STEP_COMPLETED: 'Step done',
  STATUS_CHANGED: 'Status', NOTICE_DELIVERED: 'Notice', INCIDENT_CLOSED: 'Closed', ALERTS: 'Alerts',
  PAGING: 'Paging', NOTICES: 'Notices', VENDORS: 'Vendor', NOTE: 'Note', TRIAGE: 'Re-triage',
  KEY_TIME: 'Key time', LINK: 'Link', REOPENED: 'Reopened', TEAM_MAIL: 'Team mail', ACTION_ITEM: 'Action item',
  POSTMORTEM: 'Postmortem', RESPONDERS: 'Responders', OVERDUE: 'Overdue', RUNBOOK: 'Runbook',
  DEFERRED_WORK: 'Delayed work'
};

export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  });
  children.flat().forEach(child => {
    if (child === undefined || child === null || child === false) return;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

export function when(iso) {
  if (!iso) return '';
  const at = new Date(iso);
  const today = new Date().toDateString() === at.toDateString();
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  return today ? time : at.toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' }) + ' ' + time;
}

/** A problem detail as one sentence people can act on. */
export async function problemOf(response) {
  let text = response.status + ' ' + response.statusText;
  try {
    const problem = await response.json();
    text = [problem.title, problem.detail].filter(Boolean).join(': ') || text;
  } catch (notJson) { /* the status line says enough */ }
  if (response.status === 401) text = NOT_LOGGED_IN;
  return text;
}

/**
 * Whether someone is logged in to the webapps. Asked before /api, whose HTTP Basic challenge would make a
 * browser prompt for a password instead of showing the page's own message.
 */
export async function loggedIn() {
  const response = await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok;
}

export const NOT_LOGGED_IN = 'You are not logged in: log in to Tasklist, then reload this page.';

export async function fetchIncident(key) {
  const response = await fetch('/api/incidents/' + encodeURIComponent(key) + '?deliveries=false',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(await problemOf(response));
  return response.json();
}

function section(title, count, ...content) {
  return el('section', { class: 'bs-section' },
    el('h3', {}, title, count === undefined ? '' : el('span', { class: 'bs-count' }, ' (' + count + ')')), ...content);
}

function table(headings, rows) {
  return el('table', { class: 'bs-table' },
    el('thead', {}, el('tr', {}, headings.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c))))));
}

const none = text => el('p', { class: 'bs-none' }, text);

function services(incident) {
  return (incident.affectedServices || '').split(',').map(s => s.trim()).filter(Boolean);
}

function summary(details) {
  const incident = details.incident;
  const times = details.times || {};
  const severity = incident.severity || 'no severity';
  const tone = (incident.severity || 'none').toLowerCase();
  const keyTimes = [['Declared', times.declared], ['Triaged', times.triaged], ['Mitigated', times.mitigated],
    ['Resolved', times.resolved], ['Closed', times.closed]];
  return el('header', { class: 'bs-summary sev-' + tone },
    el('div', { class: 'bs-headline' },
      el('span', { class: 'bs-severity' }, severity),
      el('span', { class: 'bs-status' }, incident.status),
      el('span', { class: 'bs-key' }, incident.key)),
    el('h2', { class: 'bs-title' }, incident.title),
    el('dl', { class: 'bs-facts' },
      el('dt', {}, 'Services'), el('dd', { 'data-field': 'services' }, services(incident).join(', ') || 'not triaged yet'),
      el('dt', {}, 'Commander'), el('dd', { 'data-field': 'commander' }, details.commander || 'nobody yet'),
      el('dt', {}, 'Impact'), el('dd', {}, incident.customerImpact || '-'),
      incident.rootCause ? [el('dt', {}, 'Root cause'), el('dd', {}, incident.rootCause)] : null,
      incident.resolution ? [el('dt', {}, 'Resolution'), el('dd', {}, incident.resolution)] : null),
    el('ol', { class: 'bs-times' }, keyTimes.map(([label, at]) =>
      el('li', { class: at ? 'done' : 'open' }, el('span', {}, label), ' ', el('time', { datetime: at || '' }, at ? when(at) : '—')))));
}

/** {@code live}: the incident's key, a redraw and where to tell a failure, for the pin toggles; absent in a read-only view. */
function timeline(details, live) {
  const lines = (details.timeline || []).slice().reverse();
  return section('Timeline, newest first', lines.length, lines.length === 0 ? none('Nothing yet.') :
    el('ol', { class: 'bs-timeline' + (live ? ' bs-pinnable' : '') }, lines.map(line => el('li', {
      class: 'kind-' + line.kind.toLowerCase() + (line.pinnedBy ? ' bs-pinned' : ''), 'data-entry': line.id },
      live ? pinToggle(line, live) : null,
      el('time', { datetime: line.at }, when(line.at)),
      el('span', { class: 'bs-kind' }, KIND_LABELS[line.kind] || line.kind),
      el('span', { class: 'bs-actor' }, line.actor || 'system'),
      el('span', { class: 'bs-what' },
        line.visibility === 'commanders' ? el('span', { class: 'bs-private', title: 'Only commanders and admins see this' },
          'commanders only') : null,
        [line.stepName, line.detail].filter(Boolean).join(': ') || line.kind)))));
}

/** Closed incidents most like this one, with their postmortems: what was learnt last time. */
function seenBefore(details) {
  const similar = details.seenBefore || [];
  return el('section', { class: 'bs-section bs-seen-before' },
    el('h3', {}, 'Seen before?', el('span', { class: 'bs-count' }, ' (' + similar.length + ')')),
    similar.length === 0 ? none('No similar closed incident.') :
      el('ul', { class: 'bs-link-list' }, similar.map(s => el('li', { class: 'bs-link-line', 'data-incident': s.incidentKey },
        el('a', { href: '/incidents/' + encodeURIComponent(s.incidentKey), target: '_blank' }, s.incidentKey), ' ', s.title,
        el('span', { class: 'bs-link-status' }, ' (' + [s.severity, s.closedAt ? 'closed ' + when(s.closedAt) : null]
          .filter(Boolean).join(', ') + ')'),
        s.postmortemUrl ? [' — ', el('a', { href: s.postmortemUrl, target: '_blank', class: 'bs-postmortem' }, 'postmortem')] : ''))));
}

function notices(details) {
  const rows = (details.notices || []).slice().reverse();
  return section('Notices sent', rows.length, rows.length === 0 ? none('No notice sent yet.') :
    table(['When', 'Notice', 'Channel', 'Language', 'Sent', 'Refused', 'Pending'], rows.map(n =>
      [when(n.lastSentAt || n.firstSentAt), n.step, n.channel, n.language || 'all', n.sent, n.refused, n.pending])));
}

function pages(details) {
  const sent = (details.pages || []).slice().reverse();
  const answers = (details.acknowledgements || []).slice().reverse();
  return section('Pages', sent.length,
    answers.length === 0 ? (sent.length === 0 ? null : el('p', { class: 'bs-unanswered' }, 'Nobody has answered the pages.')) :
      el('ul', { class: 'bs-answers' }, answers.map(a => el('li', {},
        'Answered by ', el('strong', {}, a.by), ' via ' + a.via + ' at ' + when(a.at) + (a.note ? ': ' + a.note : '')))),
    sent.length === 0 ? none('Nobody paged.') :
      table(['When', 'Page', 'Channel', 'To', 'State'], sent.map(p => [when(p.sentAt), p.step, p.channel, p.recipient, p.state])));
}

function vendorCases(details) {
  const cases = (details.vendorCases || []).slice().reverse();
  return section('Vendor cases', cases.length, cases.length === 0 ? none('No vendor case.') :
    table(['Opened', 'Vendor', 'Case', 'State', 'Acknowledged', 'SLA breached', 'Closed'], cases.map(c => [
      when(c.openedAt), c.vendor,
      c.caseUrl && /^https?:\/\//.test(c.caseUrl) ? el('a', { href: c.caseUrl, target: '_blank', rel: 'noopener' }, c.caseNumber) : c.caseNumber,
      c.keptAfterClose && c.state === 'OPEN' ? 'OPEN (kept after the incident closed)' : c.state,
      when(c.acknowledgedAt), when(c.slaBreachedAt), when(c.closedAt)])));
}

function alerts(details) {
  const list = details.alerts || [];
  const count = details.alertCount ?? list.length;
  return section('Alerts', count, list.length === 0 ? none('No alert.') :
    [table(['First seen', 'Status', 'Alert', 'Source', 'Times'], list.map(a =>
      [when(a.firstSeenAt), a.status, a.summary, a.source, a.occurrences])),
    count > list.length ? el('p', { class: 'bs-none' }, 'The newest ' + list.length + ' of ' + count + '.') : null]);
}

function statusPage(details) {
  const page = details.statusPage;
  return section('Status page', undefined, !page ? none('Not on the status page yet.') :
    el('ul', { class: 'bs-components' },
      page.components.map(c => el('li', { 'data-component': c.id }, el('span', { class: 'bs-name' }, c.name), ' ',
        el('span', { class: 'state state-' + c.state }, c.label))),
      el('li', { class: 'bs-none' }, 'Phase: ' + page.phase)));
}

/** The postmortem's action items: overdue ones first, then open ones by due date, then those done. */
function actionItems(details) {
  const items = (details.actionItems || []).slice();
  const rank = item => item.overdue ? 0 : item.status === 'open' ? 1 : 2;
  items.sort((a, b) => rank(a) - rank(b) || String(a.dueOn).localeCompare(String(b.dueOn)) || a.id - b.id);
  const open = items.filter(item => item.status === 'open').length;
  const state = item => item.overdue ? el('span', { class: 'bs-overdue' }, 'OVERDUE')
    : item.status === 'open' ? 'open' : el('span', { class: 'bs-done' }, 'done' + (item.closedBy ? ' (' + item.closedBy + ')' : ''));
  const ticket = item => !item.ticketKey ? '-' : item.ticketUrl && /^https?:\/\//.test(item.ticketUrl)
    ? el('a', { href: item.ticketUrl, target: '_blank', rel: 'noopener' }, item.ticketKey) : item.ticketKey;
  return section('Action items', items.length === 0 ? undefined : open + ' open of ' + items.length,
    items.length === 0 ? none('No action item yet.') :
      el('div', { class: 'bs-action-items' }, table(['#', 'Action', 'Kind', 'Owner', 'Due', 'State', 'Ticket'], items.map(item =>
        [String(item.id), item.title, item.kind, item.owner, item.dueOn, state(item), ticket(item)]))));
}

function sections(details, live) {
  return [keyTimesSection(details), seenBefore(details), linksSection(details, live), timeline(details, live),
    notices(details), pages(details), statusPage(details), vendorCases(details), alerts(details), actionItems(details)];
}

/** The read-only view: the same in the tab and on the page. */
export function renderIncident(container, details) {
  container.replaceChildren(summary(details), ...sections(details));
}

export async function send(method, path, body) {
  const response = await fetch(path, {
    method, credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body)
  });
  if (!response.ok) throw new Error(await problemOf(response));
  return response;
}

/** Note, re-triage and component states; built once so that polling never wipes what someone is typing. */
function actions(key, refresh) {
  const message = el('p', { class: 'bs-message', role: 'status', 'aria-live': 'polite' });
  const say = (text, failed) => { message.textContent = text; message.className = 'bs-message' + (failed ? ' bs-error' : ' bs-ok'); };
  const act = (button, work, done) => async event => {
    event.preventDefault();
    button.disabled = true;
    try {
      await work();
      say(done, false);
      await refresh();
    } catch (e) {
      say(e.message, true);
    } finally {
      button.disabled = false;
    }
  };

  const noteText = el('textarea', { name: 'note', rows: 2, maxlength: 2000, placeholder: 'What happened, what you decided', required: true });
  const noteButton = el('button', { type: 'submit' }, 'Add note');
  const privateNote = el('input', { type: 'checkbox', name: 'commandersOnly' });
  const privateLabel = el('label', { class: 'bs-private-choice', hidden: true }, el('span', {}, privateNote, ' Commanders only'));
  isCommander().then(yes => { privateLabel.hidden = !yes; });
  const noteForm = el('form', { class: 'bs-note' }, el('label', {}, 'Note', noteText), privateLabel, noteButton);
  noteForm.addEventListener('submit', act(noteButton, async () => {
    await send('POST', '/api/incidents/' + encodeURIComponent(key) + '/notes',
      { text: noteText.value, visibility: privateNote.checked ? 'commanders' : 'all' });
    noteText.value = '';
    privateNote.checked = false;
  }, 'Note added.'));

  const severity = el('select', { name: 'severity' }, el('option', { value: '' }, 'keep'), SEVERITIES.map(s => el('option', { value: s }, s)));
  const servicesInput = el('input', { name: 'affectedServices', type: 'text', placeholder: 'mail,web' });
  const impact = el('textarea', { name: 'customerImpact', rows: 2, placeholder: 'What customers notice' });
  const triageButton = el('button', { type: 'submit' }, 'Re-triage');
  const triageForm = el('form', { class: 'bs-retriage' },
    el('label', {}, 'Severity', severity), el('label', {}, 'Services', servicesInput), el('label', {}, 'Impact', impact), triageButton);
  triageForm.addEventListener('submit', act(triageButton, async () => {
    const body = {};
    if (severity.value) body.severity = severity.value;
    if (servicesInput.value.trim()) body.affectedServices = servicesInput.value.trim();
    if (impact.value.trim()) body.customerImpact = impact.value.trim();
    if (Object.keys(body).length === 0) throw new Error('Change the severity, the services or the impact first.');
    await send('POST', '/api/incidents/' + encodeURIComponent(key) + '/triage', body);
    severity.value = '';
    impact.value = '';
  }, 'Re-triaged.'));

  const components = el('div', { class: 'bs-component-states' });
  let shown = '';
  const showComponents = (details) => {
    const list = details.statusPage ? details.statusPage.components : services(details.incident).map(id => ({ id, name: id, state: '' }));
    const signature = JSON.stringify(list.map(c => [c.id, c.state]));
    if (signature === shown || components.contains(document.activeElement)) return;
    shown = signature;
    components.replaceChildren(...(list.length === 0 ? [none('No affected component yet.')] : list.map(c => {
      const state = el('select', { name: 'state-' + c.id }, COMPONENT_STATES.map(([code, label]) =>
        el('option', { value: code, selected: code === c.state }, label)));
      const button = el('button', { type: 'submit' }, 'Set');
      const form = el('form', { class: 'bs-component', 'data-component': c.id }, el('label', {}, c.name, state), button);
      form.addEventListener('submit', act(button, () => send('PUT', '/api/incidents/' + encodeURIComponent(key)
        + '/components/' + encodeURIComponent(c.id), { state: state.value }), c.name + ': state set.'));
      return form;
    })));
  };

  const node = el('section', { class: 'bs-section bs-actions' }, el('h3', {}, 'Act'), message, noteForm,
    el('details', { class: 'bs-open-retriage' }, el('summary', {}, 'Re-triage: severity, services, impact'), triageForm),
    el('details', { class: 'bs-open-components' }, el('summary', {}, 'Status page: state of each affected component'), components),
    pageMorePanel(key, act, say), onSitePanel(key, act, say),
    runbookPanel(key, act, say), deferredWorkPanel(key, act, say));
  return { node, update: showComponents, severity, servicesInput, impact };
}

// Monitoring: a resolved incident is watched until a time; commanders may reopen it or close it now.
let commanderCheck = null;

/** Whether the logged-in user is a commander (or an admin); the API decides in the end, this only hides buttons. */
function isCommander() {
  if (!commanderCheck) {
    commanderCheck = (async () => {
      const get = path => fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      const me = await (await get('/camunda/api/admin/auth/user/default')).json();
      const groups = await get('/camunda/api/engine/engine/default/group?member=' + encodeURIComponent(me.userId));
      if (!groups.ok) return false;
      return (await groups.json()).some(g => g.id === 'incident-commanders' || g.id === 'platform-admins');
    })().catch(() => false);
  }
  return commanderCheck;
}

function clockTime(iso) {
  return new Date(iso).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** "Monitoring until HH:MM", and for commanders Reopen and Close now, each asking why. */
function monitoringPanel(key, refresh) {
  const until = el('strong', { 'data-field': 'monitoring-until' });
  const message = el('p', { class: 'bs-message', role: 'status', 'aria-live': 'polite' });
  const buttons = el('span', { class: 'bs-lifecycle-buttons', hidden: true });
  const call = (button, action, question, required) => async () => {
    const reason = window.prompt(question, '');
    if (reason === null) return;
    if (required && !reason.trim()) {
      message.textContent = 'Say why, so the timeline and the postmortem know.';
      message.className = 'bs-message bs-error';
      return;
    }
    button.disabled = true;
    try {
      await send('POST', '/api/incidents/' + encodeURIComponent(key) + '/' + action, { reason: reason.trim() });
      message.textContent = action === 'reopen' ? 'Reopened: back to Mitigate.' : 'Closed.';
      message.className = 'bs-message bs-ok';
      await refresh();
    } catch (e) {
      message.textContent = e.message;
      message.className = 'bs-message bs-error';
    } finally {
      button.disabled = false;
    }
  };
  const reopen = el('button', { type: 'button', class: 'bs-reopen' }, 'Reopen');
  reopen.addEventListener('click', call(reopen, 'reopen', 'Why reopen ' + key + '? (required)', true));
  const close = el('button', { type: 'button', class: 'bs-close-now' }, 'Close now');
  close.addEventListener('click', call(close, 'close', 'Why close ' + key + ' before the monitoring period ends? (optional)', false));
  buttons.append(reopen, ' ', close);
  isCommander().then(yes => { buttons.hidden = !yes; });
  const node = el('section', { class: 'bs-section bs-monitoring' }, el('h3', {}, 'Monitoring'),
    el('p', {}, 'Resolved and watched until ', until, '. Alerts of its group firing again reopen it. ', buttons), message);
  return { node, update(details) { until.textContent = details.monitoring.until ? clockTime(details.monitoring.until) : 'the period ends'; } };
}

/**
 * Shows the incident and keeps it current every few seconds until stop() is called.
 * options.actions: offer note, re-triage and component states (the tab, and the page of an open incident).
 */
export function mountIncident(container, key, options = {}) {
  const problem = el('p', { class: 'bs-error', hidden: true });
  // The actions sit between two parts that are redrawn: moving them would take the focus from someone typing.
  const head = el('div');
  const watch = el('div');
  const act = el('div');
  const record = el('div');
  const body = el('div');
  container.replaceChildren(problem, el('div', { class: 'bs-incident' }, head, watch, act, record, body));
  let timer = null;
  let stopped = false;
  let panel = null;
  let recordForms = null;
  let monitoring = null;

  const refresh = async () => {
    try {
      const details = await fetchIncident(key);
      if (stopped) return;
      problem.hidden = true;
      const open = details.incident.status !== 'closed' && details.incident.status !== 'cancelled';
      if (options.actions && open) {
        if (!panel) {
          panel = actions(key, refresh);
          panel.servicesInput.value = details.incident.affectedServices || '';
          act.replaceChildren(panel.node);
        }
        panel.update(details);
      } else if (panel) {
        panel = null;
        act.replaceChildren();
      }
      if (!recordForms) {
        recordForms = recordPanel(key, refresh);
        record.replaceChildren(recordForms.node);
      }
      recordForms.update(details);
      if (details.monitoring) {
        if (!monitoring) {
          monitoring = monitoringPanel(key, refresh);
          watch.replaceChildren(monitoring.node);
        }
        monitoring.update(details);
      } else if (monitoring) {
        monitoring = null;
        watch.replaceChildren();
      }
      head.replaceChildren(summary(details));
      body.replaceChildren(...sections(details, { key, refresh, say: recordForms.say }));
      if (options.onLoad) options.onLoad(details);
    } catch (e) {
      if (stopped) return;
      problem.textContent = e.message;
      problem.hidden = false;
    }
  };
  const loop = async () => {
    await refresh();
    if (!stopped) timer = setTimeout(loop, options.everyMs || 5000);
  };
  loggedIn().then(yes => {
    if (yes) {
      loop();
    } else {
      problem.textContent = NOT_LOGGED_IN;
      problem.hidden = false;
    }
  });
  return { stop() { stopped = true; clearTimeout(timer); }, refresh };
}
