// Draws every <figure data-chart> of a Faultline report with uPlot (through charts.js), from the JSON inlined in the page.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('faultline-data').textContent);
  var rendered = 0;
  document.querySelectorAll('figure[data-chart]').forEach(function (figure) {
    var run = data.runs[figure.getAttribute('data-run')];
    var chart = run && run.charts.filter(function (c) { return c.id === figure.getAttribute('data-chart'); })[0];
    var plot = figure.querySelector('.plot');
    try {
      if (!chart) { throw new Error('no data for this chart'); }
      var width = Math.max(320, (plot.clientWidth || figure.clientWidth || 900) - 4);
      new uPlot(FaultlineCharts.options(chart, function () { return run.markers; }, width), FaultlineCharts.columns(chart), plot);
      figure.setAttribute('data-rendered', 'true');
      rendered++;
    } catch (e) {
      plot.innerHTML = '<p class="error">chart not drawn: ' + String(e.message).replace(/[<&]/g, '') + '</p>';
      figure.setAttribute('data-rendered', 'error');
    }
  });
  document.body.setAttribute('data-charts-rendered', String(rendered));
})();
