// The live dashboard: polls api/state (same origin) and redraws what changed. Every value is set as text, never
// as markup, except the verdict, which the server renders with the report's escaping.
(function () {
  'use strict';
  var lastVersion = -1;
  var charts = {};
  var markers = [];
  var finished = false;
  // The drawn plots by figure id, for whoever inspects the page (the screenshot tests read their series).
  window.FaultlinePlots = {};

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] == null) { return; }
      if (k === 'class') { node.className = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      if (c == null) { return; }
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return node;
  }

  function replace(container, nodes, empty) {
    container.textContent = '';
    if (nodes.length === 0 && empty) { container.appendChild(el('p', { class: 'empty' }, [empty])); }
    nodes.forEach(function (n) { container.appendChild(n); });
    container.setAttribute('data-count', String(nodes.length));
  }

  function number(v, digits) { return v == null ? '—' : Number(v).toFixed(digits); }

  function tile(cls, attrs, label, value, sub) {
    attrs['class'] = 'tile ' + cls;
    return el('div', attrs, [el('div', { class: 'label' }, [label]), el('div', { class: 'value' }, [value]), sub == null ? null : el('div', { class: 'sub' }, [sub])]);
  }

  function table(headers, rows) {
    return el('table', {}, [el('thead', {}, [el('tr', {}, headers.map(function (h) { return el('th', {}, [h]); }))]), el('tbody', {}, rows)]);
  }

  function result(passed) {
    return passed === true ? el('span', { class: 'pass' }, ['passed']) : passed === false ? el('span', { class: 'fail' }, ['failed']) : el('span', { class: 'undecided' }, ['undecided']);
  }

  function renderStatus(s) {
    document.title = (s.verdict ? s.verdict.kind.toUpperCase() + ': ' : '') + s.title + ' — faultline live';
    $('title').textContent = s.title;
    var meta = [];
    if (s.runId) { meta.push('run ' + s.runId); }
    if (s.timeScale) { meta.push('time scale ' + s.timeScale + '×'); }
    $('run-meta').textContent = meta.join('   ');
    document.body.setAttribute('data-state', s.state);
    $('run-state-value').textContent = s.state;
    $('run-state').className = 'tile state-' + s.state;
    $('run-phase').textContent = (s.phase ? 'phase: ' + s.phase : '') + (s.stateReason ? ' — ' + s.stateReason : '');
    $('elapsed-value').textContent = FaultlineCharts.offset(s.elapsedSeconds);
    $('elapsed-sub').textContent = s.timeScale ? 'at ' + s.timeScale + '× wall time' : '';
  }

  function renderHost(s) {
    var h = s.host;
    if (!h) { return; }
    var late = h.lastLatenessMs > h.allowanceMs;
    $('host').className = 'tile ' + (late ? 'bad' : h.impairedSeconds > 0 ? 'warn' : 'ok');
    $('host').setAttribute('data-impaired', String(h.impairedSeconds));
    $('host-value').textContent = late ? 'running late' : 'on time';
    $('host-sub').textContent = 'timers ' + number(h.lastLatenessMs, 0) + ' ms late (worst ' + number(h.worstLatenessMs, 0) + ' ms, budget ' +
      number(h.allowanceMs, 0) + ' ms) · ' + h.impairedSeconds + ' of ' + h.seconds + ' lab s over budget';
    $('host-sub').title = 'Budget: half of ' + h.deadline + '. Results that rest on seconds over budget are host-impaired.';
  }

  function renderHealth(s) {
    replace($('health'), s.health.map(function (h) {
      return tile(h.healthy ? 'ok' : 'bad', { 'data-check': h.id, 'data-healthy': h.healthy ? '1' : '0' },
        h.id, (h.healthy ? '1 healthy' : '0 unhealthy'),
        h.percentageHealthy == null ? 'checkers: no data' : number(h.percentageHealthy, 0) + '% of checkers see it healthy');
    }), 'No health check.');
  }

  function renderDns(s) {
    replace($('dns'), s.dns.map(function (d) {
      var answer = d.regions.length ? d.regions.join(' + ') : (d.outcome === 'answer' ? 'no answer' : d.outcome);
      return tile(d.regions.length ? 'ok' : 'bad', { 'data-location': d.location }, d.location + ' → ' + d.name, answer, null);
    }), 'No DNS answer yet.');
  }

  function renderPopulations(s) {
    replace($('populations'), s.populations.map(function (p) {
      var regions = Object.keys(p.regions).sort().map(function (r) { return 'region_' + r + ' ' + p.regions[r]; }).join(', ');
      // A second with no finished request has no success rate: say so, in grey, rather than a green "—%"; and say
      // what is known (nothing finished) rather than "p50 — ms". A latency nobody measured is left out, not a dash.
      var state = p.successRate == null ? 'nodata' : p.successRate >= 99 ? 'ok' : 'bad';
      var sub = [p.attempts + ' req/s'];
      if (p.p50Ms != null) { sub.push('p50 ' + number(p.p50Ms, 1) + ' ms'); }
      if (p.p99Ms != null) { sub.push('p99 ' + number(p.p99Ms, 1) + ' ms'); }
      if (regions) { sub.push(regions); }
      return tile(state, { 'data-population': p.name, 'data-state': state }, p.name,
        p.successRate == null ? 'no data' : number(p.successRate, 1) + '% 2xx',
        p.successRate == null ? 'no request finished in the last second' : sub.join(' · '));
    }), 'No traffic yet.');
  }

  function renderStopConditions(s) {
    $('stop-conditions-section').hidden = s.stopConditions.length === 0;
    replace($('stop-conditions'), s.stopConditions.map(function (c) {
      var state = c.fired ? 'bad' : c.streak > 0 ? 'warn' : 'ok';
      var value = c.fired ? 'fired' : c.streak > 0 ? 'breaching ' + c.streak + 's of ' + c.secondsNeeded + 's' : 'armed';
      return tile(state, { 'data-stop-condition': c.name, 'data-fired': c.fired ? 'true' : 'false' }, c.name, value,
        'now ' + (c.measured == null ? 'no data' : c.measured) + ' · stops when ' + c.alarm);
    }), null);
  }

  function renderProblems(s) {
    var problems = s.problems || [];
    $('problems-section').hidden = problems.length === 0;
    replace($('problems'), problems.map(function (p) {
      return el('li', { class: 'problem' + (p.underminesVerdict ? ' undermines' : ''), 'data-kind': p.kind }, [
        el('span', { class: 'kind' }, [FaultlineCharts.offset(p.atSeconds) + ' ' + p.kind + (p.underminesVerdict ? ', undermines the verdict' : '')]),
        ' ' + p.message
      ]);
    }), null);
  }

  function renderFaults(s) {
    var rows = s.faults.map(function (f) {
      return el('tr', { 'data-fault-id': f.id, 'data-active': f.active ? 'true' : 'false', class: f.active ? 'active' : '' }, [
        el('td', {}, [f.id]), el('td', {}, [f.kind]), el('td', {}, [f.targets.join(', ')]),
        el('td', {}, [f.active ? 'active' : 'reverted' + (f.revertReason ? ' (' + f.revertReason + ')' : '')]),
        el('td', { class: 'num' }, [FaultlineCharts.offset(f.startSeconds) + (f.endSeconds == null ? '' : ' .. ' + FaultlineCharts.offset(f.endSeconds))])
      ]);
    });
    var container = $('faults');
    replace(container, rows.length ? [table(['Fault', 'Kind', 'Targets', 'State', 'When'], rows)] : [], 'No fault applied yet.');
    container.setAttribute('data-active', String(s.faults.filter(function (f) { return f.active; }).length));
  }

  function renderActions(s) {
    var rows = s.actions.map(function (a) {
      return el('tr', { 'data-action': a.name, 'data-action-state': a.state }, [el('td', {}, [a.name]), el('td', { class: 'action-' + a.state }, [a.state]), el('td', {}, [a.detail || ''])]);
    });
    replace($('actions'), rows.length ? [table(['Action', 'State', 'Detail'], rows)] : [], 'No action started yet.');
  }

  function renderChecks(s) {
    var rows = s.checks.map(function (c) {
      return el('tr', { 'data-passed': c.passed == null ? 'null' : String(c.passed) }, [el('td', {}, [c.name]), el('td', {}, [result(c.passed)]), el('td', {}, [c.measured || '—']), el('td', {}, [c.expected || ''])]);
    });
    replace($('live-checks'), rows.length ? [table(['Check', 'Result', 'Measured', 'Threshold'], rows)] : [], 'No check evaluated yet.');
  }

  function renderVerdict(s) {
    var final = $('final');
    if (!s.verdict || final.getAttribute('data-verdict') === s.verdict.kind + (s.verdict.reportUrl || '')) { return; }
    final.innerHTML = s.verdict.html;
    if (s.verdict.reportUrl) {
      final.appendChild(el('p', {}, [el('a', { href: s.verdict.reportUrl, id: 'report-link' }, ['Open the full report'])]));
    }
    final.setAttribute('data-verdict', s.verdict.kind + (s.verdict.reportUrl || ''));
    $('live-checks-section').hidden = true;
    finished = true;
  }

  function renderCharts(s) {
    markers = s.markers;
    drawCharts(s.charts || [], $('charts'));
    var cloudwatch = $('cloudwatch-charts');
    if ((s.cloudWatch || []).some(function (c) { return c.seconds.length > 0; })) {
      var empty = cloudwatch.querySelector('p.empty');
      if (empty) { empty.remove(); }
      drawCharts(s.cloudWatch, cloudwatch);
    }
    cloudwatch.setAttribute('data-minutes', String(s.cloudWatch && s.cloudWatch.length ? s.cloudWatch[0].seconds.length : 0));
    document.body.setAttribute('data-markers', String(markers.length));
    document.body.setAttribute('data-fault-markers', String(markers.filter(function (m) { return m.kind === 'fault-start'; }).length));
    document.body.setAttribute('data-charts-rendered', String($('charts').querySelectorAll('figure[data-rendered="true"]').length));
  }

  function drawCharts(list, container) {
    list.forEach(function (chart) {
      var entry = charts[chart.id];
      var shape = JSON.stringify([chart.series.map(function (x) { return x.label; }), chart.categories || []]);
      if (!entry) {
        var figure = el('figure', { class: 'chart', id: 'chart-live-' + chart.id, 'data-chart': chart.id }, [el('figcaption', {}, [chart.title]), el('div', { class: 'plot' })]);
        container.appendChild(figure);
        entry = charts[chart.id] = { figure: figure, plot: null, shape: null };
      }
      try {
        if (entry.plot && entry.shape === shape) {
          entry.plot.setData(FaultlineCharts.columns(chart));
        } else {
          if (entry.plot) { entry.plot.destroy(); }
          var holder = entry.figure.querySelector('.plot');
          holder.textContent = '';
          var width = Math.max(320, (holder.clientWidth || container.clientWidth || 900) - 4);
          entry.plot = window.FaultlinePlots[entry.figure.id] = new uPlot(FaultlineCharts.options(chart, function () { return markers; }, width), FaultlineCharts.columns(chart), holder);
          entry.shape = shape;
        }
        entry.figure.setAttribute('data-rendered', 'true');
        entry.figure.setAttribute('data-points', String(chart.seconds.length));
        entry.figure.setAttribute('data-series', String(chart.series.length));
      } catch (e) {
        entry.figure.querySelector('.plot').textContent = 'chart not drawn: ' + e.message;
        entry.figure.setAttribute('data-rendered', 'error');
        entry.plot = null;
      }
    });
  }

  function render(s) {
    renderStatus(s);
    renderHealth(s);
    renderDns(s);
    renderPopulations(s);
    renderStopConditions(s);
    renderHost(s);
    renderProblems(s);
    renderFaults(s);
    renderActions(s);
    renderChecks(s);
    renderCharts(s);
    renderVerdict(s);
    document.body.setAttribute('data-version', String(s.version));
  }

  function connection(text, ok) {
    var c = $('connection');
    c.textContent = text;
    c.className = 'connection ' + (ok ? 'live' : 'lost');
  }

  function poll() {
    fetch('api/state', { cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (s) {
        connection(s.verdict ? 'run ended · final verdict' : 'live', true);
        if (s.version !== lastVersion) {
          lastVersion = s.version;
          render(s);
        }
        setTimeout(poll, finished ? 2000 : 750);
      })
      .catch(function (e) {
        connection((finished ? 'faultline has exited; this is the final state' : 'cannot reach faultline (' + e.message + '); retrying'), false);
        setTimeout(poll, 2000);
      });
  }

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) {
      var entry = charts[id];
      if (entry.plot) { entry.plot.setSize({ width: Math.max(320, entry.figure.clientWidth - 20), height: 220 }); }
    });
  });
  poll();
})();
