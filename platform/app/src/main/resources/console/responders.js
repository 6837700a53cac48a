// More people after the first answer: a commander pages someone else (a person, whoever a schedule has on call,
// or an escalation policy) and sends someone on site with a checklist. What people typed goes in as text.
// The choices are read from the on-call API when a panel is first opened, so a closed panel costs nothing.
import { el, problemOf } from '/incidents/assets/incident-view.js';

const CHECKLIST_ITEMS = 20;
const ITEM_LENGTH = 200;

async function read(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(await problemOf(response));
  return response.json();
}

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body)
  });
  if (!response.ok) throw new Error(await problemOf(response));
  return response.json();
}

function options(select, entries, empty) {
  select.replaceChildren(...(entries.length === 0 ? [el('option', { value: '' }, empty)]
    : entries.map(([value, label]) => el('option', { value }, label))));
}

/** Loads the choices once, the first time the panel opens; a failed load may be retried by opening it again. */
function onFirstOpen(details, load, say) {
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    try {
      await load();
    } catch (e) {
      loaded = false;
      say('Could not read the on-call directory: ' + e.message, true);
    }
  });
}

const peopleChoices = people => people.map(p => [p.id, (p.name || p.id) + ' (' + p.id + ')']);

/** "Page more people": one target of three kinds, and why. */
export function pageMorePanel(key, act, say) {
  const kind = el('select', { name: 'pageKind' },
    el('option', { value: 'schedule' }, 'Whoever is on call in a schedule'),
    el('option', { value: 'person' }, 'A person'),
    el('option', { value: 'policy' }, 'An escalation policy, level by level'));
  const target = el('select', { name: 'pageTarget', required: true }, el('option', { value: '' }, 'loading...'));
  const reason = el('input', { name: 'pageReason', type: 'text', maxlength: 500, placeholder: 'e.g. we need a database expert' });
  const button = el('button', { type: 'submit' }, 'Page');
  const form = el('form', { class: 'bs-page-more' },
    el('label', {}, 'Whom', kind), el('label', {}, 'Which', target), el('label', {}, 'Why', reason), button);
  const choices = { person: [], schedule: [], policy: [] };
  const show = () => options(target, choices[kind.value], 'none configured');
  kind.addEventListener('change', show);

  form.addEventListener('submit', act(button, async () => {
    if (!target.value) throw new Error('Choose whom to page first.');
    const body = { [kind.value]: target.value };
    if (reason.value.trim()) body.reason = reason.value.trim();
    await post('/api/incidents/' + encodeURIComponent(key) + '/pages', body);
    reason.value = '';
  }, 'Paged by phone and SMS: who is paged, and their answer, show on the timeline.'));

  const details = el('details', { class: 'bs-open-page-more' }, el('summary', {}, 'Page more people'), form);
  onFirstOpen(details, async () => {
    const [people, schedules, policies] = await Promise.all([
      read('/api/oncall/people'), read('/api/oncall/schedules'), read('/api/oncall/policies')]);
    choices.person = peopleChoices(people);
    choices.schedule = schedules.map(s => [s.name, s.name]);
    choices.policy = policies.map(p => [p.name, p.name]);
    show();
  }, say);
  return details;
}

/** "Send someone on site": who, where, and a checklist of one item per line. */
export function onSitePanel(key, act, say) {
  const person = el('select', { name: 'onSitePerson', required: true }, el('option', { value: '' }, 'loading...'));
  const site = el('input', { name: 'onSiteSite', type: 'text', maxlength: 200, required: true, placeholder: 'e.g. DC Amsterdam, hall 2' });
  const checklist = el('textarea', { name: 'onSiteChecklist', rows: 4, required: true,
    placeholder: 'One item per line, e.g.\nCheck PDU B of rack A3\nPhotograph the status lights' });
  const button = el('button', { type: 'submit' }, 'Send on site');
  const form = el('form', { class: 'bs-on-site' },
    el('label', {}, 'Who', person), el('label', {}, 'Where', site), el('label', {}, 'Checklist', checklist), button);

  form.addEventListener('submit', act(button, async () => {
    const items = checklist.value.split('\n').map(line => line.trim()).filter(Boolean);
    if (items.length === 0 || items.length > CHECKLIST_ITEMS) throw new Error('The checklist needs 1 to ' + CHECKLIST_ITEMS + ' items, one per line.');
    if (items.some(item => item.length > ITEM_LENGTH)) throw new Error('Each checklist item is at most ' + ITEM_LENGTH + ' characters.');
    await post('/api/incidents/' + encodeURIComponent(key) + '/on-site',
      { person: person.value, site: site.value.trim(), checklist: items });
    site.value = '';
    checklist.value = '';
  }, 'Sent on site: their check-in task is in Tasklist, and they are paged.'));

  const details = el('details', { class: 'bs-open-on-site' }, el('summary', {}, 'Send someone on site'), form);
  onFirstOpen(details, async () => options(person, peopleChoices(await read('/api/oncall/people')), 'nobody in the directory'), say);
  return details;
}
