// The task list refreshes itself when a task changes. It never changes under the person's pointer or while they
// use a form in it (choosing whom to assign a task to): the refresh waits until they leave the list, then happens once.
// A refresh says which rows it shows (their versions); the server sends the rows that changed, and a placeholder for
// each of the others, which is filled with the row the list already has.
(function () {
  let pointerInList = false;
  let rowsBeforeSwap = null;
  let askForEveryRow = false;

  function list() {
    return document.getElementById('task-list');
  }

  function inUse(element) {
    const active = document.activeElement;
    const typing = active && active !== document.body && element.contains(active) && active.closest('form');
    return pointerInList || Boolean(typing);
  }

  function refreshIfLeft() {
    const element = list();
    if (element && element.dataset.stale && !inUse(element)) {
      delete element.dataset.stale;
      htmx.trigger(element, 'refresh');
    }
  }

  document.addEventListener('htmx:beforeRequest', function (event) {
    const element = list();
    if (element && event.detail.elt === element && inUse(element)) {
      event.preventDefault();
      element.dataset.stale = 'yes';
    }
  });

  document.addEventListener('htmx:configRequest', function (event) {
    const element = list();
    if (element && event.detail.elt === element) {
      event.detail.parameters.shown = askForEveryRow ? '' : Array.from(element.querySelectorAll('tr[data-version]'))
          .map(function (row) { return row.dataset.taskId + '.' + row.dataset.version; }).join(',');
      askForEveryRow = false;
    }
  });

  document.addEventListener('htmx:beforeSwap', function (event) {
    if (event.detail.target === list()) {
      rowsBeforeSwap = new Map();
      event.detail.target.querySelectorAll('tr[data-version]').forEach(function (row) {
        rowsBeforeSwap.set(row.dataset.taskId, row);
      });
    }
  });

  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.target !== list()) {
      return;
    }
    let missing = false;
    event.target.querySelectorAll('tr[data-kept]').forEach(function (placeholder) {
      const row = rowsBeforeSwap && rowsBeforeSwap.get(placeholder.dataset.taskId);
      if (row) {
        placeholder.replaceWith(row);
      } else {
        missing = true;
      }
    });
    rowsBeforeSwap = null;
    if (missing) {
      // Not what this list showed (it changed while the answer was on its way): ask for every row once.
      askForEveryRow = true;
      htmx.trigger(event.target, 'refresh');
    }
  });

  document.addEventListener('mousemove', function (event) {
    const inside = Boolean(event.target.closest && event.target.closest('#task-list'));
    if (inside !== pointerInList) {
      pointerInList = inside;
      refreshIfLeft();
    }
  });

  document.addEventListener('focusout', function () {
    setTimeout(refreshIfLeft, 0);
  });

  // Whether the list hears of changes right now (the browser reconnects by itself after a restart).
  document.addEventListener('htmx:sseOpen', function () {
    document.body.dataset.live = 'yes';
  });
  document.addEventListener('htmx:sseError', function () {
    delete document.body.dataset.live;
  });
})();
