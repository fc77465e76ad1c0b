// uPlot options for Faultline's charts, shared by the report and the live dashboard.
// A chart is { id, title, unit, seconds, series: [{ label, values }], stepped, categories }; markers are
// { seconds, kind, label }. markers() is asked on every draw, so a live page can add markers without a rebuild.
var FaultlineCharts = (function () {
  'use strict';
  var colors = ['#0969da', '#cf222e', '#1a7f37', '#bf8700', '#8250df', '#bc4c00', '#1b7c83', '#e85aad'];
  var markerColors = { 'fault-start': '#cf222e', 'fault-end': '#1a7f37', 'health-flip': '#8250df', 'dns-answer': '#0969da', 'stop-condition': '#000000' };

  function offset(s) {
    if (s == null) { return ''; }
    s = Math.round(s);
    // A 1-minute datapoint's period may start before the run does: -0m20s.
    var sign = s < 0 ? '-' : '+';
    s = Math.abs(s);
    var m = Math.floor(s / 60), r = s % 60;
    return sign + m + 'm' + (r < 10 ? '0' : '') + r + 's';
  }

  function markersPlugin(markers) {
    return {
      hooks: {
        draw: [function (u) {
          var ctx = u.ctx, top = u.bbox.top, height = u.bbox.height;
          ctx.save();
          ctx.lineWidth = 1.5 * devicePixelRatio;
          ctx.font = (10 * devicePixelRatio) + 'px sans-serif';
          markers().forEach(function (m, i) {
            var x = Math.round(u.valToPos(m.seconds, 'x', true));
            if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) { return; }
            ctx.strokeStyle = ctx.fillStyle = markerColors[m.kind] || '#57606a';
            ctx.setLineDash(m.kind === 'fault-start' || m.kind === 'fault-end' || m.kind === 'stop-condition' ? [] : [4 * devicePixelRatio, 3 * devicePixelRatio]);
            ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + height); ctx.stroke();
            ctx.fillText(m.label, x + 3 * devicePixelRatio, top + (12 + (i % 4) * 11) * devicePixelRatio);
          });
          ctx.restore();
        }]
      }
    };
  }

  function options(chart, markers, width) {
    var categories = chart.categories || [];
    var y = { label: chart.unit };
    var scaleY = { auto: true };
    if (categories.length > 0) {
      scaleY = { range: [-0.5, categories.length - 0.5] };
      y.splits = function () { return categories.map(function (_, i) { return i; }); };
      y.values = function (u, vals) { return vals.map(function (v) { return categories[v] || ''; }); };
      y.size = 90;
    } else if (chart.id === 'health' || chart.id === 'cloudwatch-health') {
      scaleY = { range: [-0.1, 1.1] };
      y.splits = function () { return [0, 1]; };
    } else if (chart.unit === '%') {
      scaleY = { range: [-5, 105] };
    }
    return {
      width: width,
      height: 220,
      scales: { x: { time: false }, y: scaleY },
      legend: { live: true },
      series: [{ label: 'lab time', value: function (u, v) { return offset(v); } }].concat(chart.series.map(function (s, i) {
        return {
          label: s.label,
          stroke: colors[i % colors.length],
          width: 1.5,
          spanGaps: false,
          paths: chart.stepped ? uPlot.paths.stepped({ align: 1 }) : undefined,
          value: categories.length > 0 ? function (u, v) { return v == null ? '' : (categories[v] || ''); } : undefined
        };
      })),
      axes: [{ values: function (u, vals) { return vals.map(offset); } }, y],
      plugins: [markersPlugin(markers)]
    };
  }

  // A chart of periods (CloudWatch's 1-minute datapoints) gets one more x at the last period's end, repeating the last
  // values, so the stepped line shows the last minute as wide as the others.
  function columns(chart) {
    var xs = chart.seconds;
    if (!chart.periodSeconds || xs.length === 0) {
      return [xs].concat(chart.series.map(function (s) { return s.values; }));
    }
    return [xs.concat([xs[xs.length - 1] + chart.periodSeconds])].concat(chart.series.map(function (s) {
      return s.values.concat([s.values[s.values.length - 1]]);
    }));
  }

  return { options: options, columns: columns, offset: offset };
})();
