// uPlot options for Faultline's charts, shared by the report, the comparison and the live dashboard.
// A chart is { id, title, unit, seconds, series: [{ label, legend, color, dashed, threshold, values }], stepped,
// logScale, categories, periodSeconds }; markers are { seconds, kind, label }. markers() is asked on every draw, so a
// live page can add markers without a rebuild. Colours come with the series (Faultline.Reports.Charts.ChartColors:
// 2xx green, 4xx amber, 5xx red, errors grey, one colour per region); docs/observing.md, "Charts", lists them.
var FaultlineCharts = (function () {
  'use strict';
  // Only for a series that brings no colour (a chart from an older writer).
  var fallback = ['#0969da', '#8250df', '#1b7c83', '#bf3989', '#953800', '#0a3069', '#54aeff', '#a475f9'];
  // Markers are near-black (the stop dark red), never a colour that means a status class or a region; the line's
  // style tells the kind: fault start and end solid, health flips dashed, DNS answer changes dotted, stop thick.
  var markerColors = { 'fault-start': '#1f2328', 'fault-end': '#1f2328', 'health-flip': '#1f2328', 'dns-answer': '#1f2328', 'stop-condition': '#82071e' };
  var markerDash = { 'health-flip': [5, 3], 'dns-answer': [1.5, 2.5] };
  var font = '11px system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
  // Candidate tick steps in seconds: round minutes once the run is long enough to need them.
  var steps = [10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 14400];
  var minTickGap = 90; // CSS px between two x ticks: room for "+120m" with space to spare

  function offset(s) {
    if (s == null) { return ''; }
    s = Math.round(s);
    // A 1-minute datapoint's period may start before the run does: -0m20s.
    var sign = s < 0 ? '-' : '+';
    s = Math.abs(s);
    var m = Math.floor(s / 60), r = s % 60;
    return sign + m + 'm' + (r < 10 ? '0' : '') + r + 's';
  }

  // An x tick: "0", "+5m" on whole minutes, "+0m30s" between them.
  function tick(s) {
    if (s === 0) { return '0'; }
    if (s % 60 === 0) { return (s < 0 ? '-' : '+') + Math.abs(s / 60) + 'm'; }
    return offset(s);
  }

  function xSplits(u, axis, min, max) {
    var width = u.bbox.width / devicePixelRatio;
    var span = Math.max(1, max - min);
    var step = steps[steps.length - 1];
    for (var i = 0; i < steps.length; i++) {
      // A run of three minutes or more ticks on whole minutes only.
      if (span >= 180 && steps[i] < 60) { continue; }
      if (width / (span / steps[i]) >= minTickGap) { step = steps[i]; break; }
    }
    var splits = [];
    for (var v = Math.ceil(min / step) * step; v <= max; v += step) { splits.push(v); }
    return splits;
  }

  function ms(v) {
    if (v >= 1000) { return (v / 1000) + ' s'; }
    return (v < 1 ? v.toPrecision(1) : String(v)) + ' ms';
  }

  // Powers of ten: a log axis labelled 1 ms, 10 ms, 100 ms, 1 s, 10 s.
  function logSplits(u, axis, min, max) {
    var splits = [];
    for (var p = Math.floor(Math.log10(min)); Math.pow(10, p) <= max * 1.0001; p++) {
      var v = Math.pow(10, p);
      if (v >= min * 0.9999) { splits.push(v); }
    }
    return splits;
  }

  function logRange(min, max) {
    if (min == null || max == null || !(min > 0)) { return [1, 1000]; }
    var lo = Math.pow(10, Math.floor(Math.log10(min)));
    var hi = Math.pow(10, Math.ceil(Math.log10(max)));
    return [lo, hi === lo ? lo * 10 : hi];
  }

  // Counts start a little below 0, so a series that stays at 0 is a visible line above the axis, not hidden in it.
  function countRange(min, max) {
    var hi = max == null || max <= 0 ? 1 : max * 1.08;
    return [Math.min(0, min == null ? 0 : min) - hi * 0.03, hi];
  }

  // Marker labels sit in a strip above the plot area, never on the data; a label that would touch another moves to
  // the next row. The lines are drawn on the canvas. Strips in one group (the same chart of two runs, side by side)
  // all take the tallest one's height, so the plots below them start at the same height.
  function markersPlugin(markers, group) {
    var strip = null;
    function layout(u) {
      var list = markers().slice().sort(function (a, b) { return a.seconds - b.seconds; });
      strip.textContent = '';
      var rows = [];
      var left = u.bbox.left / devicePixelRatio, right = left + u.bbox.width / devicePixelRatio;
      var rowHeight = 15;
      list.forEach(function (m) {
        var x = u.valToPos(m.seconds, 'x');
        if (x == null || x < 0 || x > u.bbox.width / devicePixelRatio + 0.5) { return; }
        x += left;
        var label = document.createElement('span');
        label.className = 'marker-label marker-' + m.kind;
        label.textContent = m.label;
        label.title = offset(m.seconds) + ' ' + m.label;
        label.style.color = label.style.borderColor = markerColors[m.kind] || '#57606a';
        strip.appendChild(label);
        var w = label.getBoundingClientRect().width;
        // Text to the right of its line, or to the left when it would pass the plot's right edge.
        var atRight = x + w > right;
        var from = atRight ? x - w : x;
        if (atRight) { label.classList.add('marker-left'); }
        var row = 0;
        while (rows[row] && rows[row].some(function (r) { return from < r[1] + 6 && from + w + 6 > r[0]; })) { row++; }
        (rows[row] = rows[row] || []).push([from, from + w]);
        label.style.left = from + 'px';
        label.style.top = (row * rowHeight) + 'px';
        label.setAttribute('data-row', String(row));
      });
      strip.setAttribute('data-height', String(rows.length * rowHeight + (rows.length ? 3 : 0)));
      strip.setAttribute('data-rows', String(rows.length));
      var tallest = Math.max.apply(null, group.map(function (g) { return Number(g.getAttribute('data-height') || 0); }));
      group.forEach(function (g) { g.style.height = tallest + 'px'; });
    }
    return {
      hooks: {
        init: [function (u) {
          strip = document.createElement('div');
          strip.className = 'marker-strip';
          group.push(strip);
          u.root.insertBefore(strip, u.root.querySelector('.u-wrap'));
        }],
        draw: [function (u) {
          var ctx = u.ctx, top = u.bbox.top, height = u.bbox.height;
          ctx.save();
          markers().forEach(function (m) {
            var x = Math.round(u.valToPos(m.seconds, 'x', true));
            if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) { return; }
            ctx.strokeStyle = markerColors[m.kind] || '#1f2328';
            ctx.lineWidth = (m.kind === 'stop-condition' ? 2.5 : 1.25) * devicePixelRatio;
            ctx.setLineDash((markerDash[m.kind] || []).map(function (d) { return d * devicePixelRatio; }));
            ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + height); ctx.stroke();
          });
          ctx.restore();
          layout(u);
        }]
      }
    };
  }

  // Two series with equal values (both regions' checkers at 100%, two populations at one success rate) would be one
  // line, the later drawn covering the earlier. So each data series is drawn a line's width from the next, centred on
  // the true value: a shift of the drawn path only; the data, the legend values and the cursor stay exact. Threshold
  // lines are dashed and keep their exact height.
  var lineGap = 2; // CSS px between two coincident lines (a line is 1.75 px wide)

  function lineOffsets(series) {
    var data = series.filter(function (s) { return !s.threshold; }).length;
    var k = 0;
    return series.map(function (s) { return s.threshold ? 0 : (k++ - (data - 1) / 2) * lineGap; });
  }

  function shifted(build, dy) {
    if (!dy) { return build; }
    return function (u, i, i0, i1) {
      var p = build(u, i, i0, i1);
      if (p && p.stroke instanceof Path2D) {
        var moved = new Path2D();
        moved.addPath(p.stroke, new DOMMatrix().translate(0, dy * devicePixelRatio));
        p.stroke = moved;
      }
      return p;
    };
  }

  // shared (optional): { x: [min, max], y: [min, max] } to draw two runs' charts on the same scales (compare), and
  // strips: the marker strips of the charts drawn beside this one, which all take the height of the tallest.
  function options(chart, markers, width, shared) {
    var categories = chart.categories || [];
    var y = { label: chart.unit, font: font, labelFont: font, size: 60 };
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
      y.splits = function () { return [0, 25, 50, 75, 100]; };
    } else if (chart.logScale) {
      scaleY = { distr: 3, log: 10, range: function (u, min, max) { return shared && shared.y ? shared.y : logRange(min, max); } };
      y.splits = logSplits;
      y.values = function (u, vals) { return vals.map(ms); };
    } else if (shared && shared.y) {
      scaleY = { range: shared.y };
    } else {
      scaleY = { range: function (u, min, max) { return countRange(min, max); } };
    }
    var offsets = lineOffsets(chart.series);
    var scaleX = { time: false };
    if (shared && shared.x) { scaleX.range = shared.x; }
    return {
      width: width,
      height: 220,
      scales: { x: scaleX, y: scaleY },
      legend: { live: true },
      series: [{ label: 'lab time', value: function (u, v) { return offset(v); } }].concat(chart.series.map(function (s, i) {
        return {
          label: s.legend || s.label,
          stroke: s.color || fallback[i % fallback.length],
          width: s.threshold ? 1.25 : 1.75,
          dash: s.dashed ? [6, 4] : undefined,
          spanGaps: false,
          points: { show: false },
          paths: shifted(chart.stepped ? uPlot.paths.stepped({ align: 1 }) : uPlot.paths.linear(), offsets[i]),
          value: categories.length > 0 ? function (u, v) { return v == null ? '' : (categories[v] || ''); }
            : chart.logScale ? function (u, v) { return v == null ? '—' : ms(Math.round(v * 10) / 10); }
            : function (u, v) { return v == null ? '—' : String(Math.round(v * 100) / 100); }
        };
      })),
      axes: [
        { splits: xSplits, values: function (u, vals) { return vals.map(tick); }, font: font, labelFont: font, label: 'lab time since the run started', labelSize: 18 },
        y
      ],
      plugins: [markersPlugin(markers, shared && shared.strips ? shared.strips : [])]
    };
  }

  // A chart of periods (CloudWatch's 1-minute datapoints) gets one more x at the last period's end, repeating the last
  // values, so the stepped line shows the last minute as wide as the others. A log scale cannot show 0: it is a gap.
  function columns(chart) {
    var xs = chart.seconds;
    var values = chart.series.map(function (s) {
      return chart.logScale ? s.values.map(function (v) { return v != null && v > 0 ? v : null; }) : s.values;
    });
    if (!chart.periodSeconds || xs.length === 0) {
      return [xs].concat(values);
    }
    return [xs.concat([xs[xs.length - 1] + chart.periodSeconds])].concat(values.map(function (v) {
      return v.concat([v[v.length - 1]]);
    }));
  }

  // The scales two runs' charts of one kind share in a comparison: the widest x range, and the y range that holds
  // both (0 to the highest value; powers of ten around both for a log scale). DNS answers are first given the same
  // categories in both (align()).
  function sharedScales(list) {
    var x = [Infinity, -Infinity], y = [Infinity, -Infinity];
    list.forEach(function (chart) {
      var cols = columns(chart);
      cols[0].forEach(function (v) { x[0] = Math.min(x[0], v); x[1] = Math.max(x[1], v); });
      cols.slice(1).forEach(function (vals) {
        vals.forEach(function (v) { if (v != null) { y[0] = Math.min(y[0], v); y[1] = Math.max(y[1], v); } });
      });
    });
    var shared = {};
    if (x[0] <= x[1]) { shared.x = x[0] === x[1] ? [x[0], x[0] + 1] : x; }
    if (y[0] <= y[1]) {
      var logScale = list.some(function (c) { return c.logScale; });
      shared.y = logScale ? logRange(y[0], y[1]) : countRange(y[0], y[1]);
    }
    return shared;
  }

  // Gives category charts (DNS answers) of several runs one list of categories, so the same answer is at the same
  // height in each: "no answer" first, then every answer in order.
  function align(list) {
    var all = [];
    list.forEach(function (c) { (c.categories || []).forEach(function (k) { if (all.indexOf(k) < 0) { all.push(k); } }); });
    if (all.length === 0) { return list; }
    var rest = all.filter(function (k) { return k !== 'no answer'; }).sort();
    var union = all.indexOf('no answer') >= 0 ? ['no answer'].concat(rest) : rest;
    return list.map(function (c) {
      var own = c.categories || [];
      var copy = {};
      Object.keys(c).forEach(function (k) { copy[k] = c[k]; });
      copy.categories = union;
      copy.series = c.series.map(function (s) {
        var t = {};
        Object.keys(s).forEach(function (k) { t[k] = s[k]; });
        t.values = s.values.map(function (v) { return v == null ? null : union.indexOf(own[v]); });
        return t;
      });
      return copy;
    });
  }

  return { options: options, columns: columns, offset: offset, sharedScales: sharedScales, align: align };
})();
