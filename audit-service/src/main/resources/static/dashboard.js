// Tipline's built-in dashboard: plain JavaScript, no libraries, no external resources, so it works offline.
// Every figure comes from the audit service's own JSON answers; charts are drawn as inline SVG.
(function () {
  'use strict';

  var REFRESH_MS = 5000;
  // a request that never answers would otherwise stop every later refresh, since the next one waits for it
  var REQUEST_TIMEOUT_MS = 15000;
  var LIST_LIMIT = 15;
  var SVG = 'http://www.w3.org/2000/svg';
  var PERCENTILES = ['p50', 'p95', 'p99'];
  var WINDOWS = {
    '1h': { millis: 3600e3, bucket: 'PT5M', bucketMillis: 300e3 },
    '6h': { millis: 6 * 3600e3, bucket: 'PT15M', bucketMillis: 900e3 },
    '24h': { millis: 24 * 3600e3, bucket: 'PT1H', bucketMillis: 3600e3 },
    '7d': { millis: 7 * 24 * 3600e3, bucket: 'PT6H', bucketMillis: 6 * 3600e3 },
    '30d': { millis: 30 * 24 * 3600e3, bucket: 'P1D', bucketMillis: 24 * 3600e3 }
  };
  var STATUS_NAMES = { HELD: 'held for consent', AWAITING_DELIVERY: 'awaiting delivery', DEAD_LETTERED: 'dead-lettered' };
  // sessionStorage, not localStorage: the key leaves with the tab, and no other tab or later visitor finds it
  var KEY_STORAGE = 'tipline.audit.key';
  var PANELS = ['summary', 'latency', 'deadline', 'decisions', 'pending', 'breaches'];

  var reader = null;
  // bumped whenever the key changes, so an answer read with the previous key is never shown
  var session = 0;
  var lastSuccess = null;
  var timer = null;

  // ---- DOM helpers: text is always set as text, never parsed as HTML ----

  function el(tag, attrs) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    setAttrs(node, attrs);
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (name) {
      if (attrs[name] !== null && attrs[name] !== undefined) node.setAttribute(name, String(attrs[name]));
    });
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }

  function replace(id, content) {
    var target = document.getElementById(id);
    while (target.firstChild) target.removeChild(target.firstChild);
    append(target, content);
  }

  function empty(text) {
    return el('p', { 'class': 'empty' }, text);
  }

  // ---- formatting ----

  function duration(ms) {
    if (ms === null || ms === undefined) return '—';
    var abs = Math.abs(ms);
    if (abs < 1000) return Math.round(ms) + ' ms';
    if (abs < 60e3) return trim(ms / 1000) + ' s';
    if (abs < 3600e3) return trim(ms / 60e3) + ' min';
    if (abs < 48 * 3600e3) return trim(ms / 3600e3) + ' h';
    return trim(ms / 86400e3) + ' d';
  }

  function trim(value) {
    return value < 10 ? (Math.round(value * 10) / 10).toString() : Math.round(value).toString();
  }

  function percent(share) {
    return (share === null || share === undefined) ? '—' : Math.round(share * 100) + '%';
  }

  function utc(iso, withDate) {
    if (!iso) return '—';
    var text = new Date(iso).toISOString();
    return withDate === false ? text.substring(11, 16) : text.substring(0, 10) + ' ' + text.substring(11, 16);
  }

  // an axis label: the time of day for windows of a day or so, the date for longer ones
  function tickLabel(millis, span) {
    var text = new Date(millis).toISOString();
    return span > 36 * 3600e3 ? text.substring(5, 10) + (span <= 8 * 86400e3 ? ' ' + text.substring(11, 16) : '')
      : text.substring(11, 16);
  }

  function shortId(tipId) {
    return tipId ? tipId.substring(0, 8) : '—';
  }

  function plural(count, one, many) {
    return count + ' ' + (count === 1 ? one : many);
  }

  function sum(rows, field) {
    return rows.reduce(function (total, row) { return total + (row[field] || 0); }, 0);
  }

  function shareColour(share) {
    if (share === null || share === undefined) return '#a0aab8';
    return share >= 0.95 ? 'var(--good)' : share >= 0.8 ? 'var(--warn)' : 'var(--bad)';
  }

  // ---- data ----

  function getJson(path) {
    var name = path.split('?')[0];
    var abort = new AbortController();
    var deadline = setTimeout(function () { abort.abort(); }, REQUEST_TIMEOUT_MS);
    var headers = { Accept: 'application/json', Authorization: 'Bearer ' + sessionStorage.getItem(KEY_STORAGE) };
    return fetch(path, { headers: headers, cache: 'no-store', signal: abort.signal })
      .then(function (response) {
        if (!response.ok) {
          var error = new Error(name + ' answered ' + response.status);
          error.status = response.status;
          throw error;
        }
        return response.json();
      })
      .catch(function (error) {
        throw abort.signal.aborted ? new Error(name + ' did not answer within ' + REQUEST_TIMEOUT_MS / 1000 + ' s') : error;
      })
      .finally(function () { clearTimeout(deadline); });
  }

  function currentWindow() {
    var choice = WINDOWS[document.getElementById('window').value] || WINDOWS['24h'];
    var to = new Date();
    var from = new Date(to.getTime() - choice.millis);
    return { from: from.toISOString(), to: to.toISOString(), bucket: choice.bucket, bucketMillis: choice.bucketMillis };
  }

  // ---- the reader's key: asked for once, sent with every request, forgotten with the tab ----

  function askForKey(message) {
    clearTimeout(timer);
    session += 1;
    reader = null;
    lastSuccess = null;
    PANELS.forEach(function (id) { replace(id, null); });
    document.getElementById('reader').hidden = true;
    document.getElementById('key-form').hidden = false;
    status(message || 'Enter a reader key to see the figures.', !!message);
    document.getElementById('key').focus();
  }

  function forgetKey(message) {
    sessionStorage.removeItem(KEY_STORAGE);
    askForKey(message);
  }

  // whose key it is decides which panels are asked for: an analyst's page does not ask for reasons every 5 seconds
  function start() {
    clearTimeout(timer);
    if (!sessionStorage.getItem(KEY_STORAGE)) {
      askForKey();
      return;
    }
    status('Checking the key…', false);
    var current = ++session;
    getJson('v1/audit/reader').then(function (answer) {
      if (current !== session) return;
      reader = answer;
      document.getElementById('key-form').hidden = true;
      document.getElementById('reader-name').replaceChildren('Reading as ', el('strong', null, answer.name),
        ' (' + answer.role.toLowerCase() + ')');
      document.getElementById('reader').hidden = false;
      refresh();
    }).catch(function (error) {
      if (current !== session) return;
      if (error.status === 401) {
        forgetKey('That key was not accepted (401): check it and enter it again.');
      } else {
        status('Could not check the key with the audit service (' + error.message + '); trying again.', true);
        timer = setTimeout(start, REFRESH_MS);
      }
    });
  }

  function mayReadReasons() {
    return reader !== null && reader.role === 'OVERSIGHT';
  }

  function refresh() {
    clearTimeout(timer);
    if (document.hidden || reader === null) {
      // a tab nobody looks at does not query the log every 5 seconds; it refreshes when shown again
      return;
    }
    var w = currentWindow();
    var period = 'from=' + encodeURIComponent(w.from) + '&to=' + encodeURIComponent(w.to);
    var current = session;
    Promise.all([
      getJson('v1/audit/dashboard/latency?' + period + '&bucket=' + w.bucket),
      getJson('v1/audit/oversight/latency?' + period),
      mayReadReasons() ? getJson('v1/audit/oversight/withheld?' + period).catch(function (error) {
        // a role changed behind the page's back costs this panel, not the whole page
        if (error.status === 403) return null;
        throw error;
      }) : null,
      getJson('v1/audit/oversight/pending'),
      getJson('v1/audit/oversight/breaches?' + period)
    ]).then(function (answers) {
      if (current !== session) return;
      render(w, { overTime: answers[0], latency: answers[1].rows, withheld: answers[2] && answers[2].rows,
        pending: answers[3], breaches: answers[4].states });
      lastSuccess = new Date();
      status('Updated ' + utc(lastSuccess.toISOString(), false) + ':' +
        String(lastSuccess.getUTCSeconds()).padStart(2, '0') + ' UTC', false);
    }).catch(function (error) {
      if (current !== session) return;
      if (error.status === 401) {
        forgetKey('The audit service no longer accepts this key (401): enter a key again.');
        return;
      }
      var refused = error.status === 403 ? ': this key\'s role (' + reader.role + ') may not read it' : '';
      status('Could not read from the audit service (' + error.message + refused + ')' + (lastSuccess
        ? '; showing what was read at ' + utc(lastSuccess.toISOString(), false) + ' UTC' : ''), true);
    }).then(function () {
      if (current === session) timer = setTimeout(refresh, REFRESH_MS);
    });
  }

  function status(text, stale) {
    var node = document.getElementById('status');
    node.textContent = text;
    node.className = stale ? 'status stale' : 'status';
  }

  function render(w, data) {
    renderSummary(data);
    renderLatency(w, data.overTime, data.latency);
    renderDeadline(data.latency);
    renderDecisions(data.withheld);
    renderPending(data.pending);
    renderBreaches(data.breaches);
  }

  // ---- summary tiles ----

  function renderSummary(data) {
    var pending = data.pending.tips;
    var now = Date.parse(data.pending.at);
    function count(status) { return pending.filter(function (tip) { return tip.status === status; }).length; }
    var settled = sum(data.latency, 'withDeadline');
    var within = sum(data.latency, 'withinDeadline');
    var overdue = pending.filter(function (tip) {
      return tip.status === 'AWAITING_DELIVERY' && tip.deadline && Date.parse(tip.deadline) < now;
    }).length;
    var withheld = data.withheld &&
      sum(data.withheld.filter(function (row) { return row.hop === 'WITHHELD'; }), 'tips');
    var breaches = sum(data.breaches, 'breaches');
    replace('summary', [
      tile('Delivered', sum(data.latency, 'delivered'), 'of tips received in the window'),
      tile('Within deadline', settled ? percent(within / settled) : '—',
        settled ? within + ' of ' + settled + ' settled' : 'no settled deadlines yet', settled && within < settled),
      data.withheld ? tile('Withheld', withheld, 'by policy, in the window')
        : tile('Withheld', '—', 'shown to oversight readers'),
      tile('Held for consent', count('HELD'), 'right now'),
      tile('Awaiting delivery', count('AWAITING_DELIVERY'), overdue ? overdue + ' past deadline' : 'none past deadline',
        overdue > 0),
      tile('Dead-lettered', count('DEAD_LETTERED'), 'right now', count('DEAD_LETTERED') > 0),
      tile('SLA breaches', breaches, 'in the window', breaches > 0)
    ]);
  }

  function tile(label, value, sub, alert) {
    return el('div', { 'class': alert ? 'tile alert' : 'tile', 'data-tile': label },
      el('div', { 'class': 'label' }, label), el('div', { 'class': 'value' }, value), el('div', { 'class': 'sub' }, sub));
  }

  // ---- latency over time, one small chart per state ----

  function renderLatency(w, overTime, latencyRows) {
    var byState = {};
    overTime.states.forEach(function (series) { byState[series.state] = { series: series, rows: [] }; });
    latencyRows.forEach(function (row) {
      (byState[row.state] = byState[row.state] || { series: null, rows: [] }).rows.push(row);
    });
    var states = Object.keys(byState).sort();
    if (!states.length) {
      replace('latency', empty('No tips yet: nothing was delivered or forwarded in this window.'));
      return;
    }
    var start = Date.parse(overTime.from);
    var end = Date.parse(overTime.to);
    replace('latency', states.map(function (state) {
      var entry = byState[state];
      var delivered = entry.series ? entry.series.delivered : 0;
      return el('article', { 'class': 'card', 'data-state': state },
        el('div', { 'class': 'card-head' }, el('h3', null, state),
          el('span', { 'class': 'count' }, plural(delivered, 'tip', 'tips') + ' delivered in the window')),
        entry.series ? latencyChart(entry.series, start, end, w.bucketMillis)
          : empty('No deliveries in this window yet.'),
        priorityTable(entry.rows));
    }));
  }

  function latencyChart(series, start, end, bucketMillis) {
    var width = 360, height = 150, left = 52, right = 8, top = 10, bottom = 22;
    var plotW = width - left - right, plotH = height - top - bottom;
    var max = 0;
    series.points.forEach(function (p) { max = Math.max(max, p.p99Millis || 0, p.p95Millis || 0, p.p50Millis || 0); });
    max = niceCeiling(max || 1000);
    function x(t) { return left + plotW * Math.min(1, Math.max(0, (t - start) / (end - start))); }
    function y(v) { return top + plotH * (1 - v / max); }

    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': 'Latency of ' + series.state + ' over the window' });
    [0, 0.5, 1].forEach(function (f) {
      chart.appendChild(svg('line', { 'class': f === 0 ? 'axis' : 'grid', x1: left, x2: width - right,
        y1: y(max * f), y2: y(max * f) }));
      chart.appendChild(svg('text', { x: left - 6, y: y(max * f) + 4, 'text-anchor': 'end' },
        f === 0 ? '0' : duration(max * f)));
    });
    [[start, 'start'], [(start + end) / 2, 'middle'], [end, 'end']].forEach(function (tick) {
      chart.appendChild(svg('text', { x: x(tick[0]), y: height - 6, 'text-anchor': tick[1] },
        tickLabel(tick[0], end - start)));
    });

    PERCENTILES.forEach(function (p) {
      var d = '';
      var previous = null;
      series.points.forEach(function (point) {
        var t = Date.parse(point.start);
        var px = x(t + bucketMillis / 2), py = y(point[p + 'Millis']);
        // consecutive intervals are joined; an interval without deliveries breaks the line
        d += (previous !== null && t - previous <= bucketMillis ? ' L' : ' M') + px.toFixed(1) + ' ' + py.toFixed(1);
        previous = t;
      });
      chart.appendChild(svg('path', { 'class': 'line ' + p, d: d.trim() }));
    });
    series.points.forEach(function (point) {
      var t = Date.parse(point.start);
      var label = utc(point.start) + '–' + utc(new Date(t + bucketMillis).toISOString(), false) + ' UTC: ' +
        plural(point.delivered, 'tip', 'tips') + ' delivered, p50 ' + duration(point.p50Millis) + ', p95 ' +
        duration(point.p95Millis) + ', p99 ' + duration(point.p99Millis);
      // p99 drawn first and largest, so that equal percentiles (one tip in an interval) show as rings
      PERCENTILES.slice().reverse().forEach(function (p, i) {
        chart.appendChild(svg('circle', { 'class': p, cx: x(t + bucketMillis / 2).toFixed(1),
          cy: y(point[p + 'Millis']).toFixed(1), r: 4.5 - i * 1.3 }, svg('title', null, label)));
      });
    });
    return chart;
  }

  function niceCeiling(value) {
    var steps = [1000, 5000, 10e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3, 3600e3, 2 * 3600e3, 4 * 3600e3,
      6 * 3600e3, 12 * 3600e3, 24 * 3600e3, 48 * 3600e3, 96 * 3600e3, 7 * 86400e3, 14 * 86400e3, 30 * 86400e3];
    for (var i = 0; i < steps.length; i++) if (value <= steps[i]) return steps[i];
    return Math.ceil(value / (30 * 86400e3)) * 30 * 86400e3;
  }

  function priorityTable(rows) {
    if (!rows.length) return null;
    return el('table', { 'class': 'mini' },
      el('thead', null, el('tr', null, el('th', null, 'Priority'), el('th', { 'class': 'num' }, 'Delivered'),
        el('th', { 'class': 'num' }, 'p50'), el('th', { 'class': 'num' }, 'p95'), el('th', { 'class': 'num' }, 'p99'),
        el('th', { 'class': 'num' }, 'In time'))),
      el('tbody', null, rows.map(function (row) {
        return el('tr', { 'data-priority': row.priority }, el('td', null, row.priority),
          el('td', { 'class': 'num' }, row.delivered), el('td', { 'class': 'num' }, duration(row.p50Millis)),
          el('td', { 'class': 'num' }, duration(row.p95Millis)), el('td', { 'class': 'num' }, duration(row.p99Millis)),
          el('td', { 'class': 'num' }, row.withDeadline ? row.withinDeadline + ' of ' + row.withDeadline : '—'));
      })));
  }

  // ---- share within deadline per state ----

  function renderDeadline(latencyRows) {
    var byState = {};
    latencyRows.forEach(function (row) {
      var entry = byState[row.state] = byState[row.state] || { settled: 0, within: 0 };
      entry.settled += row.withDeadline;
      entry.within += row.withinDeadline;
    });
    var states = Object.keys(byState).sort();
    if (!states.length) {
      replace('deadline', empty('No tips yet: no forwarded tips in this window.'));
      return;
    }
    replace('deadline', el('table', null,
      el('thead', null, el('tr', null, el('th', null, 'State'), el('th', null, 'Within deadline'),
        el('th', { 'class': 'num' }, 'Share'), el('th', { 'class': 'num' }, 'In time / settled'))),
      el('tbody', null, states.map(function (state) {
        var entry = byState[state];
        var share = entry.settled ? entry.within / entry.settled : null;
        return el('tr', { 'data-state': state }, el('td', null, el('strong', null, state)),
          el('td', { 'class': 'bar' }, bar(share === null ? 0 : share, shareColour(share))),
          el('td', { 'class': 'num' }, percent(share)),
          el('td', { 'class': 'num' }, entry.settled ? entry.within + ' of ' + entry.settled : 'none settled yet'));
      }))));
  }

  function bar(fraction, colour) {
    return svg('svg', { viewBox: '0 0 100 14', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
      svg('rect', { x: 0, y: 1, width: 100, height: 12, rx: 2, fill: '#edf0f5' }),
      svg('rect', { x: 0, y: 1, width: Math.max(0, Math.min(1, fraction)) * 100, height: 12, rx: 2, fill: colour }));
  }

  // ---- withheld and held by reason ----

  function renderDecisions(rows) {
    if (!rows) {
      replace('decisions', el('p', { 'class': 'empty', 'data-needs': 'OVERSIGHT' }, 'Shown to oversight readers only: ' +
        'reasons for withholding are not for the ' + reader.role.toLowerCase() + ' role.'));
      return;
    }
    if (!rows.length) {
      replace('decisions', empty('No tips withheld or held in this window.'));
      return;
    }
    var byReason = {};
    rows.forEach(function (row) {
      var reason = row.reasonCode || '(no reason recorded)';
      var entry = byReason[reason] = byReason[reason] || { WITHHELD: 0, HELD: 0, states: {} };
      entry[row.hop] += row.tips;
      entry.states[row.state] = (entry.states[row.state] || 0) + row.tips;
    });
    var reasons = Object.keys(byReason).sort(function (a, b) {
      var ta = byReason[a].WITHHELD + byReason[a].HELD, tb = byReason[b].WITHHELD + byReason[b].HELD;
      return tb - ta || (a < b ? -1 : 1);
    });
    var most = Math.max.apply(null, reasons.map(function (r) { return byReason[r].WITHHELD + byReason[r].HELD; }));
    replace('decisions', [
      el('p', { 'class': 'legend', 'aria-hidden': 'true' }, el('span', { 'class': 'swatch', style: 'background:var(--bad)' }),
        'withheld', el('span', { 'class': 'swatch', style: 'background:var(--held)' }), 'held for consent'),
      el('table', null,
        el('thead', null, el('tr', null, el('th', null, 'Reason'), el('th', { 'class': 'num' }, 'Withheld'),
          el('th', { 'class': 'num' }, 'Held'), el('th', null, ''), el('th', null, 'By state'))),
        el('tbody', null, reasons.map(function (reason) {
          var entry = byReason[reason];
          return el('tr', { 'data-reason': reason }, el('td', null, el('code', null, reason)),
            el('td', { 'class': 'num' }, entry.WITHHELD), el('td', { 'class': 'num' }, entry.HELD),
            el('td', { 'class': 'bar' }, stackedBar(entry.WITHHELD / most, entry.HELD / most)),
            el('td', null, Object.keys(entry.states).sort().map(function (state) {
              return state + ' ' + entry.states[state];
            }).join(' · ')));
        })))
    ]);
  }

  function stackedBar(first, second) {
    return svg('svg', { viewBox: '0 0 100 14', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
      svg('rect', { x: 0, y: 1, width: first * 100, height: 12, fill: 'var(--bad)' }),
      svg('rect', { x: first * 100, y: 1, width: second * 100, height: 12, fill: 'var(--held)' }));
  }

  // ---- held and undelivered ----

  function renderPending(pending) {
    var tips = pending.tips;
    if (!tips.length) {
      replace('pending', empty('Nothing held or undelivered: every tip reached its state or was withheld.'));
      return;
    }
    var now = Date.parse(pending.at);
    function overdue(tip) {
      return tip.status === 'AWAITING_DELIVERY' && tip.deadline && Date.parse(tip.deadline) < now;
    }
    var byState = {};
    tips.forEach(function (tip) {
      var entry = byState[tip.state] = byState[tip.state] ||
        { HELD: 0, AWAITING_DELIVERY: 0, DEAD_LETTERED: 0, overdue: 0 };
      entry[tip.status] += 1;
      if (overdue(tip)) entry.overdue += 1;
    });
    var states = Object.keys(byState).sort();
    replace('pending', [
      el('table', null,
        el('thead', null, el('tr', null, el('th', null, 'State'), el('th', { 'class': 'num' }, 'Held for consent'),
          el('th', { 'class': 'num' }, 'Awaiting delivery'), el('th', { 'class': 'num' }, 'of which past deadline'),
          el('th', { 'class': 'num' }, 'Dead-lettered'))),
        el('tbody', null, states.map(function (state) {
          var entry = byState[state];
          return el('tr', { 'data-state': state }, el('td', null, el('strong', null, state)),
            el('td', { 'class': 'num' }, entry.HELD), el('td', { 'class': 'num' }, entry.AWAITING_DELIVERY),
            el('td', { 'class': entry.overdue ? 'num overdue' : 'num' }, entry.overdue),
            el('td', { 'class': entry.DEAD_LETTERED ? 'num overdue' : 'num' }, entry.DEAD_LETTERED));
        }))),
      el('h3', { 'class': 'subhead' }, 'Longest waiting'),
      el('table', null,
        el('thead', null, el('tr', null, el('th', null, 'Tip'), el('th', null, 'Status'), el('th', null, 'State'),
          el('th', null, 'Priority'), el('th', null, 'Received (UTC)'), el('th', { 'class': 'num' }, 'Waiting'),
          el('th', null, 'Deadline (UTC)'), el('th', null, 'Last hop'))),
        el('tbody', null, tips.slice(0, LIST_LIMIT).map(function (tip) {
          var late = overdue(tip);
          return el('tr', { 'data-tip': tip.tipId }, el('td', { 'class': 'id', title: tip.tipId }, shortId(tip.tipId)),
            el('td', null, el('span', { 'class': 'badge ' + tip.status }, STATUS_NAMES[tip.status] || tip.status)),
            el('td', null, tip.state), el('td', null, tip.priority || '—'), el('td', null, utc(tip.receivedAt)),
            el('td', { 'class': 'num' }, duration(now - Date.parse(tip.receivedAt))),
            el('td', { 'class': late ? 'overdue' : null },
              tip.deadline ? utc(tip.deadline) + (late ? ' (passed ' + duration(now - Date.parse(tip.deadline)) + ' ago)' : '')
                : '—'),
            el('td', null, tip.lastHop + ' ' + utc(tip.lastAt)));
        }))),
      tips.length > LIST_LIMIT ? el('p', { 'class': 'more' }, 'and ' + (tips.length - LIST_LIMIT) +
        ' more; the full list is at /v1/audit/oversight/pending') : null
    ]);
  }

  // ---- SLA breaches ----

  function renderBreaches(states) {
    if (!states.length) {
      replace('breaches', empty('No SLA breaches in this window.'));
      return;
    }
    var most = Math.max.apply(null, states.map(function (s) { return s.breaches; }));
    var tips = [];
    states.forEach(function (s) { s.tips.forEach(function (tip) { tips.push({ state: s.state, tip: tip }); }); });
    tips.sort(function (a, b) { return Date.parse(b.tip.breachedAt) - Date.parse(a.tip.breachedAt); });
    replace('breaches', [
      el('table', null,
        el('thead', null, el('tr', null, el('th', null, 'State'), el('th', { 'class': 'num' }, 'Breaches'),
          el('th', null, ''), el('th', { 'class': 'num' }, 'Delivered late'), el('th', { 'class': 'num' }, 'Still undelivered'))),
        el('tbody', null, states.map(function (s) {
          var late = s.tips.filter(function (tip) { return tip.deliveredAt; }).length;
          return el('tr', { 'data-state': s.state }, el('td', null, el('strong', null, s.state)),
            el('td', { 'class': 'num' }, s.breaches), el('td', { 'class': 'bar' }, bar(s.breaches / most, 'var(--bad)')),
            el('td', { 'class': 'num' }, late),
            el('td', { 'class': s.breaches - late ? 'num overdue' : 'num' }, s.breaches - late));
        }))),
      el('h3', { 'class': 'subhead' }, 'Most recent'),
      el('table', null,
        el('thead', null, el('tr', null, el('th', null, 'Tip'), el('th', null, 'State'), el('th', null, 'Priority'),
          el('th', null, 'Deadline (UTC)'), el('th', null, 'Breached (UTC)'), el('th', null, 'Delivered'))),
        el('tbody', null, tips.slice(0, LIST_LIMIT).map(function (item) {
          var tip = item.tip;
          return el('tr', { 'data-tip': tip.tipId }, el('td', { 'class': 'id', title: tip.tipId }, shortId(tip.tipId)),
            el('td', null, item.state), el('td', null, tip.priority || '—'), el('td', null, utc(tip.deadline)),
            el('td', null, utc(tip.breachedAt)),
            el('td', { 'class': tip.deliveredAt ? 'ok' : 'overdue' }, tip.deliveredAt
              ? utc(tip.deliveredAt) + ', ' + duration(Date.parse(tip.deliveredAt) - Date.parse(tip.deadline)) + ' late'
              : 'not yet'));
        }))),
      tips.length > LIST_LIMIT ? el('p', { 'class': 'more' }, 'and ' + (tips.length - LIST_LIMIT) +
        ' more; the full list is at /v1/audit/oversight/breaches') : null
    ]);
  }

  document.getElementById('key-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = document.getElementById('key');
    var key = input.value.trim();
    input.value = '';
    if (!key) return;
    sessionStorage.setItem(KEY_STORAGE, key);
    start();
  });
  document.getElementById('forget').addEventListener('click', function () { forgetKey(); });
  document.getElementById('window').addEventListener('change', refresh);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) refresh(); });
  start();
}());
