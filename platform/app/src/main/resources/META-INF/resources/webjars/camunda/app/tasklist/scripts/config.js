// Blackstart's Tasklist: overrides the webjar's scripts/config.js (application resources come first).
// The header and the browser tab read "<vendor> <name>"; the logo and the hidden end-of-life banner
// are in styles/user-styles.css.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Blackstart'
  },
  // The first-login box points to Camunda's welcome pages, not to Blackstart's.
  disableWelcomeMessage: true,
  // Blackstart's Tasklist scripts (in ../blackstart/): the Incident tab of a task, and the incident key
  // and its Triage task after declaring from Start process. Every script listed must exist: Tasklist 7.24 renders nothing at
  // all when one fails to load.
  customScripts: ['blackstart/incident-tab.js', 'blackstart/declared.js', 'blackstart/runbook-evidence.js'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  },
};
