// The incident tab in Tasklist's task view: the incident a task belongs to, kept current, with the
// commander's note, re-triage and component states. Tasks outside an incident get one short line.
import { el, mountIncident } from '/incidents/assets/incident-view.js';

let mounted = null;

function stylesheet() {
  if (!document.getElementById('blackstart-console-css')) {
    document.head.append(el('link', { id: 'blackstart-console-css', rel: 'stylesheet', href: '/incidents/assets/console.css' }));
  }
}

async function incidentKeyOf(api, taskId) {
  const get = async path => {
    const response = await fetch(api.engineApi + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('Tasklist answered ' + response.status + ' for ' + path);
    return response.json();
  };
  const task = await get('/task/' + encodeURIComponent(taskId));
  if (!task.processInstanceId) return null;
  const instance = await get('/process-instance/' + encodeURIComponent(task.processInstanceId));
  return instance.businessKey || null;
}

async function isIncident(key) {
  const response = await fetch('/api/incidents/' + encodeURIComponent(key) + '?deliveries=false',
    { method: 'HEAD', credentials: 'same-origin' });
  return response.status !== 404;
}

export default [{
  id: 'blackstart.incident',
  pluginPoint: 'tasklist.task.detail',
  // after the form (1), before description (100), diagram and history
  priority: 50,
  properties: { label: 'Incident' },
  render(node, { api, taskId }) {
    stylesheet();
    if (mounted) mounted.stop();
    mounted = null;
    const root = el('div', { class: 'bs-console bs-tab' }, el('p', { class: 'bs-none' }, 'Loading the incident…'));
    node.replaceChildren(root);
    incidentKeyOf(api, taskId).then(async key => {
      if (!key || !(await isIncident(key))) {
        root.replaceChildren(el('p', { class: 'bs-none' }, 'This task belongs to no incident.'));
        return;
      }
      const link = el('p', { class: 'bs-link' }, el('a', { href: '/incidents/' + encodeURIComponent(key), target: '_blank' },
        'Open the incident page of ' + key));
      const view = el('div');
      root.replaceChildren(link, view);
      mounted = mountIncident(view, key, { actions: true });
    }).catch(e => root.replaceChildren(el('p', { class: 'bs-error' }, e.message)));
  },
  unmount() {
    if (mounted) mounted.stop();
    mounted = null;
  }
}];
