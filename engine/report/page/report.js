// clade report and clade serve: draws the lineage tree, the chart and the side panel from
// the summary inline in the page. A variant's details live in variants/<id>.js, added as a
// <script> when it is clicked (file:// pages cannot fetch, but they can load scripts); that
// file calls cladeReport.detail(id, detail). No libraries. Served by `clade serve` (the
// summary has `live`), the page also follows the server's events (/api/events): each new
// variant or record is drawn as it comes, without a reload.
(function () {
  'use strict';

  var SVGNS = 'http://www.w3.org/2000/svg';
  var DX = 16, DY = 56;  // layout grid in world units: between leaves, least between generations

  var data = JSON.parse(document.getElementById('clade-data').textContent);
  var V = data.variants;
  var N = V.length;
  var bestId = data.best;
  var onBestPath = bestPathFlags();
  function bestPathFlags() {
    var flags = new Uint8Array(N);
    data.best_path.forEach(function (id) { if (id < N) flags[id] = 1; });
    return flags;
  }

  // Children by first parent: every variant has one place in the tree. Crossover parents
  // beyond the first are drawn as dashed edges.
  var kids = V.map(function () { return []; });
  var roots = [];
  V.forEach(function (v) {
    if (v.parents.length) kids[v.parents[0]].push(v.id); else roots.push(v.id);
  });
  var subtreeSize = V.map(function () { return 0; });
  for (var i = N - 1; i >= 0; i--) {  // a parent's id is always lower than its child's
    subtreeSize[i] += 1;
    if (V[i].parents.length) subtreeSize[V[i].parents[0]] += subtreeSize[i];
  }

  var state = {
    collapsed: new Set(), selected: null, k: 1, tx: 0, ty: 0, layout: null,
    statuses: new Set(Object.keys(data.counts)), seenStatuses: new Set(Object.keys(data.counts)),
    minScore: 0, showPruned: true, search: '',
    follow: true,          // fit the view again when the tree grows (until the user moves it)
    compareFrom: null,     // a variant waiting for a second one to compare with
    compare: null          // {a, b}: the comparison shown in the panel
  };
  var details = new Map();  // id -> detail object, once its script has run

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (a) { node.setAttribute(a, attrs[a]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svg(tag, attrs) {
    var node = document.createElementNS(SVGNS, tag);
    if (attrs) Object.keys(attrs).forEach(function (a) { node.setAttribute(a, attrs[a]); });
    return node;
  }
  function isFailed(status) { return status !== 'evaluated' && status !== 'not_evaluated'; }
  function scoreText(s) { return s === null || s === undefined ? '-' : Number(s).toFixed(3); }
  // A variant's score with its standard error when its tasks were repeated (evaluation.repeats).
  function scoreWithError(v) {
    return scoreText(v.score) + (typeof v.score_stderr === 'number' ? ' \u00b1 ' + v.score_stderr.toFixed(3) : '');
  }

  // ---- Colour scale: viridis-like, from dark purple (0) to yellow (1) --------------------
  var STOPS = [[68, 1, 84], [65, 68, 135], [42, 120, 142], [34, 168, 132], [122, 209, 81],
               [253, 231, 37]];
  function scoreColor(s) {
    var t = Math.max(0, Math.min(1, s)) * (STOPS.length - 1);
    var i0 = Math.min(Math.floor(t), STOPS.length - 2), f = t - i0;
    var a = STOPS[i0], b = STOPS[i0 + 1];
    return 'rgb(' + [0, 1, 2].map(function (c) { return Math.round(a[c] + (b[c] - a[c]) * f); })
      .join(',') + ')';
  }

  // ---- Header and legend -------------------------------------------------------------------
  function renderFacts() {
    var facts = $('facts');
    facts.textContent = '';
    function fact(label, value) {
      var span = el('span', null, label + ' ');
      span.appendChild(el('b', null, value));
      facts.appendChild(span);
    }
    fact('benchmark', data.benchmark === null ? 'none (no records)' : data.benchmark);
    fact('variants', N);
    if (bestId !== null) fact('best', '#' + bestId + ' (' + scoreText(V[bestId].score) + ')');
    Object.keys(data.counts).sort().forEach(function (s) { fact(s, data.counts[s]); });
    (data.models || []).forEach(function (m) {
      fact('model ' + m.name, m.children + (m.children === 1 ? ' child, ' : ' children, ') +
        m.improvements + ' better, ' + m.calls + ' calls, ' + m.tokens + ' tokens, cost ' +
        m.cost.toFixed(4));
    });
    fact(data.live ? 'served' : 'generated', data.generated);
    facts.appendChild(el('span', { title: 'archive' }, data.archive));
    if (data.live) facts.appendChild(el('span', { id: 'live-status', 'class': 'live ' + live.state }, live.text()));
  }

  function renderLegend() {
    var legend = $('legend');
    function item(swatch, text) {
      var span = el('span', { 'class': 'item' });
      span.appendChild(swatch);
      span.appendChild(document.createTextNode(text));
      legend.appendChild(span);
    }
    var scale = el('span', { 'class': 'scale' });
    scale.style.background = 'linear-gradient(to right,' +
      [0, 0.2, 0.4, 0.6, 0.8, 1].map(scoreColor).join(',') + ')';
    item(el('span', null, 'score 0'), '');
    legend.lastChild.appendChild(scale);
    legend.lastChild.appendChild(document.createTextNode('1'));
    function dot(fill, stroke, strokeWidth, dash) {
      var s = svg('svg', { width: 16, height: 16 });
      var c = svg('circle', { cx: 8, cy: 8, r: 5, fill: fill, stroke: stroke, 'stroke-width': strokeWidth });
      if (dash) c.setAttribute('stroke-dasharray', '2 2');
      s.appendChild(c);
      return s;
    }
    function line(stroke, width, dash) {
      var s = svg('svg', { width: 26, height: 10 });
      var l = svg('line', { x1: 1, y1: 5, x2: 25, y2: 5, stroke: stroke, 'stroke-width': width });
      if (dash) l.setAttribute('stroke-dasharray', '4 3');
      s.appendChild(l);
      return s;
    }
    item(dot('#eaeef2', '#cf222e', 2), 'failed (build_failed, timeout, mutation_failed, ...)');
    item(dot('#24292f', '#cf222e', 3), 'tampered (changed what it must not: score 0)');
    item(dot('#fff', '#8c959f', 1), 'not evaluated');
    item(dot(scoreColor(0.5), '#57606a', 1, true), 'pruned');
    item(dot(scoreColor(1), '#e8590c', 3), 'best');
    item(line('#e8590c', 3), 'seed \u2192 best');
    item(line('#8250df', 1.5, true), 'crossover parent');
    item(el('b', { 'class': 'legend-collapsed' }, '+N'), 'collapsed subtree');
  }

  // ---- Layout: leaves in depth-first order, a parent centred over its children ------------
  function computeLayout() {
    var x = new Float64Array(N), y = new Float64Array(N), visible = new Uint8Array(N);
    var slot = 0, maxDepth = 0;
    var stack = [];
    for (var r = roots.length - 1; r >= 0; r--) stack.push([roots[r], 0, false]);
    while (stack.length) {  // iterative: lineages can be thousands deep
      var frame = stack.pop(), id = frame[0], depth = frame[1];
      var children = state.collapsed.has(id) ? [] : kids[id];
      if (frame[2]) {
        x[id] = (x[children[0]] + x[children[children.length - 1]]) / 2;
        continue;
      }
      visible[id] = 1;
      y[id] = depth;
      if (depth > maxDepth) maxDepth = depth;
      if (!children.length) { x[id] = slot++ * DX; continue; }
      stack.push([id, depth, true]);
      for (var c = children.length - 1; c >= 0; c--) stack.push([children[c], depth + 1, false]);
    }
    // A wide, shallow tree gets taller generations, so that fitting it to the view shows its
    // shape rather than a flat strip.
    var width = Math.max(0, slot - 1) * DX, box = $('tree').getBoundingClientRect();
    var dy = DY;
    if (maxDepth > 0 && box.width > 0) {
      dy = Math.min(5 * DY, Math.max(DY, width * (box.height / box.width) / maxDepth));
    }
    for (var v = 0; v < N; v++) y[v] *= dy;
    return { x: x, y: y, visible: visible, width: width, height: maxDepth * dy, dy: dy };
  }

  // ---- The tree --------------------------------------------------------------------------
  var circles = [];
  function createNodes(from) {
    var fragment = document.createDocumentFragment();
    for (var id = from; id < N; id++) {
      var c = svg('circle', { 'data-id': id });
      circles.push(c);
      styleNode(id);
      fragment.appendChild(c);
    }
    $('nodes').appendChild(fragment);
  }

  function styleNode(id) {
    var v = V[id], c = circles[id];
    var cls = 'node';
    if (v.status === 'tampered') cls += ' tampered';
    else if (isFailed(v.status)) cls += ' failed';
    else if (v.score === null) cls += ' unscored';
    if (v.status !== 'tampered' && !isFailed(v.status) && v.score !== null) c.setAttribute('fill', scoreColor(v.score));
    else c.removeAttribute('fill');
    if (v.pruned) cls += ' pruned';
    if (onBestPath[id]) cls += ' on-path';
    if (id === bestId) cls += ' best';
    if (id === state.selected) cls += ' selected';
    c.setAttribute('class', cls);
  }

  function edgePath(L, from, to) {
    var mid = L.y[from] + L.dy / 2;
    return 'M' + L.x[from] + ' ' + L.y[from] + 'V' + mid + 'H' + L.x[to] + 'V' + L.y[to];
  }

  function renderTree() {
    var L = state.layout = computeLayout();
    var plain = [], best = [], cross = [];
    for (var id = 0; id < N; id++) {
      var c = circles[id];
      if (!L.visible[id]) { c.classList.add('hidden'); continue; }
      c.classList.remove('hidden');
      c.setAttribute('cx', L.x[id]);
      c.setAttribute('cy', L.y[id]);
      var parents = V[id].parents;
      if (!parents.length) continue;
      (onBestPath[id] && onBestPath[parents[0]] ? best : plain).push(edgePath(L, parents[0], id));
      for (var p = 1; p < parents.length; p++) {
        if (L.visible[parents[p]]) {
          cross.push('M' + L.x[parents[p]] + ' ' + L.y[parents[p]] + 'L' + L.x[id] + ' ' + L.y[id]);
        }
      }
    }
    var edges = $('edges');
    edges.textContent = '';
    [['tree-edge', plain], ['cross-edge', cross], ['best-edge', best]].forEach(function (e) {
      if (e[1].length) edges.appendChild(svg('path', { 'class': e[0], d: e[1].join('') }));
    });
    renderLabels();
    applyFilters();
  }

  // Ids next to nodes: all of them when zoomed in far enough for them not to overlap,
  // else the roots, the best, the selected variant and collapsed subtrees (with their
  // hidden count).
  function labelsFit() { return DX * state.k >= 30; }
  var labelsShown = null;
  function renderLabels() {
    var L = state.layout, group = $('labels');
    group.textContent = '';
    labelsShown = labelsFit();
    var fragment = document.createDocumentFragment();
    function label(id, text, cls) {
      var t = svg('text', { x: L.x[id] + 7, y: L.y[id] - 7 });
      if (cls) t.setAttribute('class', cls);
      t.textContent = text;
      fragment.appendChild(t);
    }
    for (var id = 0; id < N; id++) {
      if (!L.visible[id]) continue;
      if (state.collapsed.has(id)) {
        label(id, '#' + id + ' +' + (subtreeSize[id] - 1), 'collapsed-count');
      } else if (id === bestId) {
        label(id, '#' + id + ' best ' + scoreText(V[id].score));
      } else if (labelsShown || !V[id].parents.length || id === state.selected) {
        label(id, '#' + id);
      }
    }
    group.appendChild(fragment);
  }

  // ---- Filters: dim what does not match, so the tree keeps its shape ----------------------
  function matches(v) {
    if (!state.statuses.has(v.status)) return false;
    if (!state.showPruned && v.pruned) return false;
    if (state.minScore > 0 && v.status === 'evaluated' && (v.score === null || v.score < state.minScore)) {
      return false;
    }
    if (state.search) {
      var q = state.search;
      if (String(v.id) !== q && v.summary.toLowerCase().indexOf(q) < 0 &&
          v.mutator.toLowerCase().indexOf(q) < 0 && v.status.indexOf(q) < 0) {
        return false;
      }
    }
    return true;
  }

  function applyFilters() {
    var shown = 0;
    for (var id = 0; id < N; id++) {
      var ok = matches(V[id]);
      circles[id].classList.toggle('dim', !ok);
      if (ok) shown++;
    }
    $('match-count').textContent = shown === N ? '' : shown + ' of ' + N + ' match';
  }

  function renderStatusFilter() {
    var box = $('status-filter');
    box.textContent = '';
    Object.keys(data.counts).sort().forEach(function (s) {
      if (!state.seenStatuses.has(s)) {  // a status new to a live page is shown
        state.seenStatuses.add(s);
        state.statuses.add(s);
      }
      var label = el('label', { title: data.counts[s] + ' variants' });
      var input = el('input', { type: 'checkbox', 'data-status': s });
      input.checked = state.statuses.has(s);
      input.addEventListener('change', function () {
        if (input.checked) state.statuses.add(s); else state.statuses.delete(s);
        applyFilters();
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + s));
      box.appendChild(label);
    });
  }

  // ---- Zoom and pan ----------------------------------------------------------------------
  function applyView() {
    $('viewport').setAttribute('transform',
      'translate(' + state.tx + ' ' + state.ty + ') scale(' + state.k + ')');
    // Nodes and labels keep a readable size on screen whatever the zoom.
    var screenR = Math.max(2.5, Math.min(8, 5 * Math.sqrt(state.k)));
    var tree = $('tree');
    tree.style.setProperty('--r', (screenR / state.k) + 'px');
    tree.style.setProperty('--fs', (11 / state.k) + 'px');
    if (labelsShown !== null && labelsShown !== labelsFit()) renderLabels();
  }

  function fit() {
    var box = $('tree').getBoundingClientRect(), L = state.layout, pad = 30;
    var w = Math.max(L.width, 1), h = Math.max(L.height, 1);
    state.k = Math.max(0.02, Math.min(2, (box.width - 2 * pad) / w, (box.height - 2 * pad) / h));
    state.tx = (box.width - L.width * state.k) / 2;
    state.ty = pad + Math.max(0, (box.height - 2 * pad - L.height * state.k) / 2);
    state.follow = true;
    applyView();
  }

  function zoomAt(factor, px, py) {
    var k = Math.max(0.01, Math.min(40, state.k * factor));
    state.tx = px - (px - state.tx) * (k / state.k);
    state.ty = py - (py - state.ty) * (k / state.k);
    state.k = k;
    state.follow = false;
    applyView();
  }

  function centerOn(id) {
    var box = $('tree').getBoundingClientRect(), L = state.layout;
    if (!L.visible[id]) return;
    if (state.k < 0.6) state.k = 1;
    state.tx = box.width / 2 - L.x[id] * state.k;
    state.ty = box.height / 2 - L.y[id] * state.k;
    state.follow = false;
    applyView();
  }

  var dragEndedAt = 0;
  function setupPanZoom() {
    var tree = $('tree'), drag = null;
    tree.addEventListener('wheel', function (e) {
      e.preventDefault();
      var box = tree.getBoundingClientRect();
      zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - box.left, e.clientY - box.top);
    }, { passive: false });
    tree.addEventListener('pointerdown', function (e) {
      drag = { x: e.clientX, y: e.clientY, tx: state.tx, ty: state.ty, moved: false };
    });
    window.addEventListener('pointermove', function (e) {
      if (drag) {
        var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
        if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 3) {
          drag.moved = true;
          tree.classList.add('panning');
        }
        if (drag.moved) {
          state.tx = drag.tx + dx;
          state.ty = drag.ty + dy;
          state.follow = false;
          applyView();
        }
      }
    });
    window.addEventListener('pointerup', function () {
      if (drag && drag.moved) dragEndedAt = Date.now();  // the click ending a drag selects nothing
      drag = null;
      tree.classList.remove('panning');
    });
    $('zoom-in').addEventListener('click', function () {
      var b = tree.getBoundingClientRect();
      zoomAt(1.5, b.width / 2, b.height / 2);
    });
    $('zoom-out').addEventListener('click', function () {
      var b = tree.getBoundingClientRect();
      zoomAt(1 / 1.5, b.width / 2, b.height / 2);
    });
    $('fit').addEventListener('click', fit);
  }

  // ---- Tooltip and clicks ----------------------------------------------------------------
  function setupNodeEvents() {
    var nodes = $('nodes'), tip = $('tooltip'), wrap = $('tree-wrap');
    nodes.addEventListener('mouseover', function (e) {
      var id = e.target.getAttribute('data-id');
      if (id === null) return;
      var v = V[+id];
      tip.textContent = '#' + v.id + '  ' + (isFailed(v.status) ? v.status : scoreText(v.score)) +
        (v.pruned ? '  pruned' : '') + (v.summary ? '  \u2014 ' + v.summary : '');
      tip.hidden = false;
    });
    nodes.addEventListener('mousemove', function (e) {
      var box = wrap.getBoundingClientRect();
      tip.style.left = (e.clientX - box.left + 12) + 'px';
      tip.style.top = (e.clientY - box.top + 12) + 'px';
    });
    nodes.addEventListener('mouseout', function () { tip.hidden = true; });
    nodes.addEventListener('click', function (e) {
      if (Date.now() - dragEndedAt < 100) return;
      var id = e.target.getAttribute('data-id');
      if (id !== null) select(+id);
    });
    nodes.addEventListener('dblclick', function (e) {
      var id = e.target.getAttribute('data-id');
      if (id !== null) toggleCollapse(+id);
    });
  }

  function toggleCollapse(id) {
    if (!kids[id].length) return;
    if (state.collapsed.has(id)) state.collapsed.delete(id); else state.collapsed.add(id);
    renderTree();
    if (state.selected !== null && !state.layout.visible[state.selected]) select(id);
    else if (state.selected !== null) showSelected();
  }

  function setupToolbar() {
    $('min-score').addEventListener('input', function () {
      state.minScore = +this.value;
      $('min-score-value').textContent = state.minScore.toFixed(2);
      applyFilters();
    });
    $('show-pruned').addEventListener('change', function () {
      state.showPruned = this.checked;
      applyFilters();
    });
    $('search').addEventListener('input', function () {
      state.search = this.value.trim().toLowerCase();
      applyFilters();
    });
    $('search').addEventListener('keydown', function (e) {
      if (e.key !== 'Enter') return;
      var q = this.value.trim().toLowerCase().replace(/^#/, '');
      var id = /^\d+$/.test(q) && +q < N ? +q : V.findIndex(matches);
      if (id >= 0) { revealAndSelect(id); }
    });
    $('expand-all').addEventListener('click', function () {
      state.collapsed.clear();
      renderTree();
      fit();
    });
    $('collapse-off-path').addEventListener('click', function () {
      state.collapsed.clear();
      for (var id = 0; id < N; id++) {
        if (kids[id].length && !onBestPath[id]) state.collapsed.add(id);
      }
      renderTree();
      fit();
    });
    $('collapse-pruned').addEventListener('click', function () {
      for (var id = 0; id < N; id++) {
        if (kids[id].length && V[id].pruned) state.collapsed.add(id);
      }
      renderTree();
      fit();
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') select(null);
    });
  }

  // Expands the collapsed ancestors of a variant, then selects and centres it.
  function revealAndSelect(id) {
    var changed = false;
    for (var at = id; V[at].parents.length;) {
      at = V[at].parents[0];
      if (state.collapsed.delete(at)) changed = true;
    }
    if (changed) renderTree();
    select(id);
    centerOn(id);
  }

  // ---- The chart: best score so far over the children evaluated, in id order ---------------
  function renderChart() {
    var chart = $('chart');
    chart.textContent = '';
    var width = chart.getBoundingClientRect().width || 600, height = 170;
    var left = 34, right = 10, top = 8, bottom = 22;
    var seedBest = null;
    var points = [];  // children with a record, in the order they were added
    V.forEach(function (v) {
      if (!v.parents.length) {
        if (v.status === 'evaluated' && v.score !== null) seedBest = Math.max(seedBest === null ? 0 : seedBest, v.score);
      } else if (v.status !== 'not_evaluated') {
        points.push(v);
      }
    });
    var n = Math.max(points.length, 1);
    function px(i) { return left + (width - left - right) * i / n; }
    function py(s) { return top + (height - top - bottom) * (1 - s); }
    [0, 0.25, 0.5, 0.75, 1].forEach(function (s) {
      chart.appendChild(svg('line', { x1: left, x2: width - right, y1: py(s), y2: py(s), 'class': 'grid' }));
      var t = svg('text', { x: left - 4, y: py(s) + 3, 'text-anchor': 'end' });
      t.textContent = s.toFixed(2);
      chart.appendChild(t);
    });
    chart.appendChild(svg('line', { x1: left, x2: width - right, y1: py(0), y2: py(0), 'class': 'axis' }));
    var step = Math.max(1, Math.pow(10, Math.floor(Math.log10(n))) / (n / Math.pow(10, Math.floor(Math.log10(n))) < 3 ? 2 : 1));
    for (var x = 0; x <= n; x += step) {
      if (x > 0 && px(x) > width - right - 120) break;  // room for the axis label
      var t = svg('text', { x: px(x), y: height - 6, 'text-anchor': 'middle' });
      t.textContent = x;
      chart.appendChild(t);
    }
    var label = svg('text', { x: width - right, y: height - 6, 'text-anchor': 'end' });
    label.textContent = points.length ? 'children evaluated' : 'no children evaluated yet';
    chart.appendChild(label);
    var best = seedBest, d = best === null ? '' : 'M' + px(0) + ' ' + py(best);
    var fragment = document.createDocumentFragment();
    // The score's standard error as a bar, when the variant's tasks were repeated.
    function errorBar(v, x) {
      if (typeof v.score_stderr !== 'number' || v.score === null) return;
      var lo = Math.max(0, v.score - v.score_stderr), hi = Math.min(1, v.score + v.score_stderr);
      fragment.appendChild(svg('line', { x1: x, x2: x, y1: py(lo), y2: py(hi), 'class': 'error-bar' }));
      [lo, hi].forEach(function (s) {
        fragment.appendChild(svg('line', { x1: x - 3, x2: x + 3, y1: py(s), y2: py(s), 'class': 'error-bar' }));
      });
    }
    V.forEach(function (v) { if (!v.parents.length && v.status === 'evaluated') errorBar(v, px(0)); });
    points.forEach(function (v, i) {
      var failedChild = isFailed(v.status);
      if (!failedChild) errorBar(v, px(i + 1));
      if (!failedChild && v.score !== null && (best === null || v.score > best)) {
        d += (d ? 'H' + px(i + 1) : 'M' + px(i + 1) + ' ' + py(v.score)) + 'V' + py(v.score);
        best = v.score;
      }
      var dot = failedChild
        ? svg('circle', { cx: px(i + 1), cy: py(0), r: 2.5, fill: '#fff', 'class': 'fail-dot', 'data-id': v.id })
        : svg('circle', { cx: px(i + 1), cy: py(v.score === null ? 0 : v.score), r: 2.5,
                          fill: scoreColor(v.score === null ? 0 : v.score), 'class': 'dot', 'data-id': v.id });
      var title = svg('title');
      title.textContent = '#' + v.id + ' ' + (failedChild ? v.status : scoreWithError(v));
      dot.appendChild(title);
      fragment.appendChild(dot);
    });
    if (d) d += 'H' + px(n);
    chart.appendChild(svg('path', { d: d, 'class': 'best-line' }));
    chart.appendChild(fragment);
  }

  function setupChartEvents() {
    $('chart').addEventListener('click', function (e) {
      var id = e.target.getAttribute('data-id');
      if (id !== null) revealAndSelect(+id);
    });
  }

  // ---- Selection and the side panel -----------------------------------------------------
  function select(id) {
    if (state.selected !== null) circles[state.selected].classList.remove('selected');
    if (id !== null && state.compareFrom !== null && id !== state.compareFrom) {
      state.compare = { a: state.compareFrom, b: id };
    } else if (id === null || !state.compare || (id !== state.compare.a && id !== state.compare.b)) {
      state.compare = null;
    }
    state.compareFrom = null;
    state.selected = id;
    if (id === null) {
      renderLabels();
      return;
    }
    circles[id].classList.add('selected');
    renderLabels();
    showSelected();
  }

  // The panel of the selected variant (or of the comparison), its details loaded if needed.
  function showSelected() {
    var id = state.selected;
    if (id === null) return;
    if (state.compare) {
      renderCompare(state.compare.a, state.compare.b);
      [state.compare.a, state.compare.b].forEach(function (c) { if (!details.has(c)) loadDetail(c); });
      return;
    }
    renderPanel(id);
    if (!details.has(id)) loadDetail(id);
  }

  var loading = new Set();
  function loadDetail(id) {
    if (loading.has(id)) return;
    loading.add(id);
    // Served live, a variant's detail changes with its record: never take a cached one.
    var script = el('script', { src: 'variants/' + id + '.js' + (data.live ? '?u=' + live.events : '') });
    script.onerror = function () {
      loading.delete(id);
      script.remove();
      if (state.selected === id) {
        var note = $('detail-status');
        if (note) {
          note.className = 'note';
          note.textContent = 'Could not load variants/' + id + '.js beside this page: was the page ' +
            'copied without its variants/ folder?';
        }
      }
    };
    script.onload = function () { loading.delete(id); script.remove(); };
    document.head.appendChild(script);
  }

  window.cladeReport = {
    detail: function (id, detail) {
      details.set(id, detail);
      if (state.selected === id || (state.compare && (state.compare.a === id || state.compare.b === id))) {
        showSelected();
      }
    },
    select: function (id) { revealAndSelect(id); },
    center: function (id) { centerOn(id); },
    best: bestId,
    variants: N,
    updates: 0  // live updates drawn
  };

  function vlink(id) {
    var a = el('a', { 'class': 'vlink', 'data-id': id, href: '#' }, '#' + id);
    a.addEventListener('click', function (e) { e.preventDefault(); revealAndSelect(id); });
    return a;
  }
  function links(ids, limit) {
    var span = el('span');
    ids.slice(0, limit).forEach(function (id, i) {
      if (i) span.appendChild(document.createTextNode(', '));
      span.appendChild(vlink(id));
    });
    if (ids.length > limit) span.appendChild(document.createTextNode(' and ' + (ids.length - limit) + ' more'));
    if (!ids.length) span.textContent = '-';
    return span;
  }
  function factsTable(rows) {
    var table = el('table', { 'class': 'facts' });
    rows.forEach(function (r) {
      var tr = el('tr');
      tr.appendChild(el('td', null, r[0]));
      var td = el('td');
      if (r[1] instanceof Node) td.appendChild(r[1]); else td.textContent = r[1];
      tr.appendChild(td);
      table.appendChild(tr);
    });
    return table;
  }
  function pre(text, cls) {
    var p = el('pre', cls ? { 'class': cls } : null);
    p.textContent = text;
    return p;
  }
  function json(value) { return JSON.stringify(value, null, 2); }

  function renderPanel(id) {
    var v = V[id], d = details.get(id), panel = $('panel');
    panel.textContent = '';
    panel.scrollTop = 0;
    var head = el('div', { 'class': 'head' });
    head.appendChild(el('h2', null, 'Variant #' + id));
    head.appendChild(el('span', { 'class': 'badge ' + (isFailed(v.status) ? 'failed' : v.status) }, v.status));
    head.appendChild(el('span', null, 'score ' + scoreWithError(v)));
    if (id === bestId) head.appendChild(el('span', { 'class': 'badge best' }, 'best'));
    if (v.pruned) head.appendChild(el('span', { 'class': 'badge' }, 'pruned'));
    if (kids[id].length) {
      var toggle = el('button', null, state.collapsed.has(id) ? 'expand subtree' : 'collapse subtree (' + (subtreeSize[id] - 1) + ')');
      toggle.addEventListener('click', function () { toggleCollapse(id); });
      head.appendChild(toggle);
    }
    var center = el('button', null, 'centre');
    center.addEventListener('click', function () { centerOn(id); });
    head.appendChild(center);
    var compare = el('button', { id: 'compare', title: 'Then click another variant to compare the two' }, 'compare with\u2026');
    function waiting() {
      compare.textContent = 'click another variant';
      compare.disabled = true;
    }
    if (state.compareFrom === id) waiting();  // the panel was redrawn while waiting
    compare.addEventListener('click', function () {
      state.compareFrom = id;
      waiting();
    });
    head.appendChild(compare);
    panel.appendChild(head);
    panel.appendChild(el('p', null, v.summary || '(no summary)'));
    panel.appendChild(factsTable([
      ['parents', v.parents.length > 1 ? (function () { var s = links(v.parents, 10); s.appendChild(document.createTextNode('  (crossover)')); return s; })() : links(v.parents, 10)],
      // (a live detail may name a child whose event the page has not drawn yet: left out)
      ['children', links(kids[id].concat(d ? d.children.filter(function (c) { return c < N && V[c].parents[0] !== id; }) : []), 40)],
      ['mutator', v.mutator || '-'],
      ['time', new Date(v.time * 1000).toLocaleString()],
      ['commit', d ? d.commit : '...']
    ]));
    if (!d) {
      panel.appendChild(el('p', { id: 'detail-status', 'class': 'muted' }, 'loading variants/' + id + '.js ...'));
      return;
    }
    renderMutation(panel, d);
    renderTasks(panel, d);
    renderDiff(panel, d);
    renderRecord(panel, d);
  }

  function renderMutation(panel, d) {
    var m = d.mutation;
    panel.appendChild(el('h3', null, 'Mutation'));
    var rows = [];
    if (m.mutator !== null) rows.push(['mutator', m.mutator]);
    if (m.seed !== null) rows.push(['seed', m.seed]);
    var r = m.record && typeof m.record === 'object' ? m.record : {};
    if (typeof r.model === 'string') {  // the llm and self mutators' model calls and cost
      rows.push(['model', r.model + ': ' + (r.calls || 0) + ' calls, ' + (r.tokens || 0) + ' tokens' +
        (typeof r.cost === 'number' ? ', cost ' + r.cost.toFixed(4) : '')]);
    }
    if (rows.length) panel.appendChild(factsTable(rows));
    if (m.edits.length) {
      var structured = m.edits.every(function (e) { return e && typeof e === 'object' && 'op' in e; });
      if (structured) {
        var table = el('table', { 'class': 'list edits' });
        var hr = el('tr');
        ['op', 'where', 'old', 'new'].forEach(function (h) { hr.appendChild(el('th', null, h)); });
        table.appendChild(hr);
        m.edits.forEach(function (e) {
          var tr = el('tr');
          tr.appendChild(el('td', null, e.op));
          tr.appendChild(el('td', null, (e.file || '') + (e.line !== undefined ? ':' + e.line : '')));
          tr.appendChild(el('td')).appendChild(el('code', null, e.old === undefined ? '' : e.old));
          tr.appendChild(el('td')).appendChild(el('code', null, e.new === undefined ? '' : e.new));
          table.appendChild(tr);
        });
        panel.appendChild(table);
      } else {
        panel.appendChild(pre(m.edits.map(function (e) { return typeof e === 'string' ? e : JSON.stringify(e); }).join('\n')));
      }
    }
    if (m.record !== null) {
      var det = el('details', m.edits.length ? null : { open: '' });
      det.appendChild(el('summary', null, 'the record\'s "mutation" field'));
      det.appendChild(pre(json(m.record)));
      panel.appendChild(det);
    }
    d.logs.forEach(function (log) {
      var det = el('details', log.path.indexOf('mutation/') === 0 ? { open: '' } : null);
      det.appendChild(el('summary', null, log.path + (log.cut ? ' (cut: head and tail shown)' : '')));
      det.appendChild(pre(log.text));
      panel.appendChild(det);
    });
    if (m.mutator === null && !m.edits.length && m.record === null && !d.logs.length) {
      panel.appendChild(el('p', { 'class': 'muted' }, d.parents.length ? 'No mutation was recorded (no Clade-Mutator or Clade-Edit trailer, no "mutation" in the record).' : 'The seed: no mutation.'));
    }
  }

  // A record's validation verdict (docs/evaluation.md, "Validation"): its score on the
  // held-out tasks, the paired test against its parent, and whether it was confirmed.
  function validationText(v) {
    if (v.error) return 'not confirmed: ' + v.error;
    var text = scoreText(v.score) + ' on ' + v.tasks + ' held-out tasks';
    if (typeof v.parent === 'number') {
      text += ' (parent ' + v.parent + ': ' + scoreText(v.parent_score) + '); ' + v.better + ' better, ' +
        v.worse + ' worse, ' + v.ties + ' tied; ' + v.test + ' test p_worse ' +
        (typeof v.p_worse === 'number' ? v.p_worse.toPrecision(2) : '-');
    }
    return text + (v.confirmed ? '; confirmed' : '; not confirmed (p below ' + v.alpha + ')');
  }

  // What the tamper monitor saw this variant change (docs/evaluation.md, "Tampering").
  function renderTampered(panel, r) {
    var changes = Array.isArray(r.tampered) ? r.tampered : [];
    if (!changes.length) return;
    panel.appendChild(el('p', { 'class': 'tampered-note' },
      'Tampered: ' + changes.length + ' protected file' + (changes.length > 1 ? 's' : '') + ' changed; scored 0.'));
    var table = el('table', { 'class': 'list' });
    var hr = el('tr');
    ['step', 'task', 'path', 'change'].forEach(function (h) { hr.appendChild(el('th', null, h)); });
    table.appendChild(hr);
    changes.forEach(function (t) {
      var tr = el('tr');
      [t.step, t.task || '-', t.path, t.change].forEach(function (x) { tr.appendChild(el('td', null, String(x))); });
      table.appendChild(tr);
    });
    panel.appendChild(table);
  }

  function renderTasks(panel, d) {
    var r = d.record;
    panel.appendChild(el('h3', null, 'Evaluation' + (data.benchmark ? ' on ' + data.benchmark : '')));
    if (!r || typeof r !== 'object') {
      panel.appendChild(el('p', { 'class': 'muted' }, 'No record on this benchmark.'));
    } else {
      var rows = [['status', r.status], ['score', scoreWithError(r)]];
      if (r.repeats && typeof r.repeats === 'object') {
        rows.push(['repeats', r.repeats.count + ' runs per task' + (r.repeats.adaptive ? ' where the first two disagree' : '')]);
      }
      if (r.stage) rows.push(['stage', r.stage.reached + ' of ' + r.stage.of]);
      if (r.validation && typeof r.validation === 'object') rows.push(['validation', validationText(r.validation)]);
      if (r.timings) rows.push(['timings', Object.keys(r.timings).map(function (k) { return k + ' ' + r.timings[k]; }).join(', ')]);
      panel.appendChild(factsTable(rows));
      renderTampered(panel, r);
      var tasks = Array.isArray(r.tasks) ? r.tasks : [];
      var withVisible = tasks.some(function (t) { return t.visible && typeof t.visible === 'object'; });
      if (typeof r.visible_pass_hidden_fail === 'number') {
        panel.appendChild(el('p', { 'class': r.visible_pass_hidden_fail ? 'note' : 'muted' },
          r.visible_pass_hidden_fail + ' of ' + tasks.length + ' tasks pass every visible case and fail a hidden one'));
      }
      if (tasks.length) {
        var table = el('table', { 'class': 'list tasks' });
        var hr = el('tr');
        ['task', 'status', 'hidden score'].concat(withVisible ? ['visible'] : []).concat(['seconds'])
          .forEach(function (h) { hr.appendChild(el('th', null, h)); });
        table.appendChild(hr);
        tasks.forEach(function (t) {
          var tr = el('tr');
          tr.appendChild(el('td', null, t.id));
          tr.appendChild(el('td', null, t.status));
          tr.appendChild(el('td', { 'class': 'num' }, scoreText(t.score) +
            (Array.isArray(t.scores) ? ' (runs ' + t.scores.map(scoreText).join(' ') + ')' : '')));
          if (withVisible) tr.appendChild(el('td', { 'class': 'num' }, visibleText(t)));
          tr.appendChild(el('td', { 'class': 'num' }, typeof t.seconds === 'number' ? t.seconds.toFixed(1) : '-'));
          table.appendChild(tr);
        });
        panel.appendChild(table);
      }
    }
    Object.keys(d.other_records).forEach(function (b) {
      var o = d.other_records[b];
      panel.appendChild(el('p', { 'class': 'muted' }, 'also on ' + b + ': ' + o.status + ', score ' + scoreText(o.score)));
    });
  }

  // A task's visible cases (run on the same program, never scored): "passed/all".
  function visibleText(t) {
    if (!t || !t.visible || typeof t.visible !== 'object') return '-';
    return t.visible.passed + '/' + (t.visible.passed + t.visible.failed);
  }

  function renderDiff(panel, d) {
    if (d.diff === null) {
      panel.appendChild(el('h3', null, 'Diff'));
      panel.appendChild(el('p', { 'class': 'muted' }, 'A seed: no parent to diff against.'));
      return;
    }
    var h = el('h3', null, 'Diff against ');
    h.appendChild(vlink(d.diff.parent));
    panel.appendChild(h);
    if (d.diff.cut) {
      panel.appendChild(el('p', { 'class': 'note' }, 'Cut: the first ' + d.diff.text.length + ' of ' +
        d.diff.bytes + ' bytes are shown. The whole diff: clade diff ' + d.diff.parent + ' ' + d.id));
    }
    if (!d.diff.text) {
      panel.appendChild(el('p', { 'class': 'muted' }, 'The source is identical to its parent\'s.'));
      return;
    }
    panel.appendChild(diffPre(d.diff.text));
  }

  function diffPre(text) {
    var p = el('pre', { 'class': 'diff' });
    var fragment = document.createDocumentFragment();
    text.replace(/\n$/, '').split('\n').forEach(function (line) {
      var cls = line.indexOf('diff --git') === 0 || line.indexOf('+++') === 0 || line.indexOf('---') === 0 ? 'file'
        : line[0] === '+' ? 'add' : line[0] === '-' ? 'del' : line.indexOf('@@') === 0 ? 'hunk' : '';
      var span = el('span', cls ? { 'class': cls } : null);
      span.textContent = line || ' ';
      fragment.appendChild(span);
    });
    p.appendChild(fragment);
    return p;
  }

  function renderRecord(panel, d) {
    panel.appendChild(el('h3', null, 'Commit message'));
    panel.appendChild(pre(d.message));
    if (d.log_paths.length) {
      panel.appendChild(el('h3', null, 'Stored logs'));
      panel.appendChild(el('p', { 'class': 'muted' },
        'Read one with: git --git-dir=' + data.archive + ' show refs/clade/logs/' + d.id + ':PATH'));
      if (data.live) d.log_paths.forEach(function (path) { panel.appendChild(liveLog(d.id, path)); });
      else panel.appendChild(pre(d.log_paths.join('\n')));
    }
    var det = el('details');
    det.appendChild(el('summary', null, 'the whole evaluation record (JSON)'));
    det.appendChild(pre(d.record === null ? 'null' : json(d.record)));
    panel.appendChild(det);
  }

  // Served live: a stored log (build, agent, test) fetched from the server when opened.
  function liveLog(id, path) {
    var det = el('details', { 'class': 'log' });
    det.appendChild(el('summary', null, path));
    var body = pre('loading ' + path + ' ...');
    det.appendChild(body);
    det.addEventListener('toggle', function () {
      if (!det.open || det.getAttribute('data-loaded')) return;
      det.setAttribute('data-loaded', '1');
      fetch('api/variants/' + id + '/log?path=' + encodeURIComponent(path)).then(function (r) {
        return r.text().then(function (text) { body.textContent = r.ok ? text : 'could not load: ' + text; });
      }).catch(function (e) { body.textContent = 'could not load: ' + e; });
    });
    return det;
  }

  // ---- Comparing two variants: facts, tasks side by side, and the diff between them ------
  function renderCompare(a, b) {
    var panel = $('panel'), da = details.get(a), db = details.get(b);
    panel.textContent = '';
    var head = el('div', { 'class': 'head' });
    var h2 = el('h2', null, 'Compare ');
    h2.appendChild(vlink(a));
    h2.appendChild(document.createTextNode(' \u2192 '));
    h2.appendChild(vlink(b));
    head.appendChild(h2);
    var end = el('button', null, 'end comparison');
    end.addEventListener('click', function () { state.compare = null; showSelected(); });
    head.appendChild(end);
    panel.appendChild(head);
    var table = el('table', { 'class': 'list compare' });
    var hr = el('tr');
    ['', '#' + a, '#' + b].forEach(function (h) { hr.appendChild(el('th', null, h)); });
    table.appendChild(hr);
    [['status', function (v) { return v.status; }], ['score', scoreWithError],
     ['mutator', function (v) { return v.mutator || '-'; }],
     ['parents', function (v) { return v.parents.length ? v.parents.map(function (p) { return '#' + p; }).join(', ') : '-'; }],
     ['summary', function (v) { return v.summary || '-'; }]].forEach(function (row) {
      var tr = el('tr');
      tr.appendChild(el('td', null, row[0]));
      tr.appendChild(el('td', null, row[1](V[a])));
      tr.appendChild(el('td', null, row[1](V[b])));
      table.appendChild(tr);
    });
    panel.appendChild(table);
    if (!da || !db) {
      panel.appendChild(el('p', { id: 'detail-status', 'class': 'muted' }, 'loading the details ...'));
      return;
    }
    renderCompareTasks(panel, a, b, da, db);
    renderCompareDiff(panel, a, b, db);
  }

  function recordTasks(d) {
    var byId = new Map();
    if (d.record && Array.isArray(d.record.tasks)) d.record.tasks.forEach(function (t) { byId.set(t.id, t); });
    return byId;
  }

  function renderCompareTasks(panel, a, b, da, db) {
    var ta = recordTasks(da), tb = recordTasks(db);
    var ids = Array.from(ta.keys());
    tb.forEach(function (t, id) { if (!ta.has(id)) ids.push(id); });
    panel.appendChild(el('h3', null, 'Tasks' + (data.benchmark ? ' on ' + data.benchmark : '')));
    if (!ids.length) {
      panel.appendChild(el('p', { 'class': 'muted' }, 'Neither has per-task results on this benchmark.'));
      return;
    }
    var better = 0, worse = 0, same = 0;
    var table = el('table', { 'class': 'list tasks compare-tasks' });
    var hr = el('tr');
    ['task', '#' + a, 'visible', '#' + b, 'visible', 'change'].forEach(function (h) { hr.appendChild(el('th', null, h)); });
    table.appendChild(hr);
    ids.forEach(function (id) {
      var x = ta.get(id), y = tb.get(id);
      var sx = x && typeof x.score === 'number' ? x.score : null, sy = y && typeof y.score === 'number' ? y.score : null;
      var change = sx === null || sy === null ? '' : sy > sx ? 'better' : sy < sx ? 'worse' : 'same';
      if (change === 'better') better++; else if (change === 'worse') worse++; else if (change === 'same') same++;
      var tr = el('tr', change && change !== 'same' ? { 'class': change } : null);
      tr.appendChild(el('td', null, id));
      tr.appendChild(el('td', { 'class': 'num' }, x ? x.status + ' ' + scoreText(sx) : '-'));
      tr.appendChild(el('td', { 'class': 'num' }, visibleText(x)));
      tr.appendChild(el('td', { 'class': 'num' }, y ? y.status + ' ' + scoreText(sy) : '-'));
      tr.appendChild(el('td', { 'class': 'num' }, visibleText(y)));
      tr.appendChild(el('td', null, change === 'same' ? '' : change));
      table.appendChild(tr);
    });
    panel.appendChild(el('p', null, '#' + b + ' against #' + a + ': better on ' + better + ', worse on ' + worse +
      ', the same on ' + same + ' task' + (same === 1 ? '' : 's') + '.'));
    panel.appendChild(table);
  }

  function renderCompareDiff(panel, a, b, db) {
    var h = el('h3', null, 'Diff from ');
    h.appendChild(vlink(a));
    h.appendChild(document.createTextNode(' to '));
    h.appendChild(vlink(b));
    panel.appendChild(h);
    if (data.live) {  // the server diffs any two variants
      var box = el('div', null);
      box.appendChild(el('p', { 'class': 'muted' }, 'loading the diff ...'));
      panel.appendChild(box);
      fetch('api/variants/' + b + '/diff?against=' + a).then(function (r) { return r.text(); }).then(function (text) {
        box.textContent = '';
        box.appendChild(text ? diffPre(text) : el('p', { 'class': 'muted' }, 'The two sources are identical.'));
      }).catch(function (e) { box.textContent = 'could not load the diff: ' + e; });
    } else if (db.diff && db.diff.parent === a) {
      panel.appendChild(db.diff.text ? diffPre(db.diff.text) : el('p', { 'class': 'muted' }, 'The two sources are identical.'));
    } else {
      panel.appendChild(el('p', { 'class': 'muted' }, 'This page holds each variant\'s diff against its first parent only; ' +
        'the diff between these two: clade diff ' + a + ' ' + b + ' (or open the live view, clade serve).'));
    }
  }

  // ---- Live: what clade serve pushes (docs/report.md, "The live view") --------------------
  var live = {
    events: data.live ? data.live.events : 0,  // events seen (the summary's count to start)
    state: 'connecting', last: null, pending: new Map(), head: null, timer: null, server: null,
    text: function () {
      return this.state === 'live' ? 'live' + (this.last ? ', updated ' + this.last.toLocaleTimeString() : '')
        : this.state === 'connecting' ? 'live: connecting' : 'live: reconnecting ...';
    }
  };

  function setLiveState(s) {
    live.state = s;
    var node = $('live-status');
    if (node) { node.className = 'live ' + s; node.textContent = live.text(); }
  }

  function connectLive() {
    var source = new EventSource('api/events?since=' + live.events);
    source.addEventListener('open', function () { setLiveState('live'); });
    source.addEventListener('error', function () { setLiveState('reconnecting'); });
    source.addEventListener('hello', function (e) {
      // A restarted server numbers its events from 1 and knows nothing of what was written
      // while it was down: start again from a fresh page.
      var server = JSON.parse(e.data).server;
      if (live.server && live.server !== server) location.reload();
      live.server = server;
    });
    source.addEventListener('variant', function (e) {
      var message = JSON.parse(e.data);
      live.events = +e.lastEventId || live.events + 1;
      live.pending.set(message.id, message.variant);
      scheduleLive();
    });
    source.addEventListener('summary', function (e) {
      live.head = JSON.parse(e.data);
      scheduleLive();
    });
  }

  // Events come in bursts (a variant, then its record): draw once per burst.
  function scheduleLive() {
    if (!live.timer) live.timer = setTimeout(applyLive, 50);
  }

  function addVariant(v) {
    V.push(v);
    N = V.length;
    kids.push([]);
    subtreeSize.push(0);
    if (v.parents.length) kids[v.parents[0]].push(v.id); else roots.push(v.id);
    for (var at = v.id; ; at = V[at].parents[0]) {
      subtreeSize[at] += 1;
      if (!V[at].parents.length) break;
    }
  }

  function applyLive() {
    live.timer = null;
    var anchor = state.selected !== null ? state.selected : 0;
    var before = state.layout && state.layout.visible[anchor]
      ? { x: state.layout.x[anchor], y: state.layout.y[anchor] } : null;
    var first = N, changed = [];
    Array.from(live.pending.keys()).sort(function (x, y) { return x - y; }).forEach(function (id) {
      var v = live.pending.get(id);
      if (id < N) {
        v.parents = V[id].parents;
        V[id] = v;
        changed.push(id);
      } else if (id === N) {
        addVariant(v);
      } else {
        return;  // a gap: wait for the variants before it
      }
      live.pending.delete(id);
    });
    if (live.head) {
      Object.keys(live.head).forEach(function (k) { if (k !== 'variants' && k !== 'live') data[k] = live.head[k]; });
      bestId = data.best;
      live.head = null;
    }
    onBestPath = bestPathFlags();
    createNodes(first);
    for (var id = 0; id < first; id++) styleNode(id);
    changed.forEach(function (id) { details.delete(id); });
    live.last = new Date();
    renderFacts();
    renderStatusFilter();
    renderTree();
    if (state.follow) {
      fit();
    } else if (before && state.layout.visible[anchor]) {  // keep the anchor where it was on screen
      state.tx += (before.x - state.layout.x[anchor]) * state.k;
      state.ty += (before.y - state.layout.y[anchor]) * state.k;
      applyView();
    }
    renderChart();
    var shown = state.compare ? [state.compare.a, state.compare.b] : [state.selected];
    var newChild = V.slice(first).some(function (v) { return v.parents.indexOf(state.selected) >= 0; });
    if (shown.some(function (id) { return changed.indexOf(id) >= 0; }) || (newChild && !state.compare)) {
      showSelected();  // its record changed, or it has a new child to list
    }
    window.cladeReport.best = bestId;
    window.cladeReport.variants = N;
    window.cladeReport.updates += 1;
    document.body.setAttribute('data-updates', String(window.cladeReport.updates));
  }

  // ---- Start ------------------------------------------------------------------------------
  var phases = { parsed: performance.now() };  // when each part of the start was done
  renderFacts();
  renderLegend();
  renderStatusFilter();
  createNodes(0);
  phases.nodes = performance.now();
  renderTree();
  phases.tree = performance.now();
  fit();
  setupPanZoom();
  setupNodeEvents();
  setupToolbar();
  renderChart();
  phases.chart = performance.now();
  setupChartEvents();
  window.cladeReport.phases = phases;
  window.addEventListener('resize', function () { renderChart(); });
  if (data.live) connectLive();
  window.cladeReport.readyMs = performance.now();
  document.body.setAttribute('data-ready', '1');
})();
