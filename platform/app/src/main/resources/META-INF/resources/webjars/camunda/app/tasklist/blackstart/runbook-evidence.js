// The Evidence tab in Tasklist's task view, for runbook steps: the files attached to the step, and an upload
// (screenshots, logs) through POST /api/runbook-steps/{taskId}/evidence, which checks size, type and who works the step.
import { el, problemOf, when } from '/incidents/assets/incident-view.js';

function size(bytes) {
  if (bytes < 1024) return bytes + ' bytes';
  if (bytes < 1024 * 1024) return Math.round(bytes / 1024) + ' KB';
  return (bytes / (1024 * 1024)).toFixed(1) + ' MB';
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(await problemOf(response));
  return response.json();
}

async function isRunbookStep(api, taskId) {
  const task = await getJson(api.engineApi + '/task/' + encodeURIComponent(taskId));
  if (!task.processInstanceId) return false;
  const instance = await getJson(api.engineApi + '/process-instance/' + encodeURIComponent(task.processInstanceId));
  if (!instance.businessKey) return false;
  const response = await fetch('/api/incidents/' + encodeURIComponent(instance.businessKey) + '/runbooks',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) return false;
  return (await response.json()).some(run => run.steps.some(step => step.taskId === taskId));
}

export default [{
  id: 'blackstart.runbook-evidence',
  pluginPoint: 'tasklist.task.detail',
  // right after the incident tab
  priority: 45,
  properties: { label: 'Evidence' },
  render(node, { api, taskId }) {
    const list = el('ul', { class: 'bs-evidence-list' });
    const message = el('p', { class: 'bs-message', role: 'status', 'aria-live': 'polite' });
    const file = el('input', { type: 'file', name: 'file', required: true });
    const button = el('button', { type: 'submit' }, 'Attach');
    const form = el('form', { class: 'bs-evidence-upload' }, el('label', {}, 'Screenshot or log ', file), ' ', button);
    const root = el('div', { class: 'bs-console bs-tab' }, el('p', { class: 'bs-none' }, 'Loading…'));
    node.replaceChildren(root);

    const refresh = async () => {
      const files = await getJson('/api/runbook-steps/' + encodeURIComponent(taskId) + '/evidence');
      list.replaceChildren(...(files.length === 0 ? [el('li', { class: 'bs-none' }, 'No evidence attached yet.')]
        : files.map(f => el('li', {}, el('a', { href: f.url }, f.name), ', ' + size(f.size) + ', by ' + f.addedBy + ' '
          + when(f.addedAt)))));
    };
    form.addEventListener('submit', async event => {
      event.preventDefault();
      if (!file.files.length) return;
      button.disabled = true;
      try {
        const body = new FormData();
        body.append('file', file.files[0]);
        const response = await fetch('/api/runbook-steps/' + encodeURIComponent(taskId) + '/evidence',
          { method: 'POST', credentials: 'same-origin', body, headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(await problemOf(response));
        message.textContent = 'Attached: ' + file.files[0].name + '; it is listed on the incident too.';
        message.className = 'bs-message bs-ok';
        file.value = '';
        await refresh();
      } catch (e) {
        message.textContent = e.message;
        message.className = 'bs-message bs-error';
      } finally {
        button.disabled = false;
      }
    });

    isRunbookStep(api, taskId).then(async yes => {
      if (!yes) {
        root.replaceChildren(el('p', { class: 'bs-none' }, 'Evidence is attached to the steps of runbooks; this task is not one.'));
        return;
      }
      root.replaceChildren(el('h3', {}, 'Evidence for this step'), list, form, message);
      await refresh();
    }).catch(e => root.replaceChildren(el('p', { class: 'bs-error' }, e.message)));
  }
}];
