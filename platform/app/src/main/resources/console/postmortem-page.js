// /incidents/{key}/postmortem: the postmortem as the team reads it, its draft built from what was recorded.
// Everything people typed goes in as text, never as HTML.
import { el, loggedIn, problemOf, NOT_LOGGED_IN } from '/incidents/assets/incident-view.js';

const key = decodeURIComponent(location.pathname.replace(/\/+$/, '').split('/').slice(-2)[0]);
const root = document.getElementById('postmortem');
document.title = 'Postmortem ' + key + ' · Blackstart';

const NOT_RECORDED = 'not recorded';
const KEY_TIMES = ['impact_started', 'detected', 'acknowledged', 'mitigated', 'resolved', 'closed'];
const STATUS_LABELS = { draft: 'Draft', 'in-review': 'In review', approved: 'Approved', published: 'Published' };

function utc(iso) {
  if (!iso) return NOT_RECORDED;
  return new Date(iso).toISOString().replace('T', ' ').substring(0, 16) + ' UTC';
}

function label(name) {
  const spaced = name.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.substring(1);
}

function length(minutes) {
  if (minutes === null || minutes === undefined) return NOT_RECORDED;
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  const days = Math.floor(m / 1440), hours = Math.floor(m / 60) % 24, rest = m % 60;
  if (days > 0) return sign + days + ' d ' + hours + ' h' + (rest ? ' ' + rest + ' min' : '');
  if (hours > 0) return sign + hours + ' h' + (rest ? ' ' + rest + ' min' : '');
  return sign + rest + ' min';
}

function section(title, ...content) {
  return el('section', { class: 'bs-section' }, el('h3', {}, title), ...content);
}

function text(value, empty) {
  return value && value.trim() ? el('p', { class: 'bs-text' }, value) : el('p', { class: 'bs-none' }, empty || 'Not written yet.');
}

function table(headings, rows) {
  return el('table', { class: 'bs-table' },
    el('thead', {}, el('tr', {}, headings.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map(c => el('td', {}, c === null || c === undefined ? NOT_RECORDED : c))))));
}

function render(pm) {
  const facts = pm.facts, incident = facts.incident, sections = pm.sections || {};
  const severity = (incident.severity || 'none').toLowerCase();
  const nodes = [
    el('p', { class: 'bs-link' }, el('a', { href: '/incidents/' + encodeURIComponent(key) }, '← ' + key),
      ' · ', el('a', { href: pm.links.markdown }, 'Markdown'), ' · ', el('a', { href: pm.links.pdf }, 'PDF'),
      pm.links.report ? [' · ', el('a', { href: pm.links.report }, 'Public report')] : null),
    el('div', { class: 'bs-summary sev-' + severity },
      el('div', { class: 'bs-headline' }, el('span', { class: 'bs-severity' }, incident.severity || 'untriaged'),
        el('span', { class: 'bs-status', id: 'postmortem-status' }, 'Postmortem · ' + (STATUS_LABELS[pm.status] || pm.status)),
        el('span', { class: 'bs-key' }, key)),
      el('h2', { class: 'bs-title' }, pm.title),
      el('dl', { class: 'bs-facts' },
        el('dt', {}, 'Commander'), el('dd', {}, incident.commander || NOT_RECORDED),
        el('dt', {}, 'Written by'), el('dd', {}, pm.author || 'not yet'),
        el('dt', {}, 'Reviewer'), el('dd', {}, pm.reviewer || 'not yet'),
        el('dt', {}, 'Review meeting'), el('dd', {}, pm.meetingAt ? utc(pm.meetingAt) : 'not set'))),
    section('Summary', text(sections.summary || incident.summary)),
    section('Impact',
      el('dl', { class: 'bs-facts' },
        el('dt', {}, 'Services'), el('dd', {}, facts.impact.services.length ? facts.impact.services.join(', ') : NOT_RECORDED),
        el('dt', {}, 'What customers noticed'), el('dd', {}, facts.impact.customerImpact || NOT_RECORDED),
        el('dt', {}, 'Customers and subscribers told'), el('dd', {}, String(facts.impact.customers))),
      facts.impact.notices.length
        ? table(['Notice', 'Channel', 'Language', 'Sent', 'Refused', 'Pending'],
          facts.impact.notices.map(n => [n.step, n.channel, n.language || 'all', n.sent, n.refused, n.pending]))
        : el('p', { class: 'bs-none' }, 'No customer notices were sent.')),
    section('Key times and durations',
      table(['Key time', 'At'], KEY_TIMES.map(name => [label(name), utc(facts.keyTimes[name])])),
      table(['Duration', 'From', 'To', 'Length'], facts.durations.map(s => [s.label, label(s.from), label(s.to), length(s.minutes)]))),
    section('Trigger', text(sections.trigger)),
    section('Contributing factors', text(sections.contributingFactors)),
    section('What went well', text(sections.wentWell)),
    section('What went wrong', text(sections.wentWrong)),
    section('Where we got lucky', text(sections.gotLucky)),
    section('Timeline (pinned entries)', facts.pinned.length
      ? el('ol', { class: 'bs-timeline', id: 'postmortem-pinned' }, facts.pinned.map(p => el('li', { class: 'kind-' + p.kind.toLowerCase() },
        el('time', {}, utc(p.at).substring(5)), el('span', { class: 'bs-kind' }, p.kind.toLowerCase()),
        el('span', { class: 'bs-actor' }, p.actor || ''), el('span', { class: 'bs-what' }, p.detail || p.step || ''))))
      : el('p', { class: 'bs-none' }, 'Nothing was pinned. Pin timeline entries on the incident page or in the incident tab.')),
    section('Alerts (' + facts.alertCount + ')', facts.alerts.length
      ? table(['First seen', 'Source', 'Summary', 'Severity', 'Resolved'],
        facts.alerts.map(a => [utc(a.firstSeenAt), a.source, a.summary, a.severity, a.resolvedAt ? utc(a.resolvedAt) : null]))
      : el('p', { class: 'bs-none' }, 'No alerts were recorded.')),
    section('Pages and who answered', facts.pages.length
      ? table(['Sent', 'Page', 'Channel', 'To', 'State'], facts.pages.map(p => [utc(p.sentAt), p.step, p.channel, p.recipient, p.state]))
      : el('p', { class: 'bs-none' }, 'Nobody was paged.'),
      facts.answered.length ? el('ul', { class: 'bs-answers' }, facts.answered.map(a => el('li', {}, 'Answered by ' + a.by + ' via ' + a.via + ' at ' + utc(a.at)))) : null),
    section('Vendor cases', facts.vendorCases.length
      ? [table(['Vendor', 'Case', 'Opened', 'Acknowledged', 'Response time', 'Closed'],
        facts.vendorCases.map(c => [c.vendor, c.caseNumber, utc(c.openedAt), c.acknowledgedAt ? utc(c.acknowledgedAt) : null,
          length(c.responseMinutes), c.closedAt ? utc(c.closedAt) : null])),
        el('ul', { class: 'bs-answers' }, facts.vendorCases.flatMap(c => c.disputes.map(d =>
          el('li', {}, 'Dispute on ' + c.caseNumber + ': ' + d.outcome + (d.note ? ' (' + d.note + ')' : '') + ', settled by ' + (d.settledBy || NOT_RECORDED)))))]
      : el('p', { class: 'bs-none' }, 'No vendor cases were opened.')),
    section('Action items', facts.actionItems.length
      ? table(['Action', 'Kind', 'Owner', 'Due', 'Status', 'Ticket'],
        facts.actionItems.map(a => [a.title, a.kind, a.owner, a.dueOn, a.status,
          a.ticketUrl ? el('a', { href: a.ticketUrl }, a.ticketKey || a.ticketUrl) : (a.ticketKey || '')]))
      : el('p', { class: 'bs-none' }, 'No action items yet.')),
    section('For customers',
      el('h4', {}, 'What happened'), text(sections.customerSummary),
      el('h4', {}, 'What we are changing'), text(sections.customerChanges)),
    section('Reviews', pm.reviews.length
      ? el('ul', { class: 'bs-answers' }, pm.reviews.map(r => el('li', {}, utc(r.reviewedAt) + ' · ' + r.reviewer + ': ' +
        (r.verdict === 'approve' ? 'approved' : 'asked for changes') + (r.comments ? ' — ' + r.comments : ''))))
      : el('p', { class: 'bs-none' }, 'Not reviewed yet.')),
    el('p', { class: 'bs-none' }, 'Draft built ' + utc(facts.builtAt) + (pm.status === 'approved' || pm.status === 'published'
      ? ', as approved.' : ' from what was recorded; it is built again until the postmortem is approved.'))
  ];
  root.replaceChildren(...nodes);
  document.title = 'Postmortem ' + key + ' ' + pm.title + ' · Blackstart';
}

async function load() {
  if (!(await loggedIn())) {
    root.replaceChildren(el('p', { class: 'bs-error' }, NOT_LOGGED_IN));
    return;
  }
  const response = await fetch('/api/incidents/' + encodeURIComponent(key) + '/postmortem',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    root.replaceChildren(el('p', { class: 'bs-error' }, await problemOf(response)));
    return;
  }
  render(await response.json());
}

load().catch(error => root.replaceChildren(el('p', { class: 'bs-error' }, String(error.message || error))));
