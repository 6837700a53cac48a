// "Review the work the outage delayed": the commander names the outage window; the platform asks the scheduler
// which jobs were held back and opens a Tasklist task with a proposal per job.
import { el, send } from '/incidents/assets/incident-view.js';

const HOUR = 3600 * 1000;

function localValue(date) {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return shifted.toISOString().slice(0, 16);
}

export function deferredWorkPanel(key, act, say) {
  const now = new Date();
  const from = el('input', { type: 'datetime-local', name: 'outageFrom', required: true, value: localValue(new Date(now.getTime() - 8 * HOUR)) });
  const to = el('input', { type: 'datetime-local', name: 'outageTo', required: true, value: localValue(now) });
  const button = el('button', { type: 'submit' }, 'Review the delayed jobs');
  const form = el('form', { class: 'bs-deferred-work' },
    el('label', {}, 'Outage from', from), el('label', {}, 'until', to), button);
  form.addEventListener('submit', act(button, async () => {
    if (!from.value || !to.value) throw new Error('Give the start and the end of the outage.');
    await send('POST', '/api/incidents/' + encodeURIComponent(key) + '/deferred-work',
      { from: new Date(from.value).toISOString(), to: new Date(to.value).toISOString() });
  }, 'Review started: the task "Review … delayed jobs" is in Tasklist for the commanders.'));
  return el('details', { class: 'bs-open-deferred-work' }, el('summary', {}, 'Review the work the outage delayed'),
    el('p', { class: 'bs-hint' }, 'Mailings and other jobs the scheduler held back during the outage: each is proposed to run now, '
      + 'to ask its customer, or to cancel (more than 24 h late). Nothing runs before a commander approves.'),
    form);
}
