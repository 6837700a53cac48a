// Blackstart's Tasklist: the incident tab in the task view.
export default {
  customScripts: ['blackstart/incident-tab.js']
};
