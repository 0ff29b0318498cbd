// The reports' charts, each drawn from the table beside it (data-chart-table names it), so the two always agree.
// Labels come from the first column, one data set from each other column; data-chart-type is bar (the default),
// line, or stacked (bars stacked per label). An empty cell has no point; a line joins the points either side of it.
(function () {
  "use strict";
  var COLOURS = ["#2f5bd3", "#c23b22", "#2e8b57", "#b8860b", "#6a5acd", "#708090"];
  document.addEventListener("DOMContentLoaded", function () {
    if (typeof Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas[data-chart-table]").forEach(function (canvas) {
      var table = document.getElementById(canvas.dataset.chartTable);
      var kind = canvas.dataset.chartType || "bar";
      var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      var labels = [];
      var datasets = names.slice(1).map(function (name, i) {
        return {label: name, data: [], backgroundColor: COLOURS[i % COLOURS.length],
          borderColor: COLOURS[i % COLOURS.length], spanGaps: true};
      });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        labels.push(row.cells[0].textContent.trim());
        datasets.forEach(function (set, i) {
          var text = row.cells[i + 1].textContent.trim();
          set.data.push(text === "" ? null : parseFloat(text));
        });
      });
      var stacked = kind === "stacked";
      new Chart(canvas, {
        type: kind === "line" ? "line" : "bar",
        data: {labels: labels, datasets: datasets},
        options: {animation: false, plugins: {legend: {display: datasets.length > 1}},
          scales: {x: {stacked: stacked}, y: {stacked: stacked, beginAtZero: true,
            ticks: {precision: 0}, max: kind === "line" ? 100 : undefined}}}
      });
    });
  });
})();
