// The reports' charts, each drawn from the table beside it (data-chart-table names it), so the two always agree.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (typeof Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas[data-chart-table]").forEach(function (canvas) {
      var rows = document.querySelectorAll("#" + canvas.dataset.chartTable + " tbody tr");
      var labels = [];
      var counts = [];
      rows.forEach(function (row) {
        labels.push(row.cells[0].textContent.trim());
        counts.push(parseInt(row.cells[1].textContent, 10));
      });
      new Chart(canvas, {
        type: "bar",
        data: {labels: labels, datasets: [{label: "Open tickets", data: counts, backgroundColor: "#2f5bd3"}]},
        options: {animation: false, plugins: {legend: {display: false}},
          scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
      });
    });
  });
})();
