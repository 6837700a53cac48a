// /incidents/{key}: one incident, open or closed, kept current while it is open.
import { el, mountIncident } from '/incidents/assets/incident-view.js';

const key = decodeURIComponent(location.pathname.replace(/\/+$/, '').split('/').pop());
const root = document.getElementById('incident');
document.title = key + ' · Blackstart';
const view = mountIncident(root, key, {
  actions: false,
  onLoad(details) {
    document.title = details.incident.key + ' ' + details.incident.title + ' · Blackstart';
    // A closed incident no longer changes: read it once.
    if (details.incident.status === 'closed' || details.incident.status === 'cancelled') view.stop();
  }
});
root.prepend(el('p', { class: 'bs-link' }, el('a', { href: '/incidents' }, '← All incidents')));
