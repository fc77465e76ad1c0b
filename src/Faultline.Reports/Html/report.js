// Draws every <figure data-chart> of a Faultline report with uPlot (through charts.js), from the JSON inlined in the page.
// In a comparison (two runs) a chart of one kind gets the same x and y scales in both runs, and the same height of
// marker strip above its plot, so the two plots line up side by side.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('faultline-data').textContent);
  var runs = Object.keys(data.runs);
  var rendered = 0;
  var strips = {}; // the marker strips of one chart kind in every run, by chart id
  // The drawn plots by figure id, for whoever inspects the page (the screenshot tests read their series and scales).
  window.FaultlinePlots = {};

  function find(run, id) {
    return data.runs[run] && data.runs[run].charts.filter(function (c) { return c.id === id; })[0];
  }

  function prepared(run, id) {
    var chart = find(run, id);
    if (!chart || runs.length < 2) { return { chart: chart, shared: null }; }
    var all = runs.map(function (r) { return find(r, id); }).filter(function (c) { return c; });
    if (all.length < 2) { return { chart: chart, shared: null }; }
    var aligned = FaultlineCharts.align(all);
    var shared = FaultlineCharts.sharedScales(aligned);
    shared.strips = strips[id] = strips[id] || [];
    return { chart: aligned[all.indexOf(chart)], shared: shared };
  }

  document.querySelectorAll('figure[data-chart]').forEach(function (figure) {
    var runId = figure.getAttribute('data-run');
    var run = data.runs[runId];
    var plot = figure.querySelector('.plot');
    try {
      var p = prepared(runId, figure.getAttribute('data-chart'));
      if (!p.chart) { throw new Error('no data for this chart'); }
      var width = Math.max(320, (plot.clientWidth || figure.clientWidth || 900) - 4);
      window.FaultlinePlots[figure.id] = new uPlot(FaultlineCharts.options(p.chart, function () { return run.markers; }, width, p.shared), FaultlineCharts.columns(p.chart), plot);
      figure.setAttribute('data-rendered', 'true');
      rendered++;
    } catch (e) {
      plot.innerHTML = '<p class="error">chart not drawn: ' + String(e.message).replace(/[<&]/g, '') + '</p>';
      figure.setAttribute('data-rendered', 'error');
    }
  });
  document.body.setAttribute('data-charts-rendered', String(rendered));
})();
