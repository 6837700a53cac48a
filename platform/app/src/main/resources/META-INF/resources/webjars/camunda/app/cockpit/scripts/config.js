// Blackstart's Cockpit: overrides the webjar's scripts/config.js (application resources come first).
// The header and the browser tab read "<vendor> <name>"; the logo and the hidden end-of-life banner
// are in styles/user-styles.css.
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Blackstart'
  },
  // The first-login box points to Camunda's welcome pages, not to Blackstart's.
  disableWelcomeMessage: true,
};
