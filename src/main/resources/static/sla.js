// Live SLA countdowns: every [data-due] element shows the time left (or overdue) and is coloured by how much
// of the turnaround is left, by the same rule as the server (TaskRow.slaStanding).
(function () {
  const AT_RISK_REMAINING = 0.25;

  function human(ms) {
    const minutes = Math.floor(Math.abs(ms) / 60000);
    const days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
    // The same words as the server's (Durations.words): 3 d 4 h, 2 h 5 min, 45 min.
    if (days > 0) return days + ' d' + (hours ? ' ' + hours + ' h' : '');
    if (hours > 0) return hours + ' h' + (mins ? ' ' + mins + ' min' : '');
    return mins + ' min';
  }

  function standing(el, left) {
    const outcome = el.dataset.outcome;
    if (outcome === 'MET') return 'met';
    if (outcome !== 'BREACHED' && el.dataset.paused) return 'paused';
    if (outcome === 'BREACHED' || left <= 0) return 'breached';
    const target = Number(el.dataset.targetMs);
    return target && left < target * AT_RISK_REMAINING ? 'at-risk' : 'on-track';
  }

  function tick() {
    const now = Date.now();
    document.querySelectorAll('.sla[data-due]').forEach(function (el) {
      if (!el.dataset.due) return;
      const left = Date.parse(el.dataset.due) - now;
      const state = standing(el, left);
      el.classList.remove('met', 'breached', 'at-risk', 'on-track', 'paused');
      el.classList.add(state);
      el.textContent = state === 'met' || state === 'paused' ? state
          : (left > 0 ? human(left) + ' left' : 'overdue ' + human(left));
    });
  }

  document.addEventListener('DOMContentLoaded', tick);
  document.addEventListener('htmx:afterSwap', tick);
  setInterval(tick, 1000);
})();
