// The console's code (the incident view, from /incidents/assets) is loaded when a tab first renders, not when
// Tasklist starts: a custom script that fails to load leaves Tasklist blank, and if the console's code cannot be
// had, a commander at 3 a.m. must still see the task list and the forms. The tab then says what went wrong.
let loading = null;

export function loadConsole() {
  if (!loading) {
    loading = import('/incidents/assets/incident-view.js').catch(e => {
      loading = null;
      throw new Error('The incident view could not be loaded (' + e.message + '); reload the page to try again.');
    });
  }
  return loading;
}

/** A tab's content while the console loads, or why it could not. */
export function notice(className, text) {
  const line = document.createElement('p');
  line.className = className;
  line.textContent = text;
  const root = document.createElement('div');
  root.className = 'bs-console bs-tab';
  root.append(line);
  return root;
}
