// The task list refreshes itself when a task changes. It never changes under the person's pointer or while they
// use a form in it (choosing whom to assign a task to): the refresh waits until they leave the list, then happens once.
(function () {
  let pointerInList = false;

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
