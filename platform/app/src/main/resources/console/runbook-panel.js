// "Run a runbook": the runbooks deployed (GET /api/runbooks), one started for the incident on a click, and the
// incident's runs with their open steps and evidence. The API decides who may start one (commanders and admins).
import { el, send, when } from '/incidents/assets/incident-view.js';

const OUTCOMES = { running: 'running', completed: 'completed', stopped: 'stopped', cancelled: 'cancelled' };

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error('Could not read ' + path + ' (' + response.status + ')');
  return response.json();
}

function size(bytes) {
  if (bytes < 1024) return bytes + ' bytes';
  if (bytes < 1024 * 1024) return Math.round(bytes / 1024) + ' KB';
  return (bytes / (1024 * 1024)).toFixed(1) + ' MB';
}

function runItem(run) {
  const steps = run.steps.length === 0 ? [] : [el('ul', { class: 'bs-runbook-steps' }, run.steps.map(step =>
    el('li', {}, 'Now: ', el('a', { href: '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(step.taskId) }, step.name),
      step.assignee ? ' (' + step.assignee + ')' : '')))];
  const files = run.evidence.length === 0 ? [] : [el('ul', { class: 'bs-runbook-evidence' }, run.evidence.map(file =>
    el('li', {}, 'evidence: ', el('a', { href: file.url }, file.name), ', ' + size(file.size) + ' - ' + file.step
      + ', by ' + file.addedBy)))];
  return el('li', { class: 'bs-runbook-run', 'data-outcome': run.outcome },
    el('strong', {}, run.name), ' ' + (OUTCOMES[run.outcome] || run.outcome) + ', started by ' + run.startedBy + ' '
      + when(run.startedAt), ...steps, ...files);
}

/** The panel: a <details> that lists the runbooks when opened, and the incident's runs. */
export function runbookPanel(key, act, say) {
  const choice = el('select', { name: 'runbook', required: true }, el('option', { value: '' }, 'Loading the runbooks...'));
  const description = el('p', { class: 'bs-runbook-description' });
  const button = el('button', { type: 'submit' }, 'Run this runbook');
  const runs = el('ul', { class: 'bs-runbook-runs' });
  let runbooks = [];

  const showRuns = async () => {
    const list = await getJson('/api/incidents/' + encodeURIComponent(key) + '/runbooks');
    runs.replaceChildren(...(list.length === 0 ? [el('li', {}, 'No runbook has run for this incident.')] : list.map(runItem)));
  };
  const load = async () => {
    try {
      runbooks = await getJson('/api/runbooks');
      choice.replaceChildren(el('option', { value: '' }, runbooks.length === 0 ? 'No runbook is deployed' : 'Choose a runbook'),
        ...runbooks.map(r => el('option', { value: r.key }, r.name + ' (v' + r.version + ')')));
      await showRuns();
    } catch (e) {
      say(e.message, true);
    }
  };
  choice.addEventListener('change', () => {
    const chosen = runbooks.find(r => r.key === choice.value);
    description.textContent = chosen && chosen.description ? chosen.description : '';
  });

  const form = el('form', { class: 'bs-runbook' }, el('label', {}, 'Runbook', choice), description, button);
  form.addEventListener('submit', act(button, async () => {
    if (!choice.value) throw new Error('Choose a runbook first.');
    await send('POST', '/api/incidents/' + encodeURIComponent(key) + '/runbooks', { runbook: choice.value });
    await showRuns();
  }, 'Runbook started: its first step is in Tasklist.'));

  const panel = el('details', { class: 'bs-open-runbooks' }, el('summary', {}, 'Run a runbook'), form,
    el('h4', {}, 'Runbooks of this incident'), runs);
  panel.addEventListener('toggle', () => { if (panel.open) load(); });
  return panel;
}
