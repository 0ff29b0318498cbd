// The task list refreshes itself when a task changes. While the person is using a form in the list (choosing whom to
// assign a task to), a refresh would take the form away: it waits until they leave the list, then happens once.
(function () {
  function list() {
    return document.getElementById('task-list');
  }

  function inUse(element) {
    const active = document.activeElement;
    return active && active !== document.body && element.contains(active) && active.closest('form');
  }

  document.addEventListener('htmx:beforeRequest', function (event) {
    const element = list();
    if (element && event.detail.elt === element && inUse(element)) {
      event.preventDefault();
      element.dataset.stale = 'yes';
    }
  });

  // Whether the list hears of changes right now (the browser reconnects by itself after a restart).
  document.addEventListener('htmx:sseOpen', function () {
    document.body.dataset.live = 'yes';
  });
  document.addEventListener('htmx:sseError', function () {
    delete document.body.dataset.live;
  });

  document.addEventListener('focusout', function () {
    setTimeout(function () {
      const element = list();
      if (element && element.dataset.stale && !inUse(element)) {
        delete element.dataset.stale;
        htmx.trigger(element, 'refresh');
      }
    }, 0);
  });
})();
