// Declaring from Tasklist's "Start process": Camunda only says "The process has been started.", so a
// commander would not know the incident key nor where the incident's first task is. This script,
// loaded through config.js customScripts, watches the start form's answer (the process instance with
// its business key: the incident key the platform gave it as it started), says the key and opens the
// incident's first task (Triage) for the declarer.
//
// Tasklist starts processes through Camunda's JS SDK, not through AngularJS's $http, so the answer is
// read where both end: the browser's XMLHttpRequest.

const DECLARATION = /\/api\/engine\/engine\/([^/]+)\/process-definition\/(?:key\/major-incident|major-incident:[^/]+)\/submit-form$/;
const INCIDENT_KEY = /^INC-\d{4}-\d{4,}$/;
const TASK_WAIT_MS = 10000;
const TASK_POLL_MS = 500;
const DIALOG_WAIT_MS = 5000;
const DIALOG_POLL_MS = 100;

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;

XMLHttpRequest.prototype.open = function (method, url) {
  const path = String(url).split('?')[0].replace(/%3A/gi, ':');
  const match = String(method).toUpperCase() === 'POST' ? DECLARATION.exec(path) : null;
  this.blackstartDeclaration = match ? {engine: match[1], apiRoot: path.substring(0, path.indexOf('/api/engine/'))} : null;
  return open.apply(this, arguments);
};

XMLHttpRequest.prototype.send = function () {
  const declaration = this.blackstartDeclaration;
  if (declaration) {
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        try {
          declared(declaration, JSON.parse(this.responseText));
        } catch (unreadable) {
          console.error('Blackstart: cannot read the declared incident', unreadable);
        }
      }
    });
  }
  return send.apply(this, arguments);
};

function declared(declaration, instance) {
  const key = instance.businessKey;
  if (!instance.id || !INCIDENT_KEY.test(key || '')) {
    return;
  }
  notify('Incident ' + key + ' declared', 'Its Triage task opens now.');
  firstTask(declaration, instance.id, Date.now() + TASK_WAIT_MS).then((task) => {
    if (task) {
      openTask(task.id);
    } else {
      notify('Incident ' + key + ' declared', 'Its first task is not there yet: it appears in the task list.');
    }
  });
}

// Triage is created as the incident starts; the wait covers a slow node, not a normal declaration.
function firstTask(declaration, processInstanceId, deadline) {
  const url = declaration.apiRoot + '/api/engine/engine/' + encodeURIComponent(declaration.engine)
    + '/task?processInstanceId=' + encodeURIComponent(processInstanceId) + '&sortBy=created&sortOrder=asc&maxResults=1';
  return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => (response.ok ? response.json() : []))
    .catch(() => [])
    .then((tasks) => {
      if (tasks.length > 0 || Date.now() > deadline) {
        return tasks[0];
      }
      return new Promise((resolve) => setTimeout(resolve, TASK_POLL_MS))
        .then(() => firstTask(declaration, processInstanceId, deadline));
    });
}

function angularService(name) {
  const angular = window.angular;
  const injector = angular && angular.element(document.documentElement).injector();
  return injector && injector.has(name) ? injector.get(name) : null;
}

// A message added while the start dialog is open would show in the dialog's own panel and close
// with it: it is added once the dialog has gone, and stays until the commander closes it.
function notify(status, message) {
  const notifications = angularService('Notifications');
  const rootScope = angularService('$rootScope');
  if (!notifications || !rootScope) {
    return;
  }
  whenNoDialog(Date.now() + DIALOG_WAIT_MS, () => rootScope.$evalAsync(
    () => notifications.addMessage({status: status, message: message, exclusive: ['status']})));
}

function whenNoDialog(deadline, then) {
  if (!document.querySelector('.modal') || Date.now() > deadline) {
    then();
  } else {
    setTimeout(() => whenNoDialog(deadline, then), DIALOG_POLL_MS);
  }
}

// The task list keeps its filter, sorting and search in the address; only the selected task changes.
function openTask(taskId) {
  const location = angularService('$location');
  const rootScope = angularService('$rootScope');
  if (location && rootScope) {
    rootScope.$evalAsync(() => location.search('task', taskId));
    return;
  }
  window.location.hash = '#/?task=' + encodeURIComponent(taskId);
}

export default [];
